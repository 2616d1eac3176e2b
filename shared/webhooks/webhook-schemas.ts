/** Request shapes of the webhook routes, shared by their handlers and the API contract. */
import * as z from 'zod';

export const CreateWebhookBody = z.strictObject({ require_signature: z.boolean().default(true) });

/** A webhook call's query is handed to the run as it is; `wait=true` also runs it in the request. */
export const WebhookQuery = z.record(z.string(), z.string());
