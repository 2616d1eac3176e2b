import { gateway } from '../shared/gateway/gateway';
import { modelView } from '../shared/gateway/model-view';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

const gw = gateway();

/** The model names the router knows, in OpenAI's list shape plus Morpheus's `blockchainID`. */
export const handler = http(async () => ok({ object: 'list', data: gw.router.list().map(modelView) }));
