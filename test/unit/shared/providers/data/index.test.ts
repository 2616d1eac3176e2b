import { data } from '../../../../../shared/providers/data';
import { validateStep } from '../../../../../shared/providers/registry';
import { runAction } from '../../../../support/fakes/provider-context';

describe('data.transform', () => {
  it.each([[{ a: [1, 'two'] }], ['text'], [3], [null]])('returns the value %p as output', async (value) => {
    expect(await runAction(data, 'transform', { value })).toEqual({
      success: true,
      output: value,
      message: 'Transformed',
    });
  });
  it('requires value', () => {
    expect(validateStep(data, 'transform', {})).toMatchObject({
      success: false,
      issues: [{ path: 'params.value' }],
    });
  });
});

describe('data.pick', () => {
  const from = { user: { name: 'Ada', emails: ['a@x.test', 'b@x.test'] }, total: 0, flag: false };

  it('picks paths, keeping them as keys', async () => {
    const result = await runAction(data, 'pick', {
      from,
      paths: ['user.name', 'user.emails[1]', 'user.emails.0', 'total', 'flag'],
    });
    expect(result).toEqual({
      success: true,
      message: 'Picked',
      output: {
        'user.name': 'Ada',
        'user.emails[1]': 'b@x.test',
        'user.emails.0': 'a@x.test',
        total: 0,
        flag: false,
      },
    });
  });

  it('renames with a map and gives null for missing paths', async () => {
    const result = await runAction(data, 'pick', {
      from,
      paths: { who: 'user.name', nope: 'user.phone', idx: 'user.emails.9' },
    });
    expect(result.output).toEqual({ who: 'Ada', nope: null, idx: null });
    expect(result.message).toBe('Picked; not found: user.phone, user.emails.9');
  });

  it('treats __proto__ and constructor as plain keys, never as the prototype', async () => {
    const params = JSON.parse(
      '{"from":{},"paths":{"__proto__":"constructor","x":"__proto__.polluted","c":"constructor"}}',
    );
    const result = await runAction(data, 'pick', params);
    expect(Object.getPrototypeOf(result.output)).toBe(Object.prototype);
    expect(result.output).toEqual({ x: null, c: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const own = await runAction(data, 'pick', {
      from: JSON.parse('{"__proto__":{"a":1}}'),
      paths: ['__proto__.a'],
    });
    expect(own.output).toEqual({ '__proto__.a': 1 });
    const asKey = await runAction(data, 'pick', {
      from: JSON.parse('{"__proto__":7}'),
      paths: ['__proto__'],
    });
    expect(Object.hasOwn(asKey.output as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(asKey.output)).toBe(Object.prototype);
  });
});

describe('data.condition', () => {
  it.each([
    [5, 'eq', 5, true],
    [5, 'eq', '5', true],
    ['5', 'eq', '5.0', false],
    [{ a: [1] }, 'eq', { a: [1] }, true],
    ['a', 'ne', 'b', true],
    [10, 'gt', 9, true],
    ['10', 'gt', 9, true],
    ['b', 'gt', 'a', true],
    [3, 'gte', 3, true],
    [2, 'lt', 3, true],
    [3, 'lte', 2, false],
    ['hello world', 'contains', 'world', true],
    [[1, 2, 3], 'contains', 2, true],
    [[{ id: 1 }], 'contains', { id: 1 }, true],
    [{ key: 1 }, 'contains', 'key', true],
    ['abc', 'not_contains', 'z', true],
    ['invoice-7', 'starts_with', 'invoice', true],
    ['file.pdf', 'ends_with', '.pdf', true],
    ['b', 'in', ['a', 'b'], true],
    ['c', 'not_in', ['a', 'b'], true],
    [0, 'exists', undefined, true],
    [null, 'exists', undefined, false],
    [null, 'not_exists', undefined, true],
    ['', 'empty', undefined, true],
    [[], 'empty', undefined, true],
    [{}, 'empty', undefined, true],
    [0, 'empty', undefined, false],
    [[0], 'not_empty', undefined, true],
  ])('%p %s %p is %p', async (left, op, right, expected) => {
    const result = await runAction(data, 'condition', {
      left,
      op,
      ...(right === undefined ? {} : { right }),
    });
    expect(result.success).toBe(true);
    expect(result.output).toEqual({ result: expected, op });
    if (expected) expect(result.control).toBeUndefined();
    else expect(result.control).toBe('skip_remaining');
  });

  it('stops the run when asked to on false', async () => {
    const result = await runAction(data, 'condition', { left: 1, op: 'eq', right: 2, on_false: 'stop' });
    expect(result).toEqual({
      success: true,
      output: { result: false, op: 'eq' },
      message: 'Condition not met: run stopped',
      control: 'stop',
    });
    const skip = await runAction(data, 'condition', { left: 1, op: 'eq', right: 2 });
    expect(skip.message).toBe('Condition not met: remaining steps skipped');
  });

  it.each([
    [{ a: 1 }, 'gt', 1, 'Cannot apply gt to object and number'],
    [true, 'lt', 'x', 'Cannot apply lt to boolean and string'],
    [5, 'contains', 5, 'Cannot apply contains to number'],
    [{}, 'starts_with', 'a', 'Cannot apply starts_with to object'],
  ])('fails the step when %p %s %p cannot be compared', async (left, op, right, message) => {
    await expect(runAction(data, 'condition', { left, op, right })).rejects.toThrow(message);
  });

  it('needs right for binary operators and a known op', () => {
    expect(validateStep(data, 'condition', { left: 1, op: 'gt' })).toMatchObject({
      success: false,
      issues: [{ path: 'params.right', message: 'right is required for this operator' }],
    });
    expect(validateStep(data, 'condition', { left: 1, op: 'matches', right: '.*' }).success).toBe(false);
    expect(
      validateStep(data, 'condition', { left: 1, op: 'eq', right: 1, on_false: 'explode' }).success,
    ).toBe(false);
  });
});
