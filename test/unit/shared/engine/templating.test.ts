import {
  TemplateError,
  findReferences,
  parseReference,
  resolveTemplates,
  type TemplateContext,
} from '../../../../shared/engine/templating';
import { assertJsonLimits, MAX_JSON_DEPTH } from '../../../../shared/http/json-limits';

const ctx: TemplateContext = {
  steps: {
    fetch: { status: 200, body: { items: [{ name: 'a' }, { name: 'b' }], ok: true, nothing: null } },
    text: 'hello',
    proto: JSON.parse('{"__proto__": {"polluted": true}, "constructor": "own"}'),
  },
  trigger: { body: { user: { id: 42, tags: ['x', 'y'] } }, query: { q: 'search', empty: '' } },
  run: { id: 'run_123', scheduledTime: '2026-11-23T09:00:00Z' },
};

describe('resolveTemplates', () => {
  it.each([
    ['whole placeholder keeps a number', '{{steps.fetch.output.status}}', 200],
    ['whole placeholder keeps an object', '{{ steps.fetch.output.body.items.1 }}', { name: 'b' }],
    ['whole placeholder keeps a boolean', '{{steps.fetch.output.body.ok}}', true],
    ['whole placeholder keeps null', '{{steps.fetch.output.body.nothing}}', null],
    ['whole output', '{{steps.text.output}}', 'hello'],
    ['array index', '{{trigger.body.user.tags.0}}', 'x'],
    ['trigger body root', '{{trigger.body}}', { user: { id: 42, tags: ['x', 'y'] } }],
    ['query value', '{{trigger.query.q}}', 'search'],
    ['empty query value', '{{trigger.query.empty}}', ''],
    ['run id', '{{run.id}}', 'run_123'],
    ['scheduled time', '{{run.scheduled_time}}', '2026-11-23T09:00:00Z'],
    ['embedded number becomes text', 'status={{steps.fetch.output.status}}!', 'status=200!'],
    ['embedded object becomes JSON', 'x {{steps.fetch.output.body.items.0}}', 'x {"name":"a"}'],
    ['embedded null becomes text', '[{{steps.fetch.output.body.nothing}}]', '[null]'],
    ['two placeholders', '{{run.id}}/{{trigger.query.q}}', 'run_123/search'],
    ['own __proto__ key is data', '{{steps.proto.output.__proto__.polluted}}', true],
    ['own constructor key is data', '{{steps.proto.output.constructor}}', 'own'],
    ['no placeholder', 'plain text', 'plain text'],
    ['single braces', '{run.id}', '{run.id}'],
  ])('%s', (_name, input, expected) => {
    expect(resolveTemplates(input, ctx)).toEqual(expected);
  });

  it.each([
    ['function call', "{{constructor.constructor('return process')()}}"],
    ['n8n-style expression', '{{ $json.constructor.constructor("return this")() }}'],
    ['arithmetic', '{{ 7*7 }}'],
    ['JS template literal', '${process.env.SECRET}'],
    ['unknown root', '{{process.env.HOME}}'],
    ['this', '{{this}}'],
    ['bracket access', "{{steps['fetch'].output}}"],
    ['spaces inside a path', '{{steps.fetch .output}}'],
    ['prototype root', '{{__proto__.polluted}}'],
    ['run with a path', '{{run.id.length}}'],
    ['nested braces', '{{ {{run.id}} }}'],
  ])('leaves %s literal', (_name, input) => {
    const out = resolveTemplates(input, ctx);
    if (input.includes('{{run.id}}')) expect(out).toBe('{{ run_123 }}');
    else expect(out).toBe(input);
  });

  it.each([
    ['missing key', '{{steps.fetch.output.nope}}'],
    ['step that has not run', '{{steps.later.output}}'],
    ['index past the end', '{{trigger.body.user.tags.5}}'],
    ['non-numeric array index', '{{trigger.body.user.tags.length}}'],
    ['inherited __proto__', '{{trigger.body.__proto__}}'],
    ['inherited constructor', '{{trigger.body.constructor.name}}'],
    ['inherited toString', '{{steps.fetch.output.toString}}'],
    ['descending into a string', '{{steps.text.output.length}}'],
    ['missing query name', '{{trigger.query.nope}}'],
    ['embedded missing path', 'a {{trigger.body.user.nope}} b'],
  ])('fails naming the path: %s', (_name, input) => {
    const path = /\{\{\s*([^{}]*?)\s*\}\}/.exec(input)![1]!;
    let error: unknown;
    try {
      resolveTemplates(input, ctx);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toContain(path);
    expect((error as TemplateError).path).toBe(path);
  });

  it('fails when the run has no scheduled time or the trigger no body', () => {
    const bare: TemplateContext = { steps: {}, trigger: {}, run: { id: 'r' } };
    expect(() => resolveTemplates('{{run.scheduled_time}}', bare)).toThrow(TemplateError);
    expect(() => resolveTemplates('{{trigger.body.x}}', bare)).toThrow(TemplateError);
    expect(() => resolveTemplates('{{trigger.query.x}}', bare)).toThrow(TemplateError);
  });

  it('walks nested params, keeps keys and non-strings, and never pollutes prototypes', () => {
    const params = JSON.parse(
      '{"url": "https://x.test/{{trigger.query.q}}", "n": 5, "flag": false, "list": ["{{run.id}}", 1],' +
        ' "{{run.id}}": "key stays", "__proto__": {"polluted": "{{run.id}}"}}',
    );
    const out = resolveTemplates(params, ctx) as Record<string, unknown>;
    expect(out.url).toBe('https://x.test/search');
    expect(out.n).toBe(5);
    expect(out.flag).toBe(false);
    expect(out.list).toEqual(['run_123', 1]);
    expect(out['{{run.id}}']).toBe('key stays');
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: 'run_123' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseReference and findReferences', () => {
  it('parses only the supported shapes', () => {
    expect(parseReference('steps.a.output.x.0')).toEqual({
      kind: 'step',
      stepId: 'a',
      path: ['x', '0'],
      text: 'steps.a.output.x.0',
    });
    expect(parseReference('steps.a.result')).toBeUndefined();
    expect(parseReference('trigger.query.a.b')).toBeUndefined();
    expect(parseReference('trigger.headers.x')).toBeUndefined();
    expect(parseReference(Array(40).fill('a').join('.'))).toBeUndefined();
  });

  it('finds references anywhere in a params object', () => {
    const refs = findReferences({ a: ['{{steps.one.output}} and {{run.id}}'], b: { c: '{{nope}}' }, d: 3 });
    expect(refs.map((r) => r.kind)).toEqual(['step', 'run.id']);
  });
});

describe('at the edge depth limit (MAX_JSON_DEPTH)', () => {
  /** A plan body nested exactly MAX_JSON_DEPTH deep, with a placeholder at the bottom. */
  function deepestPlanBody() {
    // body {} > steps [] > step {} > params {}: 4 levels before the nested part.
    let params: unknown = { value: '{{run.id}}' };
    for (let depth = 5; depth <= MAX_JSON_DEPTH; depth++) params = { next: params };
    return { name: 'deep', steps: [{ id: 'a', provider: 'data', action: 'transform', params }] };
  }

  it('the body is exactly at the limit, not over it', () => {
    const body = deepestPlanBody();
    expect(() => assertJsonLimits(body)).not.toThrow();
    expect(() => assertJsonLimits({ wrap: body })).toThrow();
  });

  it('resolves and finds a placeholder at the bottom', () => {
    const params = deepestPlanBody().steps[0]!.params;
    const resolved = JSON.stringify(resolveTemplates(params, ctx));
    expect(resolved).toContain('"value":"run_123"');
    expect(resolved).not.toContain('{{');
    expect(findReferences(params).map((r) => r.kind)).toEqual(['run.id']);
  });
});
