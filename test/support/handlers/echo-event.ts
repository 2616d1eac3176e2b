import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** Test route: returns the event and the context's remaining time, so tests see what a handler receives. */
export async function handler(event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> {
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    multiValueHeaders: { 'X-Echo': ['one', 'two'] },
    body: JSON.stringify({ event, remainingMs: context.getRemainingTimeInMillis() }),
  };
}
