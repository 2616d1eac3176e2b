/** What a handler returns; the http() wrapper serializes it. */
export interface HttpResponse {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): HttpResponse => ({
  statusCode: 200,
  body,
  headers,
});
export const created = (body: unknown, headers?: Record<string, string>): HttpResponse => ({
  statusCode: 201,
  body,
  headers,
});
export const accepted = (body: unknown): HttpResponse => ({ statusCode: 202, body });
export const noContent = (): HttpResponse => ({ statusCode: 204 });
