import * as z from 'zod';

/** `?limit=&cursor=` on every list route: 1-100 items, 20 by default, and an opaque cursor. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
