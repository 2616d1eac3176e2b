import * as z from 'zod';
import { engineRuntime } from '../shared/engine/runtime';
import { http } from '../shared/http/http';
import { noContent } from '../shared/http/response';

const Path = z.object({ id: z.string().min(1).max(512) });

export const handler = http(
  async ({ path, identity, log }) => {
    await engineRuntime().credentials.delete(identity.userId, path.id);
    log.info('credential deleted', { credentialId: path.id });
    return noContent();
  },
  { schema: { path: Path } },
);
