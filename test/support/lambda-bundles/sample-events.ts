import { readFileSync } from 'node:fs';
import path from 'node:path';
import { authorizerFunction, executionFunction, routes } from '../../../infra/routes';

const EVENTS_DIR = path.resolve(__dirname, '..', '..', 'events');

export const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The caller the events speak for: a user and API key that exist in the test table. */
export interface Caller {
  userId: string;
  keyId: string;
  /** The key's plaintext, for the authorizer's Authorization header. */
  key: string;
}

/** An API Gateway proxy or authorizer event, or any other invocation payload. */
export type SampleEvent = Record<string, unknown> & {
  path?: string;
  body?: string | null;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  pathParameters?: Record<string, string> | null;
  requestContext?: Record<string, unknown>;
};

/**
 * A function's sample event (test/events/<kebab-name>.json, the one `npm run invoke` and
 * `sam local invoke` use), made to speak for `caller`: behind the authorizer, the identity
 * API Gateway would pass on; for the authorizer, the caller's key; for the execution
 * function, the caller's user id.
 */
export function sampleEvent(functionName: string, caller: Caller): SampleEvent {
  const event = JSON.parse(
    readFileSync(path.join(EVENTS_DIR, `${kebab(functionName)}.json`), 'utf8'),
  ) as SampleEvent;
  const route = routes.find((r) => r.name === functionName);
  if (route?.auth === 'apiKey') {
    event.requestContext = {
      ...event.requestContext,
      authorizer: { principalId: caller.userId, userId: caller.userId, keyId: caller.keyId },
    };
  }
  if (functionName === authorizerFunction.name) {
    const authorization = `Bearer ${caller.key}`;
    event.headers = { ...event.headers, Authorization: authorization };
    event.multiValueHeaders = { ...event.multiValueHeaders, Authorization: [authorization] };
  }
  if (functionName === executionFunction.name) event.userId = caller.userId;
  return event;
}
