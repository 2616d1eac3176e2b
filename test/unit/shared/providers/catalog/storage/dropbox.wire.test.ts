import { dropbox } from '../../../../../../shared/providers/catalog/storage/dropbox';
import {
  bearerOf,
  jsonBody,
  sendJson,
  sendText,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Dropbox API v2 RPC endpoints as documented (dropbox.com/developers/documentation/http):
 * every call a POST with a JSON body to api.dropboxapi.com/2/…, a bearer access token, and
 * errors as {error_summary, error: {.tag}} (409 for endpoint errors, 401 for a bad token).
 */
const TOKEN = 'sl.dropbox-access-token';

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(res, 401, {
        error_summary: 'invalid_access_token/..',
        error: { '.tag': 'invalid_access_token' },
      });
    if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed');
    if (req.headers['content-type'] !== 'application/json')
      return sendText(res, 400, 'Error in call to API function: Bad HTTP "Content-Type" header');
    const body = jsonBody(req);
    if (req.path === '/2/files/create_folder_v2') {
      if (body.path === '/Reports')
        return sendJson(res, 409, {
          error_summary: 'path/conflict/folder/..',
          error: { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } },
        });
      const name = String(body.path).split('/').pop();
      return sendJson(res, 200, {
        metadata: {
          '.tag': 'folder',
          id: 'id:a4ayc_80_OEAAAAAAAAAXz',
          name,
          path_lower: String(body.path).toLowerCase(),
          path_display: body.path,
        },
      });
    }
    if (req.path === '/2/sharing/create_shared_link_with_settings')
      return sendJson(res, 200, {
        '.tag': 'file',
        url: 'https://www.dropbox.com/scl/fi/abc123/report.pdf?rlkey=xyz&dl=0',
        name: 'report.pdf',
        path_lower: String(body.path).toLowerCase(),
        link_permissions: { resolved_visibility: { '.tag': 'public' } },
      });
    if (req.path === '/2/files/search_v2')
      return sendJson(res, 200, {
        matches: [{ metadata: { '.tag': 'metadata', metadata: { '.tag': 'file', name: 'report.pdf' } } }],
        has_more: false,
      });
    return sendText(res, 404, 'Unknown API function');
  });
});
afterAll(() => fake.close());

it('creates a folder', async () => {
  const result = await runAction(
    wireProvider(dropbox, fake),
    'create_folder',
    { path: '/Reports/2026', autorename: false },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/2/files/create_folder_v2' });
  expect(fake.last().headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(jsonBody(fake.last())).toEqual({ path: '/Reports/2026', autorename: false });
  expect(result).toEqual({
    success: true,
    output: { id: 'id:a4ayc_80_OEAAAAAAAAAXz', name: '2026', path_display: '/Reports/2026' },
    message: 'Created /Reports/2026',
  });
});

it('creates a shared link with nested settings', async () => {
  const result = await runAction(
    wireProvider(dropbox, fake),
    'create_shared_link',
    { path: '/Reports/report.pdf', audience: 'public', access: 'viewer' },
    { credential: TOKEN },
  );
  expect(fake.last().path).toBe('/2/sharing/create_shared_link_with_settings');
  expect(jsonBody(fake.last())).toEqual({
    path: '/Reports/report.pdf',
    settings: { audience: 'public', access: 'viewer' },
  });
  expect(result).toMatchObject({
    success: true,
    output: { url: 'https://www.dropbox.com/scl/fi/abc123/report.pdf?rlkey=xyz&dl=0', name: 'report.pdf' },
  });
});

it('searches with options', async () => {
  await runAction(
    wireProvider(dropbox, fake),
    'search',
    { query: 'report', in_path: '/Reports', max_results: 5 },
    { credential: TOKEN },
  );
  expect(jsonBody(fake.last())).toEqual({ query: 'report', options: { path: '/Reports', max_results: 5 } });
});

it("reports Dropbox's error_summary", async () => {
  const conflict = await runAction(
    wireProvider(dropbox, fake),
    'create_folder',
    { path: '/Reports' },
    { credential: TOKEN },
  );
  expect(conflict).toMatchObject({
    success: false,
    message: 'Dropbox responded 409: path/conflict/folder/..',
  });
  const denied = await runAction(
    wireProvider(dropbox, fake),
    'get_metadata',
    { path: '/x' },
    { credential: 'old-token' },
  );
  expect(denied).toMatchObject({ success: false, message: 'Dropbox responded 401: invalid_access_token/..' });
});
