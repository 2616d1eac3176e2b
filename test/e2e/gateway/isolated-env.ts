/**
 * Jest runs several test files in one worker process, and process.env is not reset
 * between them. The local stack treats upstream addresses already in the environment
 * as real upstreams, so a previous file's (stopped) stubs would be used, and gateway
 * switches set by one file would leak into the next. Each gateway e2e file therefore
 * starts from a clean gateway environment and puts everything back when it ends.
 *
 * Import this first, before anything that loads the shared runtime.
 */
const STACK_OWNED = [
  'UPSTREAM_BASE_URL',
  'UPSTREAM_API_KEY',
  'MORPHEUS_ROUTER_URL',
  'MORPHEUS_ROUTER_USERNAME',
  'MORPHEUS_ROUTER_PASSWORD',
  'AUTOMATION_FEATURE_ENABLED',
  'AUTOMATION_DEFAULT_ENABLED',
  'MODEL_ROUTING_STRICT',
  'UPSTREAM_TIMEOUT_MS',
  'ROLLOUT_FLAG_CACHE_SECONDS',
  'SESSION_CACHE_SECONDS',
];

/**
 * The `awslambda` object also outlives a test file within a worker, and the local stack
 * installs its streaming members only once; the installed `HttpResponseStream.from`
 * recognises only the first file's stream class, so later files' streamed responses
 * would lose their status and headers. Dropping the members makes the stack install
 * fresh ones.
 */
function resetStreamingGlobals(): void {
  const lambda = (globalThis as { awslambda?: Record<string, unknown> }).awslambda;
  if (!lambda) return;
  delete lambda.streamifyResponse;
  delete lambda.HttpResponseStream;
}

export function isolatedEnv(vars: Record<string, string>): () => void {
  resetStreamingGlobals();
  const saved = { ...process.env };
  for (const name of STACK_OWNED) delete process.env[name];
  Object.assign(process.env, vars);
  return () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    resetStreamingGlobals();
  };
}
