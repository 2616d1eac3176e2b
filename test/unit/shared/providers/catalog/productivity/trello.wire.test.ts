import { trello } from '../../../../../../shared/providers/catalog/productivity/trello';
import {
  sendJson,
  sendText,
  startFakeServer,
  type FakeServer,
} from '../../../../../support/fakes/fake-server';
import { wireProvider } from '../../../../../support/fakes/manifest-wire';
import { runAction } from '../../../../../support/fakes/provider-context';

/**
 * Trello's REST API as documented (developer.atlassian.com/cloud/trello/rest): the API key and
 * the user token as the `key` and `token` query parameters of every request; POST /1/cards
 * takes idList, name, desc, pos… as query parameters and answers the card as JSON. A bad key
 * or token is a 401 in plain text ("invalid key" / "invalid token"); an unknown list a 400.
 */
const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const TOKEN = 'ATTAf0e1d2c3b4a5968778695a4b3c2d1e0f';
const LIST = '5abbe4b7ddc1b351ef961414';
const credential = JSON.stringify({ key: KEY, token: TOKEN });

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer((req, res) => {
    if (req.query.get('key') !== KEY) return sendText(res, 401, 'invalid key');
    if (req.query.get('token') !== TOKEN) return sendText(res, 401, 'invalid token');
    if (req.method === 'POST' && req.path === '/1/cards') {
      const idList = req.query.get('idList');
      if (!idList || !/^[0-9a-f]{24}$/.test(idList)) return sendText(res, 400, 'invalid value for idList');
      return sendJson(res, 200, {
        id: '6570b2c1a9d3e4f5a6b7c8d9',
        idList,
        name: req.query.get('name') ?? '',
        desc: req.query.get('desc') ?? '',
        shortUrl: 'https://trello.com/c/AbC123xy',
        url: 'https://trello.com/c/AbC123xy/12-write-the-report',
      });
    }
    if (req.method === 'POST' && /^\/1\/cards\/[0-9a-f]{24}\/actions\/comments$/.test(req.path))
      return sendJson(res, 200, {
        id: '6570b3aa11223344556677aa',
        date: '2026-12-03T12:00:00.000Z',
        type: 'commentCard',
      });
    if (req.method === 'GET' && req.path === '/1/boards/Xy12Ab34/lists')
      return sendJson(res, 200, [{ id: LIST, name: 'To Do', closed: false }]);
    return sendText(res, 404, 'The requested resource was not found.');
  });
});
afterAll(() => fake.close());

it('creates a card with the key and token as query parameters', async () => {
  const provider = wireProvider(trello, fake);
  const result = await runAction(
    provider,
    'create_card',
    { list_id: LIST, name: 'Write the report', desc: 'By **Friday**', pos: 'top' },
    { credential },
  );
  const req = fake.last();
  expect(req.method).toBe('POST');
  expect(req.path).toBe('/1/cards');
  expect(Object.fromEntries(req.query)).toEqual({
    idList: LIST,
    name: 'Write the report',
    desc: 'By **Friday**',
    pos: 'top',
    key: KEY,
    token: TOKEN,
  });
  expect(req.headers.authorization).toBeUndefined();
  expect(req.body).toBe('');
  expect(result).toEqual({
    success: true,
    output: {
      id: '6570b2c1a9d3e4f5a6b7c8d9',
      name: 'Write the report',
      short_url: 'https://trello.com/c/AbC123xy',
      url: 'https://trello.com/c/AbC123xy/12-write-the-report',
      list_id: LIST,
    },
    message: 'Created card Write the report: https://trello.com/c/AbC123xy',
  });
});

it('comments on a card and lists the lists of a board', async () => {
  const provider = wireProvider(trello, fake);
  const comment = await runAction(
    provider,
    'add_comment',
    { card_id: '6570b2c1a9d3e4f5a6b7c8d9', text: 'Done & dusted' },
    { credential },
  );
  expect(fake.last().path).toBe('/1/cards/6570b2c1a9d3e4f5a6b7c8d9/actions/comments');
  expect(fake.last().query.get('text')).toBe('Done & dusted');
  expect(comment).toMatchObject({ success: true, output: { id: '6570b3aa11223344556677aa' } });

  const lists = await runAction(
    provider,
    'list_board_lists',
    { board_id: 'Xy12Ab34', filter: 'open' },
    { credential },
  );
  expect(fake.last()).toMatchObject({ method: 'GET', path: '/1/boards/Xy12Ab34/lists' });
  expect(fake.last().rawQuery).toBe(`filter=open&key=${KEY}&token=${TOKEN}`);
  expect(lists.output).toEqual([{ id: LIST, name: 'To Do', closed: false }]);
});

it("reports Trello's plain-text refusal", async () => {
  const provider = wireProvider(trello, fake);
  const bad = await runAction(
    provider,
    'create_card',
    { list_id: LIST, name: 'x' },
    { credential: JSON.stringify({ key: KEY, token: 'revoked-token' }) },
  );
  expect(bad).toMatchObject({ success: false, message: 'Trello responded 401: invalid token' });
});

it('refuses a credential that is not the key-and-token JSON object', async () => {
  const provider = wireProvider(trello, fake);
  const before = fake.requests.length;
  await expect(runAction(provider, 'create_card', { list_id: LIST }, { credential: TOKEN })).rejects.toThrow(
    /JSON object with key, token/,
  );
  expect(fake.requests.length).toBe(before);
});
