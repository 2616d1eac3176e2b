import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';

type AuthorizerFn = (
  event: APIGatewayRequestAuthorizerEvent,
  context: Context,
) => Promise<APIGatewayAuthorizerResult>;

/** The request's method ARN, and its authorizer event, built only when the authorizer runs. */
export interface AuthorizerRequest {
  methodArn: string;
  event: () => APIGatewayRequestAuthorizerEvent;
}

export type AuthorizerOutcome =
  | { kind: 'allow'; context: Record<string, unknown> }
  | { kind: 'unauthorized' }
  | { kind: 'denied' }
  | { kind: 'error' };

interface CacheEntry {
  result: APIGatewayAuthorizerResult;
  expiresAt: number;
}

const compiled = new Map<string, RegExp>();

/** Glob match of IAM-style resource ARNs (`*` spans anything, `?` one character). */
export function arnMatches(pattern: string, arn: string): boolean {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    matcher = new RegExp(`^${source}$`);
    // Policies name a handful of patterns; the bound only guards against a pathological one.
    if (compiled.size < 1000) compiled.set(pattern, matcher);
  }
  return matcher.test(arn);
}

function evaluate(result: APIGatewayAuthorizerResult, methodArn: string): 'allow' | 'denied' {
  let allowed = false;
  for (const statement of result.policyDocument?.Statement ?? []) {
    const s = statement as { Effect: string; Resource?: string | string[] };
    const resources = Array.isArray(s.Resource) ? s.Resource : s.Resource ? [s.Resource] : [];
    if (!resources.some((r) => arnMatches(r, methodArn))) continue;
    if (s.Effect === 'Deny') return 'denied';
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'denied';
}

/**
 * Runs the REQUEST authorizer the way API Gateway does: a missing identity source is a
 * 401 without calling it, a thrown "Unauthorized" is a 401, and the returned policy is
 * cached per Authorization header for the TTL and re-evaluated against each request.
 */
export class LocalAuthorizer {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly load: () => AuthorizerFn,
    private readonly ttlSeconds: number,
    private readonly context: () => Context,
    private readonly now: () => number = Date.now,
  ) {}

  async authorize(
    request: AuthorizerRequest,
    identitySource: string | undefined,
  ): Promise<AuthorizerOutcome> {
    if (!identitySource) return { kind: 'unauthorized' };
    let entry = this.cache.get(identitySource);
    if (!entry || entry.expiresAt <= this.now()) {
      this.cache.delete(identitySource);
      let result: APIGatewayAuthorizerResult;
      try {
        result = await this.load()(request.event(), this.context());
      } catch (err) {
        return (err as Error)?.message === 'Unauthorized' ? { kind: 'unauthorized' } : { kind: 'error' };
      }
      entry = { result, expiresAt: this.now() + this.ttlSeconds * 1000 };
      if (this.ttlSeconds > 0) this.cache.set(identitySource, entry);
    }
    if (evaluate(entry.result, request.methodArn) === 'denied') return { kind: 'denied' };
    return {
      kind: 'allow',
      context: { ...(entry.result.context ?? {}), principalId: entry.result.principalId },
    };
  }

  clear(): void {
    this.cache.clear();
  }
}
