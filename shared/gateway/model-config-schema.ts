import * as z from 'zod';

/**
 * `config/model_mappings.json` keeps the seed's flat format: requested model name →
 * target id, with a mandatory `default`; a name may instead map to an ordered list of
 * targets, the later ones fallbacks for the first. `config/model_targets.json` is the catalogue
 * that says how each target id is reached. Both are validated together at cold start,
 * so a mapping can never point at a target nobody knows how to call.
 */
export const BACKENDS = ['direct', 'morpheus'] as const;
export type BackendKind = (typeof BACKENDS)[number];

const HEX32 = /^0x[0-9a-fA-F]{64}$/;

const ModelName = z.string().trim().min(1).max(200);

/** At most this many targets in one fallback chain. */
export const MAX_FALLBACK_CHAIN = 5;

export const ModelMappingsSchema = z
  .record(ModelName, z.union([ModelName, z.array(ModelName).min(1).max(MAX_FALLBACK_CHAIN)]))
  .refine((m) => m.default !== undefined, { message: 'a "default" mapping is required' });

const TargetSchema = z.discriminatedUnion('backend', [
  z.strictObject({
    backend: z.literal('direct'),
    /** The model name sent to the upstream. */
    model: ModelName,
    ownedBy: z.string().min(1).default('flowgate'),
    /** Unix seconds, shown as `created` in `GET /models` (0 when unknown). */
    created: z.number().int().min(0).default(0),
  }),
  z.strictObject({
    backend: z.literal('morpheus'),
    model: ModelName,
    /** The on-chain model id sessions are opened for. */
    blockchainId: z.string().regex(HEX32, 'must be a 0x-prefixed 32-byte hex id'),
    ownedBy: z.string().min(1).default('morpheus'),
    created: z.number().int().min(0).default(0),
  }),
]);

export const ModelTargetsSchema = z.record(ModelName, TargetSchema);

export type ModelTargetSpec = z.infer<typeof TargetSchema>;
export type ModelTarget = ModelTargetSpec & { id: string };

export interface ModelConfig {
  /** Requested name → its first target's id, `default` included. */
  mappings: Readonly<Record<string, string>>;
  /** Requested name → every target, in the order they are tried (the first is `mappings`'). */
  chains: Readonly<Record<string, readonly string[]>>;
  targets: ReadonlyMap<string, ModelTarget>;
}

function describe(error: z.ZodError, file: string): string {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'} ${i.message}`).join('; ');
}

/** Validates both files and their cross-references; throws one readable error listing every problem. */
export function parseModelConfig(mappingsInput: unknown, targetsInput: unknown): ModelConfig {
  const mappings = ModelMappingsSchema.safeParse(mappingsInput);
  const targets = ModelTargetsSchema.safeParse(targetsInput);
  const problems: string[] = [];
  if (!mappings.success) problems.push(describe(mappings.error, 'model_mappings.json'));
  if (!targets.success) problems.push(describe(targets.error, 'model_targets.json'));
  const chains: Record<string, string[]> = {};
  if (mappings.success && targets.success) {
    for (const [name, value] of Object.entries(mappings.data)) {
      const chain = typeof value === 'string' ? [value] : value;
      chains[name] = chain;
      for (const targetId of chain) {
        if (!(targetId in targets.data))
          problems.push(`model_mappings.json: "${name}" maps to unknown target "${targetId}"`);
      }
      if (new Set(chain).size !== chain.length)
        problems.push(`model_mappings.json: "${name}" names a target twice`);
    }
  }
  if (problems.length > 0 || !mappings.success || !targets.success)
    throw new Error(`Invalid model configuration: ${problems.join('; ')}`);
  const byId = new Map<string, ModelTarget>();
  for (const [id, spec] of Object.entries(targets.data)) byId.set(id, { ...spec, id });
  const primary = Object.fromEntries(Object.entries(chains).map(([name, chain]) => [name, chain[0]!]));
  return { mappings: primary, chains, targets: byId };
}
