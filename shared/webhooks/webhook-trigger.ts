/**
 * A webhook body as templates see it (`{{trigger.body.<path>}}`): parsed JSON when it is
 * JSON, the raw text otherwise, nothing when empty. Senders often omit or mislabel the
 * content type, so JSON is tried whenever the text looks like it.
 */
export function webhookTriggerBody(rawBody: string, contentType: string | undefined): unknown {
  if (rawBody.trim() === '') return undefined;
  if ((contentType ?? '').includes('json') || /^\s*[[{"]/.test(rawBody)) {
    try {
      return JSON.parse(rawBody) as unknown;
    } catch {
      return rawBody;
    }
  }
  return rawBody;
}
