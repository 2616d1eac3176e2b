import { randomBytes } from 'node:crypto';
import { formEncode, idempotencyKey } from '../form-encoding';
import { joinUrl, withOrigin } from '../provider-kit';
import { authParts, fillFields, type CredentialFields } from './manifest-auth';
import type { ManifestAction, ParsedManifest } from './manifest-schema';

/** The `wire` of a body param that is the whole body (PostgREST rows, a batch array). */
export const WHOLE_BODY = '$';

/** A request a manifest action cannot make as written: the step fails at once, no retry. */
export class ManifestRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestRequestError';
  }
}

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** Where the next page starts: a value for the pagination param, or a whole URL (link, next_url). */
export type PageStart = { param: string | number } | { url: string } | undefined;

export interface RequestInput {
  manifest: ParsedManifest;
  action: ManifestAction;
  params: Record<string, unknown>;
  fields: CredentialFields;
  runId: string;
  stepId: string;
  page?: PageStart;
  /** Replaces the vendor's origin (scheme, host, port), keeping its path: the wire tests' loopback fake. */
  origin?: string;
}

const scalar = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Sets `a.b.0.c` in `target`, creating objects (and arrays for numeric segments) on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let current: Record<string, unknown> | unknown[] = target;
  segments.forEach((segment, i) => {
    const key = Array.isArray(current) ? Number(segment) : segment;
    if (i === segments.length - 1) {
      (current as Record<string | number, unknown>)[key] = value;
      return;
    }
    const existing = (current as Record<string | number, unknown>)[key];
    if (existing === null || typeof existing !== 'object') {
      const next = /^\d+$/.test(segments[i + 1]!) ? [] : {};
      (current as Record<string | number, unknown>)[key] = next;
      current = next;
    } else current = existing as Record<string, unknown>;
  });
}

function pathSegment(name: string, value: unknown): string {
  const text = scalar(value);
  // `.` and `..` survive encodeURIComponent and would climb the vendor's URL tree.
  if (text === '' || text === '.' || text === '..')
    throw new ManifestRequestError(`${name} cannot be empty, "." or ".."`);
  return encodeURIComponent(text);
}

function baseUrl(manifest: ParsedManifest, fields: CredentialFields): URL {
  let url: URL;
  try {
    url = new URL(fillFields(manifest.baseUrl, fields));
  } catch {
    throw new ManifestRequestError(
      `The base URL of ${manifest.title} could not be built from the credential`,
    );
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    throw new ManifestRequestError(
      `The base URL of ${manifest.title} must be http(s) without user information`,
    );
  return url;
}

interface Multipart {
  body: Buffer;
  contentType: string;
}

function multipart(
  fields: [string, unknown][],
  files: Map<string, { filename: string; contentType: string }>,
): Multipart {
  const boundary = `flowgate-${randomBytes(12).toString('hex')}`;
  const quote = (text: string) => text.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    const file = files.get(name);
    const disposition = `form-data; name="${quote(name)}"${file ? `; filename="${quote(file.filename)}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${
      file ? `Content-Type: ${file.contentType}\r\n` : ''
    }\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.from(scalar(value), 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The HTTP request an action makes for these (validated) params. Pure: every rule of the
 * manifest format that shapes a request is here, and tested without a network.
 */
export function buildRequest(input: RequestInput): BuiltRequest {
  const { manifest, action, params, fields, page } = input;
  const auth = authParts(manifest.auth, fields);
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(action.constants?.headers ?? {}))
    headers[name.toLowerCase()] = value;
  const query: [string, string][] = Object.entries(action.constants?.query ?? {});
  const body: Record<string, unknown> = structuredClone(action.constants?.body ?? {});
  let hasBody = Object.keys(body).length > 0;
  let whole: unknown;
  const files = new Map<string, { filename: string; contentType: string }>();
  let path = action.path;

  for (const [name, spec] of Object.entries(action.params)) {
    const value = params[name];
    if (value === undefined) continue;
    const wire = spec.wire ?? name;
    if (spec.in === 'path') path = path.replaceAll(`{${name}}`, pathSegment(name, value));
    else if (spec.in === 'query') {
      for (const item of Array.isArray(value) ? value : [value]) query.push([wire, scalar(item)]);
    } else if (spec.in === 'header') {
      const text = scalar(value);
      if (/[\r\n\0]/.test(text)) throw new ManifestRequestError(`${name} cannot contain line breaks`);
      headers[wire.toLowerCase()] = text;
    } else if (wire === WHOLE_BODY) {
      whole = value;
      hasBody = true;
    } else {
      setPath(body, wire, value);
      hasBody = true;
      if (spec.file) files.set(wire, spec.file);
    }
  }

  for (const [at, value] of auth.body) {
    setPath(body, at, value);
    hasBody = true;
  }

  const pagination = action.pagination;
  if (page && 'param' in page && pagination && 'param' in pagination) {
    if (pagination.style === 'cursor' && pagination.in === 'body') {
      body[pagination.param] = page.param;
      hasBody = true;
    } else query.push([pagination.param, String(page.param)]);
  }
  if (pagination && (pagination.style === 'page' || pagination.style === 'offset'))
    query.push([pagination.sizeParam, String(pagination.size)]);

  let url: URL;
  const base = withOrigin(baseUrl(manifest, input.fields), input.origin);
  if (page && 'url' in page) {
    // Relative next links (`/accounts?cursor=…`) are relative to the vendor's origin.
    url = new URL(page.url, base);
    // A next-page URL comes from the vendor's answer: it may not take the credential elsewhere.
    if (url.origin !== base.origin)
      throw new ManifestRequestError(`${manifest.title} pointed the next page at another origin`);
  } else {
    url = new URL(path === '' ? base.href : joinUrl(base.href, path));
    for (const [name, value] of [...query, ...auth.query]) url.searchParams.append(name, value);
  }
  if (page && 'url' in page) for (const [name, value] of auth.query) url.searchParams.set(name, value);

  if (action.idempotencyHeader)
    headers[action.idempotencyHeader.toLowerCase()] = idempotencyKey(input.runId, input.stepId);
  Object.assign(headers, auth.headers);

  const request: BuiltRequest = { method: action.method, url: url.href, headers };
  // A whole-body array is sent as it is; a whole-body object is the base the named fields go into.
  const payload = Array.isArray(whole)
    ? whole
    : whole && typeof whole === 'object'
      ? { ...(whole as Record<string, unknown>), ...body }
      : body;
  if (hasBody) {
    const encoding = action.encoding ?? 'json';
    if (encoding === 'json') {
      request.body = JSON.stringify(payload);
      // A vendor's own JSON media type (`application/vnd.api+json`) may come from the constants.
      headers['content-type'] ??= 'application/json';
    } else if (encoding === 'form') {
      request.body = formEncode(payload as Record<string, unknown>);
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else {
      const encoded = multipart(Object.entries(payload), files);
      request.body = encoded.body;
      headers['content-type'] = encoded.contentType;
    }
  }
  return request;
}
