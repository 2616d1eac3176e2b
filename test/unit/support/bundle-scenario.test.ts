import { allFunctions } from '../../../infra/routes';
import { AWS_OPERATIONS, SCENARIO, waves } from '../../support/lambda-bundles/bundle-scenario';

const names = allFunctions.map((f) => f.name);

describe('the bundle scenario', () => {
  // A misspelt name would make a step wait for nothing and run before what it needs.
  it('names only functions of the route table', () => {
    const named = [
      ...Object.keys(SCENARIO),
      ...Object.values(SCENARIO).flatMap((s) => s.after),
      ...Object.keys(AWS_OPERATIONS),
    ];
    expect(named.filter((n) => !names.includes(n))).toEqual([]);
  });

  it('runs every function once, each after the functions it builds on', () => {
    const order = waves(names);
    const flat = order.flat();
    expect([...flat].sort()).toEqual([...names].sort());
    const waveOf = (n: string) => order.findIndex((w) => w.includes(n));
    for (const [name, step] of Object.entries(SCENARIO))
      for (const before of step.after) expect(waveOf(before)).toBeLessThan(waveOf(name));
  });
});

describe('waves', () => {
  it('puts each name in the first wave after all it waits for, ignoring names not run', () => {
    const steps = { B: { after: ['A'] }, C: { after: ['B', 'NotRun'] }, D: { after: ['A'] } };
    expect(waves(['A', 'B', 'C', 'D'], steps)).toEqual([['A'], ['B', 'D'], ['C']]);
  });

  it('refuses dependencies in a circle, naming them', () => {
    expect(() => waves(['A', 'B', 'C'], { A: { after: ['B'] }, B: { after: ['A'] } })).toThrow(/A, B/);
  });
});
