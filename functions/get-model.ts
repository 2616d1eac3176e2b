import { gateway } from '../shared/gateway/gateway';
import { ModelPath, modelNotFound } from '../shared/gateway/model-schemas';
import { modelView } from '../shared/gateway/model-view';
import { ROUTED_MODEL_HEADER } from '../shared/gateway/sessions/session-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** One of the listed model names (`client.models.retrieve`); any other name is OpenAI's 404. */
export const handler = http(
  async ({ path, setHeader }) => {
    const model = gw.router.find(path.model);
    if (!model) throw modelNotFound();
    setHeader(ROUTED_MODEL_HEADER, model.target.id);
    return ok(modelView(model));
  },
  { schema: { path: ModelPath } },
);
