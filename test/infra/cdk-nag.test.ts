import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FlowgateStack } from '../../infra/stack';
import { loadStage, stackNameOf } from '../../infra/stage-config';

interface Violation {
  ruleName: string;
  violatingResources: { constructPath: string }[];
}

/** cdk-nag's AwsSolutions pack over one stage's stack: the findings nothing acknowledges. */
function unacknowledged(stageName: string): string[] {
  const outdir = mkdtempSync(path.join(tmpdir(), 'nag-'));
  try {
    const app = new App({
      outdir,
      context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validationReportJson': true },
    });
    const stage = loadStage(stageName);
    new FlowgateStack(app, stackNameOf(stage.config), { stage });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    try {
      app.synth();
    } catch (err) {
      // Synthesis fails when a finding is left: the report says which.
      if (!/Validation ?failed/i.test((err as Error).message)) throw err;
    }
    const report = JSON.parse(readFileSync(path.join(outdir, 'policy-validation-report.json'), 'utf8')) as {
      pluginReports: { violations: Violation[] }[];
    };
    return report.pluginReports
      .flatMap((r) => r.violations)
      .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))
      .sort();
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('cdk-nag AwsSolutions', () => {
  it.each(['dev', 'prod'])(
    'finds nothing unacknowledged in the %s stage',
    (stage) => {
      expect(unacknowledged(stage)).toEqual([]);
    },
    120_000,
  );
});
