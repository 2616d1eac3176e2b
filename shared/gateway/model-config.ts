import mappingsJson from '../../config/model_mappings.json';
import targetsJson from '../../config/model_targets.json';
import { env } from '../config/env';
import { parseModelConfig, type ModelConfig } from './model-config-schema';

export * from './model-config-schema';

let loaded: ModelConfig | undefined;

/** The stage's configuration (from the environment) or the bundled one, parsed once per cold start. */
export function modelConfig(): ModelConfig {
  loaded ??= parseModelConfig(
    env.MODEL_MAPPINGS_JSON === undefined ? mappingsJson : JSON.parse(env.MODEL_MAPPINGS_JSON),
    env.MODEL_TARGETS_JSON === undefined ? targetsJson : JSON.parse(env.MODEL_TARGETS_JSON),
  );
  return loaded;
}
