import { routes } from '../infra/routes';
import { buildOpenApiDocument } from '../shared/contract/openapi';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/** Built once per cold start: the document changes only with a deploy. */
const document = buildOpenApiDocument(routes);

/** Public: the OpenAPI 3.1 document of this API, generated from the route table and its schemas. */
export const handler = http(async () => ok(document, { 'Cache-Control': 'public, max-age=300' }), {
  auth: 'public',
});
