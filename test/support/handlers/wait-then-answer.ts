import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** Test route: answers 200 after `?ms=` milliseconds, for requests that are in flight on purpose. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const ms = Number(event.queryStringParameters?.ms ?? 0);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { statusCode: 200, body: `answered after ${ms} ms` };
}
