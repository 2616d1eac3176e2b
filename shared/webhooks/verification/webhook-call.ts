/** What verification sees of a webhook call. */
export interface WebhookCall {
  /** The body exactly as received: every sender signs these bytes, never a re-serialisation. */
  rawBody: string;
  /** Header names lower-cased (the http wrapper's map). */
  headers: Readonly<Record<string, string>>;
  now: Date;
}
