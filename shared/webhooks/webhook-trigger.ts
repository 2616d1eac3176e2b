import { assertJsonLimits } from '../http/json-limits';

/**
 * A webhook body as templates see it (`{{trigger.body.<path>}}`): parsed JSON when it is
 * JSON, the raw text otherwise, nothing when empty. Senders often omit or mislabel the
 * content type, so JSON is tried whenever the text looks like it. Parsed JSON is held to
 * the same depth and Unicode limits as every other JSON body (400 past them).
 */
export function webhookTriggerBody(rawBody: string, contentType: string | undefined): unknown {
  if (rawBody.trim() === '') return undefined;
  if ((contentType ?? '').includes('json') || /^\s*[[{"]/.test(rawBody)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody) as unknown;
    } catch {
      return rawBody;
    }
    assertJsonLimits(parsed, 'body');
    return parsed;
  }
  return rawBody;
}
