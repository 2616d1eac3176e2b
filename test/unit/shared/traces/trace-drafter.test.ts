import { RateLimitError, UpstreamError } from '../../../../shared/errors';
import type { JsonCompletion, JsonCompletionInput } from '../../../../shared/gateway/chat/json-completion';
import { Logger } from '../../../../shared/logger';
import { providerCatalog } from '../../../../shared/plans/provider-catalog';
import { getProvider, listProviders } from '../../../../shared/providers/registry';
import { TraceDrafter } from '../../../../shared/traces/trace-drafter';
import { pickProviders } from '../../../../shared/traces/provider-picker';
import { catalogueJson, draftSystemPrompt } from '../../../../shared/traces/trace-prompt';

const identity = { userId: 'user-1', keyId: 'key-1' };
const MESSAGE = 'Every morning add 1 and 2 — my secret request text';
const step = (id: string, value: unknown = 1) => ({
  id,
  provider: 'data',
  action: 'transform',
  params: { value },
});
const valid = { name: 'Adder', description: 'adds', steps: [step('a'), step('b', '{{steps.a.output}}')] };
const unknownProvider = { name: 'Bad', steps: [{ id: 'a', provider: 'nope', action: 'x', params: {} }] };

/** What the fake model answers, in order: a value (sent back as JSON text) or an error to throw. */
type Answer = { value: unknown } | { error: Error };

const calls0Detailed = () => pickProviders(MESSAGE, listProviders()).map((p) => p.name);

function setup(answers: Answer[]) {
  const calls: Array<JsonCompletionInput<unknown>> = [];
  const lines: string[] = [];
  const drafter = new TraceDrafter({
    complete: async (input): Promise<JsonCompletion<unknown>> => {
      calls.push({ ...input, messages: [...input.messages] });
      const answer = answers.shift();
      if (!answer) throw new Error('no more scripted answers');
      if ('error' in answer) throw answer.error;
      return { value: answer.value, content: JSON.stringify(answer.value), routedModel: 'direct/gpt-4o' };
    },
    catalog: providerCatalog({ find: async () => undefined, list: async () => [] }),
    providersFor: async () => listProviders(),
  });
  const log = new Logger({}, 'info', (line) => lines.push(line));
  const draft = () => drafter.draft({ identity, message: MESSAGE, model: 'gpt-4o', log });
  return { calls, lines, draft };
}

describe('TraceDrafter', () => {
  it('returns a valid first answer after one completion with the generated system prompt', async () => {
    const { calls, draft } = setup([{ value: valid }]);
    const result = await draft();
    expect(result).toEqual({ draft: valid, routedModel: 'direct/gpt-4o', repaired: false });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ identity, model: 'gpt-4o' });
    expect(calls[0]?.messages).toEqual([
      {
        role: 'system',
        content: draftSystemPrompt(listProviders(), pickProviders(MESSAGE, listProviders())),
      },
      { role: 'user', content: MESSAGE },
    ]);
  });

  it('sends the validation errors back once and takes the repaired answer', async () => {
    const { calls, draft } = setup([{ value: unknownProvider }, { value: valid }]);
    const result = await draft();
    expect(result.repaired).toBe(true);
    expect(result.draft).toEqual(valid);
    expect(calls).toHaveLength(2);
    const repair = calls[1]?.messages ?? [];
    expect(repair.slice(0, 2)).toEqual(calls[0]?.messages);
    expect(repair[2]).toEqual({ role: 'assistant', content: JSON.stringify(unknownProvider) });
    expect(repair[3]?.role).toBe('user');
    expect(repair[3]?.content).toContain('step "a" (steps.0): unknown provider "nope"');
  });

  it('quotes the full catalogue entry of a provider the first draft used but the prompt only named', async () => {
    const trelloDraft = {
      name: 'Card',
      steps: [{ id: 'a', provider: 'trello', action: 'create_card', params: {} }],
    };
    expect(calls0Detailed()).not.toContain('trello');
    const { calls, draft } = setup([{ value: trelloDraft }, { value: valid }]);
    await draft();
    expect(calls[0]?.messages[0]?.content).not.toContain('"name":"trello"');
    const repair = calls[1]?.messages[3]?.content ?? '';
    expect(repair).toContain('The catalogue entries of the providers you used (JSON):');
    expect(repair).toContain(catalogueJson([getProvider('trello')!]));
    expect(repair).not.toContain('"name":"data"');
  });

  it('gives up after one repair round with a 422 listing the reasons and issue paths', async () => {
    const badParams = { name: 'Bad', steps: [{ id: 'a', provider: 'data', action: 'nope', params: {} }] };
    const { calls, draft } = setup([{ value: unknownProvider }, { value: badParams }]);
    const err = await draft().catch((e: unknown) => e);
    expect(calls).toHaveLength(2);
    expect(err).toMatchObject({
      statusCode: 422,
      code: 'draft_invalid',
      details: {
        reasons: [expect.stringContaining("Unknown action 'nope' for provider 'data'")],
        issues: [{ path: 'steps.0.action', code: 'unknown_action', message: expect.any(String) }],
      },
    });
  });

  it('refuses an answer of the wrong shape, naming the fields', async () => {
    const { calls, draft } = setup([{ value: { title: 'x' } }, { value: { name: '', steps: [] } }]);
    const err = (await draft().catch((e: unknown) => e)) as { details: { reasons: string[] } };
    expect(calls[1]?.messages.at(-1)?.content).toContain('steps: ');
    expect(err.details.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^name: /), expect.stringMatching(/^steps: /)]),
    );
  });

  it('refuses a reference to a step that has not run yet', async () => {
    const backwards = { name: 'B', steps: [step('a', '{{steps.b.output}}'), step('b')] };
    const { draft } = setup([{ value: backwards }, { value: backwards }]);
    await expect(draft()).rejects.toMatchObject({
      details: { reasons: [expect.stringContaining('which does not run before it')] },
    });
  });

  it('treats text that is not JSON as a bad draft: the repair asks again without an assistant turn', async () => {
    const { calls, draft } = setup([
      { error: new UpstreamError('The model did not return valid JSON', 'llm_invalid_json') },
      { value: valid },
    ]);
    expect((await draft()).repaired).toBe(true);
    const roles = calls[1]?.messages.map((m) => m.role);
    expect(roles).toEqual(['system', 'user', 'user']);
    expect(calls[1]?.messages[2]?.content).toContain('the answer is not a JSON object');
  });

  it.each([
    ['a rate limit', new RateLimitError('slow down', 3), 429],
    ['an upstream failure', new UpstreamError('The model upstream failed', 'upstream_error'), 502],
  ])('passes %s through without a repair round', async (_label, error, status) => {
    const { calls, draft } = setup([{ error }, { value: valid }]);
    await expect(draft()).rejects.toMatchObject({ statusCode: status });
    expect(calls).toHaveLength(1);
  });

  it('never logs the request or the model answer at info level', async () => {
    const { lines, draft } = setup([{ value: unknownProvider }, { value: unknownProvider }]);
    await draft().catch(() => undefined);
    expect(lines.length).toBeGreaterThan(0);
    const text = lines.join('\n');
    expect(text).not.toContain('secret request text');
    expect(text).not.toContain('nope');
  });
});
