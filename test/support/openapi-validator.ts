import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** The validator ships as an ES module only (it reads its schemas via import.meta), which jest's CommonJS runtime cannot load. */
const SCRIPT = `
import { Validator } from '@seriousme/openapi-schema-validator';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const result = await new Validator().validate(JSON.parse(text));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? null }));
`;

export interface OpenApiValidation {
  valid: boolean;
  errors: unknown;
}

/** Validates a document against the OpenAPI schema of its version, with @seriousme/openapi-schema-validator. */
export function validateOpenApi(document: unknown): OpenApiValidation {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
  return JSON.parse(out) as OpenApiValidation;
}
