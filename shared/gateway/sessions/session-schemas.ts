/** Request shapes of the session routes, shared by their handlers and the API contract. */
import * as z from 'zod';
import { SESSION_DURATION_MAX, SESSION_DURATION_MIN } from '../automation-settings';

export const OpenSessionQuery = z.object({ model_id: z.string().trim().min(1).max(256) });

export const OpenSessionBody = z.strictObject({
  sessionDuration: z.number().int().min(SESSION_DURATION_MIN).max(SESSION_DURATION_MAX).optional(),
});

/** `POST /api/v1/session/closesession`: every session of the key, or the one model's, or one by id. */
export const CloseSessionQuery = z.strictObject({
  model_id: z.string().trim().min(1).max(256).optional(),
  session_id: z.string().trim().min(1).max(256).optional(),
});
