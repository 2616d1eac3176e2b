import { getProvider, listProviders } from '../../../../shared/providers/registry';
import { ALWAYS_DETAILED, MAX_PICKED, pickProviders } from '../../../../shared/traces/provider-picker';
import { draftSystemPrompt } from '../../../../shared/traces/trace-prompt';
import { draftPromptSizes, TYPICAL_REQUESTS } from '../../../support/draft-prompt-sizes';

const providers = listProviders();

it('keeps the drafting prompt of each typical request under 8,000 tokens, with every provider named', () => {
  for (const size of draftPromptSizes()) {
    expect(size.tokens).toBeLessThan(8000);
    expect(size.detailed.length).toBeLessThanOrEqual(ALWAYS_DETAILED.length + MAX_PICKED);
  }
  const prompt = draftSystemPrompt(providers, pickProviders(TYPICAL_REQUESTS[0], providers));
  for (const provider of providers) expect(prompt).toContain(provider.name);
});

it('details the vendors a request names, and the model when it asks for writing', () => {
  const [github = [], stripe = [], weather = []] = draftPromptSizes().map((s) => s.detailed);
  expect(github).toEqual(expect.arrayContaining(['http', 'webhook', 'data', 'github', 'slack']));
  expect(stripe).toEqual(expect.arrayContaining(['stripe', 'hubspot', 'sendgrid']));
  expect(weather).toContain('telegram');
  expect(weather.map((name) => getProvider(name)!.category)).toContain('ai');
  // Asked to write, naming no model: OpenAI's is detailed.
  expect(
    pickProviders('Every Monday write a short motivational quote and post it to Discord', providers).map(
      (p) => p.name,
    ),
  ).toEqual(expect.arrayContaining(['discord', 'openai']));
});

it('details a vendor by category words when the request names none', () => {
  const picked = pickProviders('text me when a new lead comes in', providers).map((p) => p.category);
  expect(picked).toContain('crm');
  expect(picked).toContain('messaging');
});
