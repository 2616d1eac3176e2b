import { deploymentRuntime } from '../shared/deployment/deployment-runtime';
import { http } from '../shared/http/http';
import { ok } from '../shared/http/response';

/** `GET /api/scheduler/jobs`: the caller's schedules with their next and last runs. */
export const handler = http(async ({ identity }) => ok(await deploymentRuntime().jobs.list(identity.userId)));
