import { CreateTraceBody, MAX_MESSAGE_CHARS } from '../../../../shared/traces/trace-body';

const steps = [{ id: 'a', provider: 'data', action: 'transform', params: { value: 1 } }];
const pathsOf = (input: unknown) => {
  const result = CreateTraceBody.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('CreateTraceBody', () => {
  it('takes a message (model, name, description and dry_run optional)', () => {
    expect(CreateTraceBody.parse({ message: '  post a digest  ' })).toEqual({
      message: 'post a digest',
      dry_run: false,
    });
    expect(
      CreateTraceBody.parse({ message: 'm', model: 'gpt-4o', name: 'n', description: 'd', dry_run: true }),
    ).toMatchObject({ model: 'gpt-4o', name: 'n', dry_run: true });
  });

  it('takes explicit steps with a name, as a plan body', () => {
    expect(CreateTraceBody.parse({ name: 'n', steps })).toEqual({ name: 'n', steps, dry_run: false });
  });

  it.each([
    ['neither message nor steps', { name: 'n' }, ['message']],
    ['both message and steps', { message: 'm', name: 'n', steps }, ['message']],
    ['steps without a name', { steps }, ['name']],
    ['a model with steps', { name: 'n', steps, model: 'gpt-4o' }, ['model']],
    ['an empty message', { message: '   ' }, ['message']],
    ['a message that is too long', { message: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }, ['message']],
    ['a bad step', { name: 'n', steps: [{ ...steps[0], id: 'a b' }] }, ['steps.0.id']],
    ['an unknown field', { message: 'm', steps_json: '[]' }, ['']],
    ['a dry_run that is not a boolean', { message: 'm', dry_run: 'yes' }, ['dry_run']],
  ])('refuses %s, naming the field', (_label, input, paths) => {
    expect(pathsOf(input)).toEqual(paths);
  });
});
