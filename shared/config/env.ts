import * as z from 'zod';

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every environment variable the runtime reads, in one schema.
 * Variables that only some functions receive (the stack grants them together with
 * the matching IAM permission) are optional here and checked where they are used.
 */
export const EnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Set only locally and in tests: points the DynamoDB client at DynamoDB Local. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SERVICE_NAME: z.string().default('flowgate'),
  /** Largest accepted JSON request body in bytes (API Gateway's own limit is 10 MB). */
  MAX_BODY_BYTES: int(1_048_576, 1024, 10 * 1024 * 1024),
  /** Sent as Access-Control-Allow-Origin. Keys travel in a header, never cookies, so `*` is safe. */
  CORS_ALLOW_ORIGIN: z.string().min(1).default('*'),

  // ---- LLM gateway ----
  /** An OpenAI-compatible upstream for the gateway's `direct` backend. */
  UPSTREAM_BASE_URL: z.url().optional(),
  UPSTREAM_API_KEY: z.string().min(1).optional(),
  /** A Morpheus proxy-router for the gateway's `morpheus` backend (HTTP basic auth). */
  MORPHEUS_ROUTER_URL: z.url().optional(),
  MORPHEUS_ROUTER_USERNAME: z.string().min(1).optional(),
  MORPHEUS_ROUTER_PASSWORD: z.string().min(1).optional(),
  // ---- end of LLM gateway ----

  // ---- automation engine ----
  /** Set only for the functions that encrypt or decrypt provider credentials. */
  KMS_KEY_ID: z.string().min(1).optional(),
  /** Set only for the functions that start runs asynchronously. */
  EXECUTION_FUNCTION_NAME: z.string().min(1).optional(),
  /**
   * Comma-separated CIDRs providers may call although they are not public (for example
   * `127.0.0.0/8,::1/128`). Empty in AWS, so every private, loopback, link-local and
   * metadata address is denied. `npm start` and the tests set it to loopback.
   */
  OUTBOUND_ALLOW_CIDRS: z.string().default(''),
  // ---- end of automation engine ----

  // ---- automation deployment ----
  SCHEDULE_GROUP: z.string().min(1).optional(),
  SCHEDULER_ROLE_ARN: z.string().min(1).optional(),
  EXECUTION_FUNCTION_ARN: z.string().min(1).optional(),
  SCHEDULER_DLQ_ARN: z.string().min(1).optional(),
  // ---- end of automation deployment ----
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** For variables only some functions receive: fails loudly where one is needed but missing. */
export function required<K extends keyof Env>(key: K): NonNullable<Env[K]> {
  const value = env[key];
  if (value === undefined || value === null || value === '') {
    throw new Error(`Missing environment variable ${String(key)}`);
  }
  return value as NonNullable<Env[K]>;
}
