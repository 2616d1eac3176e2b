import { replyContent, type ChatMessage } from '../../../../../infra/local/stubs/completion';
import {
  STUB_DRAFT_NOTE,
  draftPlan,
  draftingCatalogue,
  paramsFor,
  stubDraftReply,
  urlIn,
  type CatalogueProvider,
} from '../../../../../infra/local/stubs/draft-plan';
import type { JsonCompletion } from '../../../../../shared/gateway/chat/json-completion';
import { Logger } from '../../../../../shared/logger';
import { providerCatalog } from '../../../../../shared/plans/provider-catalog';
import { describeProviders } from '../../../../../shared/providers/listing';
import { getProvider, listProviders, validateStep } from '../../../../../shared/providers/registry';
import type { ProviderDefinition } from '../../../../../shared/providers/types';
import { TraceDrafter } from '../../../../../shared/traces/trace-drafter';
import { draftSystemPrompt, repairPrompt } from '../../../../../shared/traces/trace-prompt';

const identity = { userId: 'user-1', keyId: 'key-1' };
const log = new Logger({}, 'silent', () => undefined);
const ask = (messages: ChatMessage[]) =>
  replyContent({
    model: 'gpt-4o',
    messages,
    stream: false,
    includeUsage: false,
    responseFormat: 'json_object',
  });

/** Flowgate's real drafter, its model being the stub's reply and its validator the real one. */
async function draftWithStub(message: string, providers: ProviderDefinition[] = listProviders()) {
  const drafter = new TraceDrafter({
    complete: async (input): Promise<JsonCompletion<unknown>> => {
      const content = ask(input.messages.map((m) => ({ ...m })));
      return { value: JSON.parse(content), content, routedModel: 'direct/gpt-4o' };
    },
    catalog: providerCatalog({ find: async () => undefined, list: async () => [] }),
    providersFor: async () => providers,
  });
  return drafter.draft({ identity, message, model: 'gpt-4o', log });
}

const catalogueOf = (providers: ProviderDefinition[]) =>
  describeProviders(providers).providers as unknown as CatalogueProvider[];

describe('the stub model drafting a plan', () => {
  it('GETs the URL of the request with http.request, a plan the real validator accepts first time', async () => {
    const result = await draftWithStub('Every day at 9, fetch http://127.0.0.1:8080/status.');
    expect(result.repaired).toBe(false);
    expect(result.draft).toEqual({
      name: 'Stub plan: GET http://127.0.0.1:8080/status',
      description: `${STUB_DRAFT_NOTE}: one GET request to http://127.0.0.1:8080/status.`,
      steps: [
        {
          id: 'fetch',
          provider: 'http',
          action: 'request',
          params: { method: 'GET', url: 'http://127.0.0.1:8080/status' },
        },
      ],
    });
    expect(result.draft.description).toContain("Drafted by Flowgate's local stub model (no real LLM)");
  });

  it('without a URL, returns the request with data.transform', async () => {
    const result = await draftWithStub('Summarise my week');
    expect(result.repaired).toBe(false);
    expect(result.draft).toMatchObject({
      name: 'Stub plan: Summarise my week',
      description: expect.stringContaining(STUB_DRAFT_NOTE),
      steps: [
        {
          id: 'echo',
          provider: 'data',
          action: 'transform',
          params: { value: { request: 'Summarise my week' } },
        },
      ],
    });
  });

  it('uses only what the catalogue lists: no http, so a URL request is still a data.transform', async () => {
    const result = await draftWithStub('fetch https://example.com', [getProvider('data')!]);
    expect(result.draft.steps[0]).toMatchObject({ provider: 'data', action: 'transform' });
  });

  it('without http or data, takes the first listed action with its required params', () => {
    const webhook = getProvider('webhook')!;
    const plan = draftPlan('post to https://hooks.example/in', catalogueOf([webhook]));
    expect(plan?.name).toBe('Stub plan: webhook.send');
    const step = plan!.steps[0]!;
    expect(step).toEqual({
      id: 'step1',
      provider: 'webhook',
      action: 'send',
      params: { url: 'https://hooks.example/in' },
    });
    expect(validateStep(webhook, step.action, step.params, { isTemplated: () => false }).success).toBe(true);
    const github = getProvider('github')!;
    const issue = draftPlan('Track this', catalogueOf([github]))!.steps[0]!;
    expect(issue.params).toEqual({ owner: 'x', repo: 'x', title: 'Track this' });
    expect(validateStep(github, issue.action, issue.params, { isTemplated: () => false }).success).toBe(true);
    expect(draftPlan('x', [])).toBeUndefined();
  });

  it('answers a repair turn with data.transform', () => {
    const system = draftSystemPrompt(listProviders());
    const first = ask([
      { role: 'system', content: system },
      { role: 'user', content: 'fetch http://h/x' },
    ]);
    expect(JSON.parse(first).steps[0].provider).toBe('http');
    const repaired = ask([
      { role: 'system', content: system },
      { role: 'user', content: 'fetch http://h/x' },
      { role: 'assistant', content: first },
      { role: 'user', content: repairPrompt(['steps.0: nope']) },
    ]);
    expect(JSON.parse(repaired).steps[0]).toMatchObject({ provider: 'data', action: 'transform' });
  });

  it('leaves STUB_JSON in charge, on the repair turn too, and other conversations alone', () => {
    const system = draftSystemPrompt(listProviders());
    expect(
      ask([
        { role: 'system', content: system },
        { role: 'user', content: 'x\nSTUB_JSON: {"a":1}' },
      ]),
    ).toBe('{"a":1}');
    const repair = ask([
      { role: 'system', content: system },
      { role: 'user', content: 'x\nSTUB_JSON: {"a":1}' },
      { role: 'assistant', content: '{"a":1}' },
      { role: 'user', content: repairPrompt(['name: required']) },
    ]);
    expect(JSON.parse(repair)).toEqual({ echo: repairPrompt(['name: required']) });
    expect(
      stubDraftReply([
        { role: 'system', text: 'You are helpful' },
        { role: 'user', text: 'hi' },
      ]),
    ).toBeUndefined();
    expect(ask([{ role: 'user', content: 'hi' }])).toBe('{"echo":"hi"}');
  });

  it('recognises the drafting prompt only, and tolerates a broken catalogue', () => {
    const system = draftSystemPrompt(listProviders());
    expect(draftingCatalogue([{ role: 'system', text: system }])?.map((p) => p.name)).toContain('http');
    expect(draftingCatalogue([{ role: 'system', text: 'You are the planner of Flowgate' }])).toBeUndefined();
    expect(
      draftingCatalogue([
        { role: 'system', text: 'You are the planner of Flowgate\nProvider catalogue (JSON):\n{' },
      ]),
    ).toBeUndefined();
  });

  it('finds URLs without trailing punctuation, and fills params from schemas', () => {
    expect(urlIn('see (https://a.example/x?y=1), then')).toBe('https://a.example/x?y=1');
    expect(urlIn('no link here')).toBeUndefined();
    expect(
      paramsFor(
        {
          type: 'object',
          properties: {
            s: { type: 'string', minLength: 3 },
            n: { type: 'integer', minimum: 5 },
            e: { type: 'string', enum: ['a', 'b'] },
            b: { type: 'boolean' },
            o: { type: 'object', properties: { k: { type: 'string' } }, required: ['k'] },
            extra: {},
          },
          required: ['s', 'n', 'e', 'b', 'o'],
        },
        { extra: 1, unknown: 2 },
      ),
    ).toEqual({ s: 'xxx', n: 5, e: 'a', b: false, o: { k: 'x' }, extra: 1 });
  });
});
