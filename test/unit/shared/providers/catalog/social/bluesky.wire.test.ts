import { bluesky } from '../../../../../../shared/providers/catalog/social/bluesky';
import { credentialFields } from '../../../../../../shared/providers/manifest/manifest-auth';
import { parseManifest } from '../../../../../../shared/providers/manifest/manifest-provider';
import { buildRequest } from '../../../../../../shared/providers/manifest/manifest-request';
import {
  jsonBody,
  sendJson,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Bluesky's XRPC API as documented (docs.bsky.app/docs/api): https://{pds}/xrpc/{nsid},
 * `Authorization: Bearer <accessJwt>`; com.atproto.repo.createRecord takes
 * {repo, collection, record} and answers {uri, cid, commit, validationStatus};
 * com.atproto.repo.deleteRecord takes {repo, collection, rkey}; app.bsky.feed.getAuthorFeed
 * answers {feed, cursor}. Errors are {"error": "<Name>", "message": "…"}
 * (401 ExpiredToken / AuthenticationRequired, 400 InvalidRequest).
 */
const JWT = 'eyJhbGciOiJFUzI1NksifQ.eyJzdWIiOiJkaWQ6cGxjOmFkYSJ9.sig';
const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const CREDENTIAL = JSON.stringify({ access_jwt: JWT });

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${JWT}`)
      return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
    if (req.method === 'POST' && req.path === '/xrpc/com.atproto.repo.createRecord') {
      const body = jsonBody<{
        repo?: string;
        collection?: string;
        record?: { $type?: string; text?: string; createdAt?: string };
      }>(req);
      if (body.collection !== 'app.bsky.feed.post' || body.record?.$type !== 'app.bsky.feed.post')
        return sendJson(res, 400, { error: 'InvalidRequest', message: 'Invalid collection' });
      if ((body.record.text ?? '').length > 300)
        return sendJson(res, 400, {
          error: 'InvalidRecord',
          message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
        });
      return sendJson(res, 200, {
        uri: `at://${body.repo}/app.bsky.feed.post/3lbcd2efgh22k`,
        cid: 'bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q',
        commit: { cid: 'bafyreicommit', rev: '3lbcd2efgh33k' },
        validationStatus: 'valid',
      });
    }
    if (req.method === 'POST' && req.path === '/xrpc/com.atproto.repo.deleteRecord')
      return sendJson(res, 200, { commit: { cid: 'bafyreicommit2', rev: '3lbcd2efgh44k' } });
    if (req.method === 'GET' && req.path === '/xrpc/app.bsky.feed.getAuthorFeed') {
      if (req.query.get('cursor') === '2026-12-02T00:00:00.000Z')
        return sendJson(res, 200, { feed: [{ post: { uri: 'at://ada/app.bsky.feed.post/3' } }] });
      return sendJson(res, 200, {
        feed: [
          { post: { uri: 'at://ada/app.bsky.feed.post/1' } },
          { post: { uri: 'at://ada/app.bsky.feed.post/2' } },
        ],
        cursor: '2026-12-02T00:00:00.000Z',
      });
    }
    return sendJson(res, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' });
  });
});
afterAll(() => fake.close());

it('creates an app.bsky.feed.post record in the given repo', async () => {
  const provider = wireProvider(bluesky, fake);
  const result = await runAction(
    provider,
    'create_post',
    { repo: DID, text: 'Hello from a plan', created_at: '2026-12-03T12:00:00.000Z', langs: ['en'] },
    { credential: CREDENTIAL },
  );
  const sent = fake.last();
  expect(sent).toMatchObject({ method: 'POST', path: '/xrpc/com.atproto.repo.createRecord', rawQuery: '' });
  expect(sent.headers['content-type']).toBe('application/json');
  expect(jsonBody(sent)).toEqual({
    repo: DID,
    collection: 'app.bsky.feed.post',
    record: {
      $type: 'app.bsky.feed.post',
      text: 'Hello from a plan',
      createdAt: '2026-12-03T12:00:00.000Z',
      langs: ['en'],
    },
  });
  expect(result).toEqual({
    success: true,
    output: {
      uri: `at://${DID}/app.bsky.feed.post/3lbcd2efgh22k`,
      cid: 'bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q',
    },
    message: `Posted at://${DID}/app.bsky.feed.post/3lbcd2efgh22k`,
  });
});

it('deletes a post by record key', async () => {
  const provider = wireProvider(bluesky, fake);
  const result = await runAction(
    provider,
    'delete_post',
    { repo: DID, rkey: '3lbcd2efgh22k' },
    { credential: CREDENTIAL },
  );
  expect(jsonBody(fake.last())).toEqual({
    repo: DID,
    collection: 'app.bsky.feed.post',
    rkey: '3lbcd2efgh22k',
  });
  expect(result).toMatchObject({ success: true, message: 'Deleted post' });
});

it('pages through an author feed with the cursor', async () => {
  const provider = wireProvider(bluesky, fake);
  const result = await runAction(
    provider,
    'get_author_feed',
    { actor: 'ada.bsky.social', limit: 2, filter: 'posts_no_replies', max_pages: 3 },
    { credential: CREDENTIAL },
  );
  const [first, second] = fake.requests.slice(-2);
  expect(first).toMatchObject({ method: 'GET', path: '/xrpc/app.bsky.feed.getAuthorFeed' });
  expect(first!.rawQuery).toBe('actor=ada.bsky.social&limit=2&filter=posts_no_replies');
  expect(Object.fromEntries(second!.query)).toEqual({
    actor: 'ada.bsky.social',
    limit: '2',
    filter: 'posts_no_replies',
    cursor: '2026-12-02T00:00:00.000Z',
  });
  expect(result).toEqual({
    success: true,
    output: {
      items: [
        { post: { uri: 'at://ada/app.bsky.feed.post/1' } },
        { post: { uri: 'at://ada/app.bsky.feed.post/2' } },
        { post: { uri: 'at://ada/app.bsky.feed.post/3' } },
      ],
      pages: 2,
      has_more: false,
    },
    message: 'Bluesky: 3 items from 2 pages',
  });
});

it('reports the XRPC error message', async () => {
  const provider = wireProvider(bluesky, fake);
  const long = await runAction(
    provider,
    'create_post',
    { repo: DID, text: 'x'.repeat(301), created_at: '2026-12-03T12:00:00.000Z' },
    { credential: CREDENTIAL },
  );
  expect(long).toMatchObject({
    success: false,
    message:
      'Bluesky responded 400: Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
  });
  const expired = await runAction(
    provider,
    'get_author_feed',
    { actor: 'ada.bsky.social' },
    { credential: JSON.stringify({ access_jwt: 'eyJ.old.jwt' }) },
  );
  expect(expired).toMatchObject({ success: false, message: 'Bluesky responded 400: Token has expired' });
});

it('talks to bsky.social unless the credential names another PDS', () => {
  const parsed = parseManifest(bluesky);
  const url = (credential: string) =>
    buildRequest({
      manifest: parsed,
      action: parsed.actions.get_author_feed!,
      params: { actor: 'ada.bsky.social' },
      fields: credentialFields('bluesky', parsed.auth, credential),
      runId: 'run-1',
      stepId: 'step-1',
    }).url;
  expect(url(CREDENTIAL)).toBe('https://bsky.social/xrpc/app.bsky.feed.getAuthorFeed?actor=ada.bsky.social');
  expect(url(JSON.stringify({ access_jwt: JWT, pds_host: 'pds.example.com' }))).toBe(
    'https://pds.example.com/xrpc/app.bsky.feed.getAuthorFeed?actor=ada.bsky.social',
  );
});
