import fc from 'fast-check';
import { newSortableId } from '../../../shared/runs/sortable-id';
import { transformStep } from './hardening-fixtures';

/**
 * Percent-encodes any JavaScript string as a URL component, lone surrogates included
 * (as the three bytes a WTF-8 encoder writes for them, which are invalid UTF-8), where
 * encodeURIComponent would throw.
 */
export function encodeComponent(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(text[i] as string);
  }
  return out;
}

const nestedArrays = (depth: number, leaf = '0') => '['.repeat(depth) + leaf + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '0' + '}'.repeat(depth);
const depth = fc.oneof(fc.constantFrom(65, 100, 6000), fc.integer({ min: 65, max: 8000 }));

/** Deep JSON where bodies carry user data: plan and trace steps, run-now, webhook payloads. */
const deepBody = depth.chain((n) =>
  fc.constantFrom(
    nestedArrays(n),
    nestedObjects(n),
    `{"name":"p","steps":[{"id":"a","provider":"data","action":"transform","params":{"value":${nestedArrays(n)}}}]}`,
    `{"steps":[{"id":"a","provider":"data","action":"transform","params":{"value":${nestedObjects(n)}}}]}`,
    `{"order":${nestedObjects(n)}}`,
    `{"model":"gpt-4o","messages":[{"role":"user","content":${nestedArrays(n, '"x"')}}]}`,
  ),
);

const LONE = ['\\ud800', '\\udbff', '\\udc00', '\\udfff', '\\ude00\\ud83d'];
const loneSurrogateBody = fc
  .constantFrom(...LONE)
  .chain((s) =>
    fc.constantFrom(
      `{"name":"${s}","steps":[{"id":"a","provider":"data","action":"transform","params":{}}]}`,
      `{"name":"p","steps":[{"id":"a","provider":"data","action":"transform","params":{"${s}":1}}]}`,
      `{"${s}":1}`,
      `"${s}"`,
      `{"value":"abc${s}","provider":"openai"}`,
      `{"model":"gpt-4o","messages":[{"role":"user","content":"${s}"}]}`,
    ),
  );

const hugeNumbers = fc.constantFrom(
  '{"sessionDuration":1e309}',
  '{"session_duration":-1e400,"is_enabled":true}',
  '{"name":"p","steps":[{"id":"a","provider":"data","action":"transform","params":{},"timeout_ms":1e308}]}',
  '{"limit":123456789012345678901234567890}',
  '{"schedule_type":"monthly","schedule_time":"09:00","schedule_config":{"day_of_month":1e21}}',
  '{"steps":[{"id":"a","provider":"data","action":"transform","params":{},"retry":{"max_attempts":-0,"backoff_ms":9e15}}]}',
);

const wrongTypes = fc.constantFrom(
  'null',
  '[]',
  '0',
  'true',
  '"text"',
  '{"name":[],"steps":{}}',
  '{"steps":"a"}',
  '{"plan_id":{"$ne":null}}',
  `{"plan_id":"${'😀'.repeat(256)}"}`,
  `{"trace_id":"${'😀'.repeat(256)}","schedule_type":"daily","schedule_time":"09:00"}`,
  '{"trace_id":["x"],"schedule_type":"daily"}',
  '{"messages":"hi","model":7}',
  '{"base_url":"http://169.254.169.254/latest","name":"x"}',
  '{"__proto__":{"polluted":true},"name":"p"}',
  '{"constructor":{"prototype":{"x":1}}}',
);

const notJson = fc.oneof(
  fc.constantFrom('{', '{"a":', '\uFEFF{}', "{'a':1}", '{"a":1,}', 'NaN', '[1,2', '{"a":"\\x41"}', '\u0000'),
  fc.string({ maxLength: 200 }),
);

/** A valid body for the route plus fields nobody documents, or with its values shuffled. */
const randomFields = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 })
  .map((extra) => JSON.stringify({ name: 'p', steps: [transformStep('a')], ...extra }));

export const malformedBody: fc.Arbitrary<string> = fc.oneof(
  deepBody,
  loneSurrogateBody,
  hugeNumbers,
  wrongTypes,
  notJson,
  randomFields,
  fc.json({ maxDepth: 6 }),
  fc.constant(JSON.stringify({ name: 'x'.repeat(300_000), steps: [transformStep('a')] })),
);

/** Anything a client can put where an id goes, none of them an id this user owns. */
export const malformedId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '😀'.repeat(256),
    '中'.repeat(400),
    'x'.repeat(3000),
    '\ud800',
    'a\udfffb',
    '__proto__',
    'constructor',
    'USER#someone',
    'PLAN#x',
    '%00',
    ' ',
    "' OR 1=1 --",
    'wh_' + 'A'.repeat(43),
    'cred_' + 'A'.repeat(400) + '.' + '0'.repeat(24),
  ),
  fc.constantFrom('plan', 'trace', 'run', 'int', 'key').map((kind) => newSortableId(kind)),
  fc.string({ minLength: 1, maxLength: 300, unit: 'binary' }),
  fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }),
);

/** Query strings with wrong types, huge and negative numbers, forged cursors and odd names. */
export const malformedQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    'limit=-1',
    'limit=0',
    'limit=1e309',
    'limit=99999999999999999999',
    'limit=abc&limit=2',
    'cursor=!!!',
    `cursor=${Buffer.from('{"PK":"USER#other","SK":"PLAN#x"}').toString('base64url')}`,
    `cursor=${'A'.repeat(5000)}`,
    'status=bogus',
    'status=paused&status=deployed',
    'model_id=',
    'model_id=llama-4',
    'model_id=gpt-4o&model_id=',
    `model_id=${'m'.repeat(5000)}`,
    'wait=true',
    '__proto__=1&constructor=2',
    'plan_id=x&trace_id=y',
    `trace_id=${encodeComponent('😀'.repeat(256))}`,
    'a=%ED%A0%80',
    '%ED%B0%80=1',
    'a=%',
    'a=%zz',
  ),
  fc
    .array(
      fc.tuple(fc.string({ maxLength: 20, unit: 'binary' }), fc.string({ maxLength: 40, unit: 'binary' })),
      {
        maxLength: 4,
      },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&')),
);

export const contentType = fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', '');
