import type { ServerResponse } from 'node:http';
import { sendJson, startFakeServer, type FakeServer, type RecordedRequest } from './fake-server';

/**
 * The worst upstream for secrets: it tells the caller everything it was sent, the way
 * debugging endpoints and verbose error pages do: the raw query string, the parsed query
 * parameters, the user and password of basic auth (decoded), every request header (names
 * and values, in the order they arrived), and the URL as the server re-encodes it
 * (encodeURIComponent, so a space the client sent as `+` comes back as `%20`).
 *
 * The path chooses the answer: `/<status>/<variant>/<anything>`.
 *   status   the HTTP status to answer with (`200`, `500`, ...)
 *   variant  `plain`: the echo as values; `keys`: also every echoed value as an object
 *            key (`{"echo":{"<value>":true}}`), as upstreams that index by value do
 * A POST to `.../chat/completions` is answered in the OpenAI wire format: a chat
 * completion whose content is the echo (and, for `keys`, whose `usage` carries the keys),
 * or an OpenAI-shaped error whose message lists every echoed value.
 */
export type EchoVariant = 'plain' | 'keys';

export interface RequestEcho {
  query: string;
  args: Record<string, string | string[]>;
  basic?: { user: string; password: string };
  headers: Record<string, string>;
  url: string;
}

/** The base path of an echo with this status and variant, for base URLs and plan steps. */
export const echoPath = (status: number, variant: EchoVariant) => `/${status}/${variant}`;

function reencodedUrl(req: RecordedRequest): string {
  const pairs = [...req.query].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return pairs.length ? `${req.path}?${pairs.join('&')}` : req.path;
}

export function echoOf(req: RecordedRequest): RequestEcho {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const args: Record<string, string | string[]> = {};
  for (const name of new Set(req.query.keys())) {
    const values = req.query.getAll(name);
    args[name] = values.length === 1 ? (values[0] as string) : values;
  }
  const basic = /^Basic (.+)$/i.exec(headers.authorization ?? '')?.[1];
  const decoded = basic === undefined ? undefined : Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded?.indexOf(':') ?? -1;
  return {
    query: req.rawQuery,
    args,
    ...(decoded !== undefined && colon >= 0
      ? { basic: { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) } }
      : {}),
    headers,
    url: reencodedUrl(req),
  };
}

/** Every value the echo carries, each once: what the `keys` variant turns into keys. */
export function echoedValues(echo: RequestEcho): string[] {
  const values = [
    echo.query,
    ...Object.values(echo.args).flat(),
    ...(echo.basic ? [echo.basic.user, echo.basic.password] : []),
    ...Object.values(echo.headers),
    echo.url,
  ];
  return [...new Set(values.filter((v) => v !== ''))];
}

const asKeys = (echo: RequestEcho) => Object.fromEntries(echoedValues(echo).map((v) => [v, true]));

function echoBody(echo: RequestEcho, variant: EchoVariant): Record<string, unknown> {
  return variant === 'keys' ? { echo: asKeys(echo), ...echo } : { ...echo };
}

function chatCompletion(
  res: ServerResponse,
  req: RecordedRequest,
  status: number,
  variant: EchoVariant,
): void {
  const echo = echoOf(req);
  if (status >= 400) {
    return sendJson(res, status, {
      error: {
        // The values first: clients often keep only the start of an error body.
        message: `The server had an error processing your request: ${echoedValues(echo).join(' | ')}`,
        type: 'server_error',
        param: null,
        code: null,
        ...(variant === 'keys' ? { echo: asKeys(echo) } : {}),
      },
    });
  }
  const { model } = JSON.parse(req.body || '{}') as { model?: string };
  return sendJson(res, status, {
    id: 'chatcmpl-echo',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: model ?? 'echo',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: JSON.stringify(echo) },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: 1,
      completion_tokens: 1,
      total_tokens: 2,
      ...(variant === 'keys' ? { echo: asKeys(echo) } : {}),
    },
  });
}

export async function startEchoFake(): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    const route = /^\/(\d{3})\/(plain|keys)(\/.*)?$/.exec(req.path);
    if (!route) return sendJson(res, 404, { error: `no echo route ${req.path}` });
    const status = Number(route[1]);
    const variant = route[2] as EchoVariant;
    if (req.method === 'POST' && (route[3] ?? '').endsWith('/chat/completions')) {
      return chatCompletion(res, req, status, variant);
    }
    // Response headers are part of what providers hand back, so the query rides there too.
    return sendJson(res, status, echoBody(echoOf(req), variant), { 'x-echo-query': req.rawQuery });
  });
}
