import * as z from 'zod';

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * A switch: exactly 'true', 'false', '1' or '0'. Anything else fails at load, so a typo
 * such as `AUTOMATION_FEATURE_ENABLED=ture` can never silently mean "off".
 */
export const strictBoolean = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: "expected 'true', 'false', '1' or '0'" })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

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
  /**
   * Browser origins allowed to read responses: `*`, or a comma-separated list (the caller's
   * `Origin` is echoed when it is on it). Keys travel in a header, never cookies, so `*` is safe.
   */
  CORS_ALLOW_ORIGIN: z.string().min(1).default('*'),

  // ---- LLM gateway ----
  /** An OpenAI-compatible upstream for the gateway's `direct` backend. */
  UPSTREAM_BASE_URL: z.url().optional(),
  /** Local stack only: its secrets stand-in reads the key from here (never set in AWS). */
  UPSTREAM_API_KEY: z.string().min(1).optional(),
  /** A Morpheus proxy-router for the gateway's `morpheus` backend (HTTP basic auth). */
  MORPHEUS_ROUTER_URL: z.url().optional(),
  MORPHEUS_ROUTER_USERNAME: z.string().min(1).optional(),
  /** Local stack only, like UPSTREAM_API_KEY. */
  MORPHEUS_ROUTER_PASSWORD: z.string().min(1).optional(),
  /**
   * In AWS the key and the password are not in the environment: these name the Secrets
   * Manager secrets that hold them (set by the stack, with read access, on the functions
   * that call an upstream).
   */
  UPSTREAM_API_KEY_SECRET_ARN: z.string().min(1).optional(),
  MORPHEUS_ROUTER_PASSWORD_SECRET_ARN: z.string().min(1).optional(),
  /**
   * How long a container uses a secret it read before reading it again: a rotated key or
   * password is in use within this bound, without a redeploy, at one GetSecretValue per
   * secret per container per period.
   */
  UPSTREAM_SECRET_CACHE_SECONDS: int(300, 1, 3600),
  /** The stage's model routing (config/model_mappings.json and model_targets.json as JSON); absent: the bundled files. */
  MODEL_MAPPINGS_JSON: z.string().min(2).optional(),
  MODEL_TARGETS_JSON: z.string().min(2).optional(),
  /** The system switch (seed 001). Off: settings routes answer 400 and chat never opens sessions itself. */
  AUTOMATION_FEATURE_ENABLED: strictBoolean(false),
  /** What a user who never saved settings gets; new users start disabled (seed 000). */
  AUTOMATION_DEFAULT_ENABLED: strictBoolean(false),
  /** Session length in seconds for users without saved settings (seed 002). */
  DEFAULT_SESSION_EXPIRATION: int(3600, 60, 86_400),
  /** true: an unknown model name is a 404 with suggestions instead of routing to `default`. */
  MODEL_ROUTING_STRICT: strictBoolean(false),
  /** Non-streaming: the whole upstream answer. Streaming: until the first event. */
  UPSTREAM_TIMEOUT_MS: int(120_000, 100, 900_000),
  /** Streaming: the longest silence between two upstream events. */
  UPSTREAM_STREAM_IDLE_TIMEOUT_MS: int(60_000, 100, 900_000),
  /** Retries after a connection error or a 5xx, only before the client got a byte. */
  UPSTREAM_MAX_RETRIES: int(2, 0, 5),
  /** Opening a proxy-router session (it signs a blockchain transaction). */
  SESSION_OPEN_TIMEOUT_MS: int(30_000, 100, 300_000),
  /** How long a container trusts its copy of a key's session; 0 reads the table every time. */
  SESSION_CACHE_SECONDS: int(10, 0, 300),
  /**
   * A model session nobody has used for this long is closed by the sweeper (upstream too).
   * At least 600: longer than the longest chat (300 s) plus the minute a use may go unrecorded.
   */
  SESSION_IDLE_CLOSE_SECONDS: int(900, 600, 86_400),
  /** How long a container trusts its copy of the rollout flag; a change applies within this bound. */
  ROLLOUT_FLAG_CACHE_SECONDS: int(30, 0, 30),
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
  /** How long runs (execution logs) are kept, via the table's TTL; reads hide expired ones too. */
  AUTOMATION_RETENTION_DAYS: int(30, 1, 3650),
  /** Most steps one plan may have. */
  PLAN_MAX_STEPS: int(25, 1, 100),
  /** Largest plan (its steps as JSON) in bytes; plans are copied into every run record. */
  PLAN_MAX_BYTES: int(65_536, 1024, 131_072),
  /** Per-attempt step timeout when a step sets none, and the most a step may ask for. */
  STEP_TIMEOUT_MS: int(10_000, 100, 900_000),
  STEP_MAX_TIMEOUT_MS: int(120_000, 100, 900_000),
  /** A step's stored output is cut to this many bytes of JSON (a marker says so). */
  STEP_OUTPUT_MAX_BYTES: int(32_768, 256, 131_072),
  /** All step results of a run together; outputs shrink further to fit (DynamoDB items max 400 KB). */
  RUN_RESULTS_MAX_BYTES: int(204_800, 4096, 262_144),
  /** How long "run now" and `?wait=true` webhooks run in the request before answering 202. */
  RUN_SYNC_BUDGET_MS: int(8_000, 0, 25_000),
  /** A run's overall deadline across every invocation it takes. */
  RUN_MAX_DURATION_MS: int(900_000, 1000, 86_400_000),
  /**
   * How long an executor's claim on a run lasts unless renewed (every half lease while it
   * works). A run whose lease ran out has lost its executor; the sweeper resumes or ends it.
   */
  RUN_LEASE_MS: int(60_000, 1000, 900_000),
  /** How often `npm start` runs the sweeper (in AWS a schedule runs it every minute). */
  RUN_SWEEP_INTERVAL_MS: int(60_000, 100, 3_600_000),
  /** How many times the sweeper gives one run to a new executor before it ends it as abandoned. */
  RUN_MAX_RECOVERIES: int(3, 0, 20),
  /** Largest webhook request body accepted (it is stored with the run as the trigger). */
  WEBHOOK_MAX_BODY_BYTES: int(32_768, 1024, 131_072),
  // ---- end of automation engine ----

  // ---- automation deployment ----
  /** Set only for the functions that manage schedules (with the IAM permission to do so). */
  SCHEDULE_GROUP: z.string().min(1).optional(),
  SCHEDULER_ROLE_ARN: z.string().min(1).optional(),
  EXECUTION_FUNCTION_ARN: z.string().min(1).optional(),
  SCHEDULER_DLQ_ARN: z.string().min(1).optional(),
  /**
   * EventBridge Scheduler's delivery retries per fire time before the event goes to the DLQ.
   * The execution function is idempotent per fire time, so a retry never runs a plan twice.
   */
  SCHEDULER_MAX_RETRY_ATTEMPTS: int(3, 0, 185),
  /** A fire time not delivered within this many seconds goes to the DLQ instead of running late. */
  SCHEDULER_MAX_EVENT_AGE_SECONDS: int(3600, 60, 86_400),
  /** A scheduled automation is marked failed and its schedule disabled after this many failed runs in a row. */
  SCHEDULE_MAX_CONSECUTIVE_FAILURES: int(3, 1, 100),
  /** How long a scheduled delivery's idempotency record lives: longer than any redelivery. */
  RUN_KEY_TTL_HOURS: int(48, 1, 720),
  /** How long audit entries are kept. */
  AUDIT_RETENTION_DAYS: int(400, 1, 3650),
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
