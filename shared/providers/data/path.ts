/**
 * Plain path lookup (`a.b.0.c` or `a.b[0].c`) over JSON data: own properties only, so
 * `__proto__`, `constructor` and friends are ordinary keys that are simply not found.
 */
export function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '');
}

export function lookupPath(root: unknown, path: string): { found: boolean; value?: unknown } {
  let current: unknown = root;
  for (const segment of splitPath(path)) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= current.length) return { found: false };
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
