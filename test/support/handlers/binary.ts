import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** Test route: returns the request body reversed, base64-encoded, as a binary response. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').reverse();
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes.toString('base64'),
    isBase64Encoded: true,
  };
}
