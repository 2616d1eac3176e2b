import { NotFoundError } from '../errors';
import type { ModelConfig, ModelTarget } from './model-config';

export interface RoutedModel {
  /** The name the caller asked for. */
  requested: string;
  target: ModelTarget;
  /** Tried in order when `target` fails before answering (the mapping's later targets). */
  fallbacks: readonly ModelTarget[];
  /** True when the name was unknown and the `default` mapping was used (seed behaviour). */
  viaDefault: boolean;
}

export interface ListedModel {
  name: string;
  target: ModelTarget;
}

/** Edit distance, for "did you mean" suggestions in strict mode. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Maps a requested model name to a target. A name is found as a mapped name, as a
 * target id, or as a Morpheus blockchain model id (what proxy-router clients pass as
 * `model_id`). Unknown names go to `default`, or are a 404 in strict mode.
 */
export class ModelRouter {
  private readonly byName = new Map<string, ModelTarget>();
  private readonly fallbacksByName = new Map<string, readonly ModelTarget[]>();
  private readonly defaultTarget: ModelTarget;

  constructor(
    private readonly config: ModelConfig,
    private readonly options: { strict: boolean },
  ) {
    for (const target of config.targets.values()) {
      this.byName.set(target.id, target);
      if (target.backend === 'morpheus') this.byName.set(target.blockchainId.toLowerCase(), target);
    }
    for (const [name, targetId] of Object.entries(config.mappings)) {
      const target = config.targets.get(targetId);
      if (target && name !== 'default') this.byName.set(name, target);
      const rest = (config.chains[name] ?? []).slice(1).map((id) => config.targets.get(id) as ModelTarget);
      if (rest.length > 0) this.fallbacksByName.set(name, rest);
    }
    const fallback = config.targets.get(config.mappings.default ?? '');
    if (!fallback) throw new Error('Model configuration has no usable "default" mapping');
    this.defaultTarget = fallback;
  }

  route(requested: string): RoutedModel {
    const name = requested.trim();
    const exact = this.byName.has(name) ? name : name.toLowerCase();
    const target = this.byName.get(exact);
    // A target id or blockchain id names one target: only mapped names have fallbacks.
    if (target)
      return { requested, target, fallbacks: this.fallbacksByName.get(exact) ?? [], viaDefault: false };
    const viaDefault = name !== 'default';
    if (!viaDefault || !this.options.strict)
      return {
        requested,
        target: this.defaultTarget,
        fallbacks: this.fallbacksByName.get('default') ?? [],
        viaDefault,
      };
    const suggestions = this.suggest(name);
    throw new NotFoundError(
      `The model '${name}' does not exist or you do not have access to it.` +
        (suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ''),
      'model_not_found',
      { param: 'model', openaiType: 'invalid_request_error', details: { suggestions } },
    );
  }

  /** One of the names `list()` lists (what `GET /models/{model}` answers for). */
  find(name: string): ListedModel | undefined {
    return this.list().find((m) => m.name === name);
  }

  /** The mapped names (not `default`), in configuration order: what `GET /models` lists. */
  list(): ListedModel[] {
    return Object.entries(this.config.mappings)
      .filter(([name]) => name !== 'default')
      .map(([name, targetId]) => ({ name, target: this.config.targets.get(targetId) as ModelTarget }));
  }

  /** Up to three known names closest to `name`. */
  suggest(name: string, limit = 3): string[] {
    const candidates = [...this.list().map((m) => m.name), ...this.config.targets.keys()];
    const lower = name.toLowerCase();
    return [...new Set(candidates)]
      .map((candidate) => {
        const known = candidate.toLowerCase();
        const distance = editDistance(lower, known);
        // `gpt-4-turbo` → `gpt-4`: a name that extends a known one is close whatever its length.
        const related = lower.startsWith(known) || known.startsWith(lower);
        return { candidate, distance: related ? Math.min(distance, 2) : distance };
      })
      .filter(({ candidate, distance }) => distance <= Math.max(3, Math.ceil(candidate.length / 2)))
      .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
      .slice(0, limit)
      .map(({ candidate }) => candidate);
  }
}
