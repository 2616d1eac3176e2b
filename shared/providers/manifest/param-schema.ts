import * as z from 'zod';

/**
 * The JSON Schema subset a manifest may use for a param. Small on purpose: every keyword
 * here converts to zod exactly (z.fromJSONSchema), appears unchanged in /api/providers and
 * the drafting prompt, and means the same thing to a plan author as to the validator.
 */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  description?: string;
  enum?: (string | number | boolean)[];
  const?: string | number | boolean;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'email' | 'uri' | 'date' | 'date-time';
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
}

const validPattern = (pattern: string) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

/** The keywords as a zod shape, so a manifest param can extend them with where it goes. */
export const jsonSchemaShape = {
  type: z.enum(['string', 'integer', 'number', 'boolean', 'array', 'object']).optional(),
  description: z.string().max(500).optional(),
  enum: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .min(1)
    .optional(),
  const: z.union([z.string(), z.number(), z.boolean()]).optional(),
  default: z.unknown().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  pattern: z.string().refine(validPattern, 'not a valid regular expression').optional(),
  format: z.enum(['email', 'uri', 'date', 'date-time']).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  get items() {
    return JsonSchemaSchema.optional();
  },
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
  get properties() {
    return z.record(z.string(), JsonSchemaSchema).optional();
  },
  required: z.array(z.string()).optional(),
  get additionalProperties() {
    return z.union([z.boolean(), JsonSchemaSchema]).optional();
  },
  get anyOf() {
    return z.array(JsonSchemaSchema).min(2).optional();
  },
};

export const JsonSchemaSchema: z.ZodType<JsonSchema> = z.strictObject(jsonSchemaShape);
