/** The body of `PUT /api/v1/automation/settings`, shared by its handler and the API contract. */
import * as z from 'zod';
import { SESSION_DURATION_MAX, SESSION_DURATION_MIN } from './automation-settings';

export const SettingsUpdateBody = z
  .strictObject({
    is_enabled: z.boolean().optional(),
    session_duration: z.number().int().min(SESSION_DURATION_MIN).max(SESSION_DURATION_MAX).optional(),
  })
  .refine((b) => b.is_enabled !== undefined || b.session_duration !== undefined, {
    message: 'give is_enabled, session_duration or both',
  });
