import type { HttpMethod, RouteDef } from '../routes';

export type RouteMatch =
  | { kind: 'found'; route: RouteDef; pathParameters: Record<string, string> | null }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
  /** Literal segments rank above `{param}` ones, as in API Gateway. */
  specificity: number;
}

function compile(route: RouteDef): CompiledRoute {
  const names: string[] = [];
  let specificity = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(segment);
      if (!param) {
        specificity += 1;
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(param[1] as string);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names, specificity };
}

/** Matches method and path against the route table the way API Gateway's resource tree does. */
export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDef[]) {
    this.compiled = routes.map(compile).sort((a, b) => b.specificity - a.specificity);
  }

  match(method: string, path: string): RouteMatch {
    const allowed: HttpMethod[] = [];
    let resourcePath: string | undefined;
    for (const candidate of this.compiled) {
      const m = candidate.pattern.exec(path);
      if (!m) continue;
      // Only the most specific resource that matches the path counts, as in API Gateway.
      if (resourcePath !== undefined && candidate.route.path !== resourcePath) continue;
      resourcePath = candidate.route.path;
      if (candidate.route.method !== method) {
        allowed.push(candidate.route.method);
        continue;
      }
      const pathParameters: Record<string, string> = {};
      candidate.names.forEach((name, i) => {
        pathParameters[name] = safeDecode(m[i + 1] as string);
      });
      return {
        kind: 'found',
        route: candidate.route,
        pathParameters: candidate.names.length ? pathParameters : null,
      };
    }
    return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
