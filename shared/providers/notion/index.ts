import * as z from 'zod';
import { call, defineAction, joinUrl, pickString, requireCredential, upstreamFailure } from '../provider-kit';
import type { ProviderDefinition } from '../types';

export const NOTION_API_BASE_URL = 'https://api.notion.com/v1';
/** The API version this provider's request and response shapes follow. */
export const NOTION_VERSION = '2022-06-28';

const NotionId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$/, 'not a Notion id');

const CreatePageParams = z
  .strictObject({
    /** Exactly one parent: a database (the page becomes a row) or a page. */
    database_id: NotionId.optional(),
    page_id: NotionId.optional(),
    title: z.string().min(1).max(2000),
    /** The database's title property; a page parent's is always `title`. */
    title_property: z.string().min(1).max(200).optional(),
    /** Other properties in Notion's own property-value format. */
    properties: z.record(z.string(), z.unknown()).optional(),
    /** Block objects in Notion's format. */
    children: z.array(z.record(z.string(), z.unknown())).max(100).optional(),
  })
  .refine((p) => (p.database_id === undefined) !== (p.page_id === undefined), {
    message: 'give exactly one of database_id or page_id',
    path: ['database_id'],
  });

type CreatePage = z.infer<typeof CreatePageParams>;

function pageBody(params: CreatePage): Record<string, unknown> {
  const titleProperty = params.page_id ? 'title' : (params.title_property ?? 'Name');
  return {
    parent: params.page_id ? { page_id: params.page_id } : { database_id: params.database_id },
    properties: {
      ...params.properties,
      [titleProperty]: { title: [{ type: 'text', text: { content: params.title } }] },
    },
    ...(params.children ? { children: params.children } : {}),
  };
}

/** `apiBaseUrl` exists so tests can point the provider at a loopback fake; the registry uses the default. */
export function createNotionProvider(options: { apiBaseUrl?: string } = {}): ProviderDefinition {
  const api = options.apiBaseUrl ?? NOTION_API_BASE_URL;
  return {
    name: 'notion',
    title: 'Notion',
    category: 'productivity',
    description: 'Create pages in Notion databases with an integration token.',
    docsUrl: 'https://developers.notion.com/reference/post-page',
    verification: 'wire-tested',
    credentialType: 'token',
    actions: {
      create_page: defineAction({
        description:
          'Create a page in a database or under a page, with a title, properties and content blocks.',
        params: CreatePageParams,
        async execute(params, ctx) {
          const token = requireCredential(ctx, 'notion', 'integration token');
          const result = await call(ctx, {
            method: 'POST',
            url: joinUrl(api, '/pages'),
            headers: { authorization: `Bearer ${token}`, 'notion-version': NOTION_VERSION },
            json: pageBody(params),
          });
          if (result.status >= 400)
            return upstreamFailure('Notion', result, pickString(result.data, 'message'));
          const page = (result.data ?? {}) as { id?: string; url?: string; created_time?: string };
          return {
            success: true,
            output: { id: page.id, url: page.url, created_time: page.created_time },
            message: 'Notion page created',
          };
        },
      }),
    },
  };
}

export const notion = createNotionProvider();
