import type { APIGatewayProxyResult } from 'aws-lambda';

/** Test route: answers after longer than its integration timeout. */
export async function handler(): Promise<APIGatewayProxyResult> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return { statusCode: 200, body: 'too late' };
}
