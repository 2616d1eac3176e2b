import { googleDrive } from '../../../../../../shared/providers/catalog/storage/google_drive';
import {
  bearerOf,
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Google Drive API v3 as documented (developers.google.com/drive/api/reference/rest/v3):
 * a bearer access token, files.list answering {kind, nextPageToken, files} and taking the
 * token back as `pageToken`, JSON bodies for files.create and permissions.create, and
 * errors as {error: {code, message, status}}.
 */
const TOKEN = 'ya29.drive-access-token';
const FILES = [
  { kind: 'drive#file', id: '1aA', name: 'Q1 report', mimeType: 'application/pdf' },
  { kind: 'drive#file', id: '2bB', name: 'Q2 report', mimeType: 'application/pdf' },
  { kind: 'drive#file', id: '3cC', name: 'Q3 report', mimeType: 'application/pdf' },
];
const googleError = (code: number, message: string, status: string) => ({
  error: { code, message, errors: [{ message, domain: 'global', reason: status.toLowerCase() }], status },
});

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (bearerOf(req) !== TOKEN)
      return sendJson(
        res,
        401,
        googleError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token.',
          'UNAUTHENTICATED',
        ),
      );
    if (req.method === 'GET' && req.path === '/drive/v3/files') {
      const size = Number(req.query.get('pageSize') ?? 100);
      const start = req.query.get('pageToken') ? Number(req.query.get('pageToken')!.replace('tok-', '')) : 0;
      const page = FILES.slice(start, start + size);
      return sendJson(res, 200, {
        kind: 'drive#fileList',
        ...(start + size < FILES.length ? { nextPageToken: `tok-${start + size}` } : {}),
        incompleteSearch: false,
        files: page,
      });
    }
    if (req.method === 'POST' && req.path === '/drive/v3/files') {
      if (req.headers['content-type'] !== 'application/json')
        return sendJson(res, 400, googleError(400, 'Bad Request', 'INVALID_ARGUMENT'));
      const body = jsonBody(req);
      return sendJson(res, 200, { kind: 'drive#file', id: '9zZ', name: body.name, mimeType: body.mimeType });
    }
    const permissions = /^\/drive\/v3\/files\/([^/]+)\/permissions$/.exec(req.path);
    if (req.method === 'POST' && permissions) {
      if (permissions[1] !== '1aA')
        return sendJson(res, 404, googleError(404, `File not found: ${permissions[1]}.`, 'NOT_FOUND'));
      const body = jsonBody(req);
      return sendJson(res, 200, {
        kind: 'drive#permission',
        id: '0123456789',
        type: body.type,
        role: body.role,
      });
    }
    return sendJson(res, 404, googleError(404, 'Not Found', 'NOT_FOUND'));
  });
});
afterAll(() => fake.close());

it('lists files page by page with pageToken', async () => {
  fake.requests.length = 0;
  const result = await runAction(
    wireProvider(googleDrive, fake),
    'list_files',
    { q: "name contains 'report' and trashed = false", page_size: 2, max_pages: 5 },
    { credential: TOKEN },
  );
  expect(fake.requests.map((r) => [r.method, r.path, Object.fromEntries(r.query)])).toEqual([
    ['GET', '/drive/v3/files', { q: "name contains 'report' and trashed = false", pageSize: '2' }],
    [
      'GET',
      '/drive/v3/files',
      { q: "name contains 'report' and trashed = false", pageSize: '2', pageToken: 'tok-2' },
    ],
  ]);
  expect(fake.last().headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(result).toEqual({
    success: true,
    output: { items: FILES, pages: 2, has_more: false },
    message: 'Google Drive: 3 items from 2 pages',
  });
});

it('creates a folder with the folder MIME type', async () => {
  const result = await runAction(
    wireProvider(googleDrive, fake),
    'create_folder',
    { name: 'Reports', parents: ['0AbCdEf'] },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({ method: 'POST', path: '/drive/v3/files' });
  expect(jsonBody(fake.last())).toEqual({
    mimeType: 'application/vnd.google-apps.folder',
    name: 'Reports',
    parents: ['0AbCdEf'],
  });
  expect(result).toEqual({
    success: true,
    output: { id: '9zZ', name: 'Reports', mime_type: 'application/vnd.google-apps.folder' },
    message: 'Created folder Reports (9zZ)',
  });
});

it('shares a file with a user', async () => {
  const result = await runAction(
    wireProvider(googleDrive, fake),
    'share_file',
    {
      file_id: '1aA',
      role: 'reader',
      type: 'user',
      email_address: 'ada@example.com',
      send_notification_email: false,
    },
    { credential: TOKEN },
  );
  expect(fake.last()).toMatchObject({
    method: 'POST',
    path: '/drive/v3/files/1aA/permissions',
    rawQuery: 'sendNotificationEmail=false',
  });
  expect(jsonBody(fake.last())).toEqual({ role: 'reader', type: 'user', emailAddress: 'ada@example.com' });
  expect(result).toMatchObject({
    success: true,
    output: { permission_id: '0123456789', role: 'reader', type: 'user' },
  });
});

it("reports Google's error.message", async () => {
  const missing = await runAction(
    wireProvider(googleDrive, fake),
    'share_file',
    { file_id: 'nope', role: 'reader', type: 'anyone' },
    { credential: TOKEN },
  );
  expect(missing).toMatchObject({
    success: false,
    message: 'Google Drive responded 404: File not found: nope.',
  });
  const denied = await runAction(
    wireProvider(googleDrive, fake),
    'list_files',
    {},
    { credential: 'expired' },
  );
  expect(denied).toMatchObject({
    success: false,
    message:
      'Google Drive responded 401: Request had invalid authentication credentials. Expected OAuth 2 access token.',
  });
});
