import { bearerOf, jsonBody, sendJson, startFakeServer, type FakeServer } from './fake-server';

export const NOTION_PAGE_ID = '59833787-2cf9-4fdf-8782-e53db20768a5';

const notionError = (status: number, code: string, message: string) => ({
  object: 'error',
  status,
  code,
  message,
});

/** POST /v1/pages as Notion answers it, including its error objects and the version check. */
export async function startNotionFake(token = 'secret_notion_token'): Promise<FakeServer> {
  return startFakeServer((req, res) => {
    if (req.method !== 'POST' || req.path !== '/v1/pages') {
      return sendJson(res, 400, notionError(400, 'invalid_request_url', 'Invalid request URL.'));
    }
    if (!req.headers['notion-version']) {
      return sendJson(
        res,
        400,
        notionError(400, 'missing_version', 'Notion-Version header failed validation.'),
      );
    }
    if (bearerOf(req) !== token)
      return sendJson(res, 401, notionError(401, 'unauthorized', 'API token is invalid.'));
    const body = jsonBody<{ parent: Record<string, string> }>(req);
    if (body.parent.database_id === '00000000-0000-0000-0000-000000000000') {
      return sendJson(res, 404, notionError(404, 'object_not_found', 'Could not find database with ID.'));
    }
    return sendJson(res, 200, {
      object: 'page',
      id: NOTION_PAGE_ID,
      created_time: '2026-01-01T00:00:00.000Z',
      url: `https://www.notion.so/Test-${NOTION_PAGE_ID.replace(/-/g, '')}`,
      parent: body.parent,
      properties: {},
    });
  });
}
