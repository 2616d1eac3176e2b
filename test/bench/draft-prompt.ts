/** `npm run bench:draft-prompt`: the drafting prompt's size for three typical requests. */
import '../support/env';
import { countTokens } from 'gpt-tokenizer';
import { listProviders } from '../../shared/providers/registry';
import { draftSystemPrompt } from '../../shared/traces/trace-prompt';
import { draftPromptSizes } from '../support/draft-prompt-sizes';

const providers = listProviders();
console.log(
  `providers: ${providers.length}; the whole catalogue in full would be ${countTokens(draftSystemPrompt(providers))} tokens`,
);
for (const size of draftPromptSizes())
  console.log(
    `${size.tokens} tokens (${size.chars} chars) for "${size.request}": ${size.detailed.join(', ')}`,
  );
