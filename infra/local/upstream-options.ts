/**
 * `npm start -- --upstream … --router … --model …`: a real model in one step. The flags
 * become the environment the gateway already reads (UPSTREAM_*, MORPHEUS_ROUTER_*, and
 * MODEL_MAPPINGS_JSON / MODEL_TARGETS_JSON for the routing), so no file is edited and the
 * gateway takes the same path as in AWS. Pure: the caller applies the result to process.env.
 */
import bundledMappings from '../../config/model_mappings.json';
import bundledTargets from '../../config/model_targets.json';
import openAiMappings from '../../config/model_mappings.openai.json';
import openAiTargets from '../../config/model_targets.openai.json';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** What a generic OpenAI-compatible server is asked for without --model / UPSTREAM_MODEL: Ollama's usual first model. */
export const DEFAULT_UPSTREAM_MODEL = 'llama3.2';
/** Sent as the key to a generic server when UPSTREAM_API_KEY is unset: local servers (Ollama, LM Studio) ignore it. */
export const NO_KEY_PLACEHOLDER = 'no-key';
/** The proxy-router's API user unless MORPHEUS_ROUTER_USERNAME says otherwise. */
export const DEFAULT_ROUTER_USERNAME = 'admin';

export interface UpstreamFlags {
  /** `openai`, or the base URL of any OpenAI-compatible server (…/v1). */
  upstream?: string;
  /** The base URL of a Morpheus proxy-router. */
  router?: string;
  /** The upstream's model id every direct target sends. */
  model?: string;
}

/** A flag that cannot be honoured; its message is the one line `npm start` prints. */
export class UpstreamOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpstreamOptionError';
  }
}

type Environment = Readonly<Record<string, string | undefined>>;
type Target = { backend: string; model: string; [field: string]: unknown };

function baseUrl(flag: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UpstreamOptionError(`${flag} must be "openai" or an http(s) base URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UpstreamOptionError(`${flag} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function set(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Every name the bundled mapping knows (the demo names), each routed to `target`. */
function everyNameTo(targetId: string, extra: Record<string, string> = {}): Record<string, string> {
  const names = new Set([...Object.keys(bundledMappings), ...Object.keys(extra)]);
  return Object.fromEntries([...names].map((name) => [name, extra[name] ?? targetId]));
}

/** The routing of `--upstream` without `--router`: every name to the direct upstream. */
function directOnly(
  isOpenAi: boolean,
  model: string | undefined,
): { mappings: Record<string, string>; targets: Record<string, Target> } {
  if (isOpenAi && model === undefined) {
    // The bundled OpenAI routing, plus the other demo names routed like `default`.
    return {
      mappings: everyNameTo(openAiMappings.default, openAiMappings),
      targets: openAiTargets,
    };
  }
  const chosen = model ?? DEFAULT_UPSTREAM_MODEL;
  const id = `direct/${chosen}`;
  return {
    mappings: everyNameTo(id),
    targets: { [id]: { backend: 'direct', model: chosen, ownedBy: isOpenAi ? 'openai' : 'upstream' } },
  };
}

/** The bundled routing with every direct target sending `model` (a generic upstream, or --model). */
function withDirectModel(model: string | undefined): Record<string, Target> | undefined {
  if (model === undefined) return undefined;
  const targets: Record<string, Target> = {};
  for (const [id, target] of Object.entries(bundledTargets as Record<string, Target>))
    targets[id] = target.backend === 'direct' ? { ...target, model } : target;
  return targets;
}

/**
 * The environment the flags stand for (only the variables to set). No flags: nothing,
 * and the stubs (or the developer's own UPSTREAM_* / MORPHEUS_ROUTER_*) are used as before.
 */
export function upstreamEnvironment(flags: UpstreamFlags, environment: Environment): Record<string, string> {
  const upstream = set(flags.upstream);
  const router = set(flags.router);
  const flagModel = set(flags.model);
  if (flagModel !== undefined && upstream === undefined)
    throw new UpstreamOptionError('--model names the model of --upstream; add --upstream openai|<base url>');
  const out: Record<string, string> = {};

  if (router !== undefined) {
    const password = set(environment.MORPHEUS_ROUTER_PASSWORD);
    if (password === undefined)
      throw new UpstreamOptionError(
        '--router needs MORPHEUS_ROUTER_PASSWORD (and MORPHEUS_ROUTER_USERNAME unless it is admin); set it and start again',
      );
    out.MORPHEUS_ROUTER_URL = baseUrl('--router', router);
    out.MORPHEUS_ROUTER_USERNAME = set(environment.MORPHEUS_ROUTER_USERNAME) ?? DEFAULT_ROUTER_USERNAME;
    out.MORPHEUS_ROUTER_PASSWORD = password;
  }
  if (upstream === undefined) return out;

  const isOpenAi = upstream.toLowerCase() === 'openai';
  if (isOpenAi) {
    const key = set(environment.OPENAI_API_KEY);
    if (key === undefined)
      throw new UpstreamOptionError(
        '--upstream openai needs OPENAI_API_KEY; export OPENAI_API_KEY=sk-… and start again',
      );
    out.UPSTREAM_BASE_URL = OPENAI_BASE_URL;
    out.UPSTREAM_API_KEY = key;
  } else {
    out.UPSTREAM_BASE_URL = baseUrl('--upstream', upstream);
    out.UPSTREAM_API_KEY = set(environment.UPSTREAM_API_KEY) ?? NO_KEY_PLACEHOLDER;
  }
  // A generic server is always told which model to run; OpenAI's routing has real model ids already.
  const model =
    flagModel ?? (isOpenAi ? undefined : (set(environment.UPSTREAM_MODEL) ?? DEFAULT_UPSTREAM_MODEL));

  if (router === undefined) {
    const { mappings, targets } = directOnly(isOpenAi, model);
    out.MODEL_MAPPINGS_JSON = JSON.stringify(mappings);
    out.MODEL_TARGETS_JSON = JSON.stringify(targets);
  } else {
    // Both real: the bundled routing (Morpheus names to the router), direct targets to the upstream.
    const targets = withDirectModel(model);
    if (targets) {
      out.MODEL_MAPPINGS_JSON = JSON.stringify(bundledMappings);
      out.MODEL_TARGETS_JSON = JSON.stringify(targets);
    }
  }
  return out;
}
