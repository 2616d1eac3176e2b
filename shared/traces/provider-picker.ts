/**
 * Which providers a drafting request gets in full. With 200+ providers the whole catalogue
 * with every JSON Schema would not fit a prompt, so the drafter sends the schemas of the few
 * providers the request is about (picked here, cheaply and without a model call, from names,
 * categories and descriptions) and only the names of the rest.
 */
import type { ProviderCategory, ProviderDefinition } from '../providers/types';

/** Always described in full: the building blocks almost any automation may need. */
export const ALWAYS_DETAILED = ['http', 'webhook', 'data'] as const;

/** The picked providers besides ALWAYS_DETAILED: enough for a chain of several vendors. */
export const MAX_PICKED = 8;

/** Words that point at a category even when the request names no vendor. */
const CATEGORY_WORDS: Record<ProviderCategory, readonly string[]> = {
  ai: [
    'summarise',
    'summarize',
    'summary',
    'generate',
    'write',
    'translate',
    'classify',
    'llm',
    'gpt',
    'model',
    'draft',
    'answer',
    'embed',
  ],
  messaging: ['message', 'sms', 'chat', 'notify', 'notification', 'channel', 'text', 'alert', 'ping'],
  email: ['email', 'e-mail', 'mail', 'inbox'],
  productivity: [
    'task',
    'todo',
    'card',
    'board',
    'sheet',
    'spreadsheet',
    'calendar',
    'meeting',
    'project',
    'note',
    'page',
  ],
  developer: [
    'issue',
    'issues',
    'pull',
    'repo',
    'repository',
    'deploy',
    'build',
    'incident',
    'pipeline',
    'commit',
  ],
  crm: ['lead', 'leads', 'contact', 'contacts', 'deal', 'deals', 'crm', 'prospect'],
  support: ['ticket', 'tickets', 'support', 'helpdesk', 'conversation'],
  marketing: ['campaign', 'subscriber', 'subscribers', 'newsletter', 'audience'],
  commerce: ['order', 'orders', 'product', 'products', 'shop', 'store', 'inventory', 'shipment'],
  payments: ['payment', 'payments', 'charge', 'refund', 'subscription', 'checkout'],
  finance: ['invoice', 'invoices', 'accounting', 'expense', 'exchange', 'stock', 'currency'],
  data: ['database', 'row', 'rows', 'record', 'records', 'table', 'vector', 'index'],
  storage: ['file', 'files', 'upload', 'folder', 'drive', 'document', 'image'],
  analytics: ['event', 'events', 'track', 'analytics', 'metric', 'metrics', 'pageview'],
  social: ['tweet', 'toot', 'social', 'linkedin', 'followers'],
  utility: ['url', 'shorten', 'weather', 'link'],
};

/** The score of a provider the request names outright. */
const NAMED = 100;

const STOP_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'every',
  'each',
  'from',
  'into',
  'that',
  'this',
  'then',
  'when',
  'new',
  'all',
  'our',
  'your',
  'its',
  'day',
  'week',
]);

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9@.-]+/)
      .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w)),
  );

interface ProviderTerms {
  /** Matches the provider's title or name standing alone in a request. */
  named: RegExp;
  /** The words of its description and actions. */
  text: Set<string>;
}

// A provider's terms never change: worked out once, not for every provider on every draft.
const termsCache = new WeakMap<ProviderDefinition, ProviderTerms>();

function termsOf(provider: ProviderDefinition): ProviderTerms {
  let terms = termsCache.get(provider);
  if (!terms) {
    const titles = [provider.title.toLowerCase(), provider.name.replace(/_/g, ' ')].map((t) =>
      t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    terms = {
      named: new RegExp(`(^|[^a-z0-9])(?:${titles.join('|')})($|[^a-z0-9])`),
      text: words(
        [
          provider.description,
          ...Object.entries(provider.actions).map(([n, a]) => `${n.replace(/_/g, ' ')} ${a.description}`),
        ].join(' '),
      ),
    };
    termsCache.set(provider, terms);
  }
  return terms;
}

function score(provider: ProviderDefinition, lower: string, messageWords: Set<string>): number {
  const { named, text } = termsOf(provider);
  let total = 0;
  // The vendor named outright ("to Slack", "in Google Sheets") decides it.
  if (named.test(lower)) total += NAMED;
  for (const word of CATEGORY_WORDS[provider.category]) if (messageWords.has(word)) total += 3;
  for (const word of messageWords) if (text.has(word)) total += 1;
  return total;
}

/** Up to `max` of the ranked providers, the best of each category in turn: a request about leads and texts gets both. */
function acrossCategories(ranked: readonly ProviderDefinition[], max: number): ProviderDefinition[] {
  const queues = new Map<string, ProviderDefinition[]>();
  for (const provider of ranked)
    queues.set(provider.category, [...(queues.get(provider.category) ?? []), provider]);
  const out: ProviderDefinition[] = [];
  while (out.length < max && [...queues.values()].some((q) => q.length)) {
    for (const queue of queues.values()) {
      const next = queue.shift();
      if (next && out.length < max) out.push(next);
    }
  }
  return out;
}

/**
 * The providers to describe in full for this request: ALWAYS_DETAILED, then the best-scoring
 * others (every vendor the request names comes first), at most MAX_PICKED of them. A request
 * that asks for writing or summarising and names no model provider gets OpenAI's.
 */
export function pickProviders(
  message: string,
  providers: readonly ProviderDefinition[],
): ProviderDefinition[] {
  const messageWords = words(message);
  const always = providers.filter((p) => (ALWAYS_DETAILED as readonly string[]).includes(p.name));
  const scored = providers
    .filter((p) => !always.includes(p))
    .map((provider, order) => ({
      provider,
      order,
      score: score(provider, message.toLowerCase(), messageWords),
    }))
    .filter((s) => s.score >= 3)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  // Vendors the request names come first; a few more by topic, fewer when vendors were named.
  const named = scored.filter((s) => s.score >= NAMED);
  const topical = acrossCategories(
    scored.filter((s) => s.score < NAMED).map((s) => s.provider),
    named.length ? 3 : 6,
  );
  const picked = [...named.map((s) => s.provider), ...topical].slice(0, MAX_PICKED);
  const wantsModel = CATEGORY_WORDS.ai.some((w) => messageWords.has(w));
  if (wantsModel && !picked.some((p) => p.category === 'ai')) {
    const openai = providers.find((p) => p.name === 'openai');
    if (openai) picked.splice(Math.min(picked.length, MAX_PICKED - 1), 1, openai);
  }
  return [...always, ...picked];
}
