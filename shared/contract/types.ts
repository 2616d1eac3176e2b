/**
 * What the API contract says about one route: the request schemas its handler validates
 * with (the same constants the handler passes to http()), and the response bodies by status.
 * shared/contract/openapi.ts turns these, with the route table, into the OpenAPI document.
 */
import type * as z from 'zod';

export interface ResponseContract {
  description: string;
  /** The JSON body; absent for a response without one (204). */
  schema?: z.ZodType;
  /** Also answered as Server-Sent Events (`text/event-stream`), e.g. a streamed chat completion. */
  eventStream?: string;
}

export interface RouteContract {
  summary: string;
  description?: string;
  request?: { body?: z.ZodType; query?: z.ZodType; path?: z.ZodType };
  /** The body is not JSON and is taken as it is (a webhook's payload). */
  rawBody?: string;
  /** Success (and other non-error) responses by status. */
  responses: Readonly<Record<number, ResponseContract>>;
  /**
   * Error statuses of this route beyond the ones every route can answer (see
   * COMMON_ERROR_STATUSES in ./errors.ts); `4XX` where an upstream's own 4xx passes through.
   */
  errors?: readonly (number | '4XX')[];
}

/** One domain's routes, keyed by route-table name (infra/routes/<domain>.ts). */
export type DomainContract = Readonly<Record<string, RouteContract>>;
