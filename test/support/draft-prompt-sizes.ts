import { countTokens } from 'gpt-tokenizer';
import { listProviders } from '../../shared/providers/registry';
import { pickProviders } from '../../shared/traces/provider-picker';
import { draftSystemPrompt } from '../../shared/traces/trace-prompt';

/** Three requests of the kind users type, from seed 004's examples and the console's placeholder. */
export const TYPICAL_REQUESTS = [
  'Every weekday at 9, post the open GitHub issues to Slack',
  'When a Stripe payment succeeds, add the customer to our HubSpot contacts and email them a receipt with SendGrid',
  'Every morning summarise the weather forecast for Paris with an LLM and send it to my Telegram',
] as const;

export interface PromptSize {
  request: string;
  detailed: string[];
  chars: number;
  /** o200k_base tokens (GPT-4o's encoding) of the system prompt plus the request. */
  tokens: number;
}

export function draftPromptSizes(): PromptSize[] {
  const providers = listProviders();
  return TYPICAL_REQUESTS.map((request) => {
    const detailed = pickProviders(request, providers);
    const system = draftSystemPrompt(providers, detailed);
    return {
      request,
      detailed: detailed.map((p) => p.name),
      chars: system.length + request.length,
      tokens: countTokens(system) + countTokens(request),
    };
  });
}
