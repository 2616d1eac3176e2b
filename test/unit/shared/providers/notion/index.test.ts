import {
  createNotionProvider,
  notion,
  NOTION_API_BASE_URL,
  NOTION_VERSION,
} from '../../../../../shared/providers/notion';
import { validateStep } from '../../../../../shared/providers/registry';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import { jsonBody, type FakeServer } from '../../../../support/fakes/fake-server';
import { NOTION_PAGE_ID, startNotionFake } from '../../../../support/fakes/notion-fake';
import { runAction } from '../../../../support/fakes/provider-context';

const TOKEN = 'secret_notion_token';
const DB = 'd9824bdc84454327be8b5b47500af6ce';
let fake: FakeServer;
let provider: ProviderDefinition;
beforeAll(async () => {
  fake = await startNotionFake(TOKEN);
  provider = createNotionProvider({ apiBaseUrl: `${fake.url}/v1` });
});
afterAll(() => fake.close());

it('talks to api.notion.com with a pinned API version in production', () => {
  expect(NOTION_API_BASE_URL).toBe('https://api.notion.com/v1');
  expect(NOTION_VERSION).toBe('2022-06-28');
  expect(notion).toMatchObject({ name: 'notion', credentialType: 'token' });
});

describe('notion.create_page', () => {
  it('creates a database row with the title property, other properties and blocks', async () => {
    const children = [
      {
        object: 'block',
        type: 'paragraph',
        paragraph: { rich_text: [{ type: 'text', text: { content: 'Body' } }] },
      },
    ];
    const result = await runAction(
      provider,
      'create_page',
      {
        database_id: DB,
        title: 'Weekly report',
        properties: { Status: { select: { name: 'Done' } } },
        children,
      },
      { credential: TOKEN },
    );
    const req = fake.last();
    expect(req).toMatchObject({ method: 'POST', path: '/v1/pages' });
    expect(req.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'notion-version': '2022-06-28',
      'content-type': 'application/json',
    });
    expect(jsonBody(req)).toEqual({
      parent: { database_id: DB },
      properties: {
        Status: { select: { name: 'Done' } },
        Name: { title: [{ type: 'text', text: { content: 'Weekly report' } }] },
      },
      children,
    });
    expect(result).toEqual({
      success: true,
      output: {
        id: NOTION_PAGE_ID,
        url: `https://www.notion.so/Test-${NOTION_PAGE_ID.replace(/-/g, '')}`,
        created_time: '2026-01-01T00:00:00.000Z',
      },
      message: 'Notion page created',
    });
  });

  it('creates a sub-page under a page (title property is `title`) and honours title_property for databases', async () => {
    await runAction(
      provider,
      'create_page',
      { page_id: NOTION_PAGE_ID, title: 'Child' },
      { credential: TOKEN },
    );
    expect(jsonBody(fake.last())).toEqual({
      parent: { page_id: NOTION_PAGE_ID },
      properties: { title: { title: [{ type: 'text', text: { content: 'Child' } }] } },
    });
    await runAction(
      provider,
      'create_page',
      { database_id: DB, title: 'Row', title_property: 'Task' },
      { credential: TOKEN },
    );
    expect(Object.keys(jsonBody<{ properties: object }>(fake.last()).properties)).toEqual(['Task']);
  });

  it("reports Notion's error objects", async () => {
    const wrong = await runAction(
      provider,
      'create_page',
      { database_id: DB, title: 'x' },
      { credential: 'secret_wrong' },
    );
    expect(wrong).toMatchObject({ success: false, message: 'Notion responded 401: API token is invalid.' });
    const missing = await runAction(
      provider,
      'create_page',
      { database_id: '00000000-0000-0000-0000-000000000000', title: 'x' },
      { credential: TOKEN },
    );
    expect(missing).toMatchObject({
      success: false,
      output: { status: 404, body: { code: 'object_not_found' } },
    });
  });

  it('needs exactly one parent, and a real id', () => {
    expect(validateStep(provider, 'create_page', { title: 'x' })).toMatchObject({
      success: false,
      issues: [{ path: 'params.database_id', message: 'give exactly one of database_id or page_id' }],
    });
    expect(validateStep(provider, 'create_page', { database_id: DB, page_id: DB, title: 'x' }).success).toBe(
      false,
    );
    expect(validateStep(provider, 'create_page', { database_id: '../../users', title: 'x' }).success).toBe(
      false,
    );
  });
});
