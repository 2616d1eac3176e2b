import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { defaultRepositoryDeps } from '../shared/clients/dynamodb';
import { ApiKeyRepository } from '../shared/identity/api-key-repository';
import { authenticate, stageWildcardArn } from '../shared/identity/authorize';
import { encodeLimits } from '../shared/identity/key-limits';
import { logger } from '../shared/logger';

const keys = new ApiKeyRepository(defaultRepositoryDeps());

function headerValue(headers: Record<string, string | undefined> | null, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

/**
 * REQUEST authorizer. Throwing "Unauthorized" is API Gateway's contract for a 401,
 * which the UNAUTHORIZED gateway response renders as JSON.
 */
export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  const identity = await authenticate(keys, headerValue(event.headers, 'authorization'));
  if (!identity) {
    logger.info('authorization denied', { requestId: event.requestContext?.requestId });
    throw new Error('Unauthorized');
  }
  return {
    principalId: identity.userId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWildcardArn(event.methodArn) },
      ],
    },
    context: {
      userId: identity.userId,
      keyId: identity.keyId,
      ...(identity.limits ? { limits: encodeLimits(identity.limits) } : {}),
    },
  };
}
