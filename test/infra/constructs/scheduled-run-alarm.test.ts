import { Match, Template } from 'aws-cdk-lib/assertions';
import { App, Stack } from 'aws-cdk-lib';
import { ScheduledRunAlarm } from '../../../infra/constructs/scheduled-run-alarm';
import { resourcesOfType, synthFlowgate } from '../synth-flowgate';

describe('ScheduledRunAlarm', () => {
  it('alarms on one disabled automation in five minutes, by the metric the execution function emits', () => {
    const stack = new Stack(new App(), 'AlarmOnly');
    new ScheduledRunAlarm(stack, 'Failures', { serviceName: 'flowgate' });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 1);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Flowgate',
      MetricName: 'ScheduledAutomationDisabled',
      Dimensions: [{ Name: 'service', Value: 'flowgate' }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmDescription: Match.stringLikeRegexp('disabled'),
    });
  });

  it('is part of the Flowgate stack, on the service name every function reports under', () => {
    const { template } = synthFlowgate();
    // The stack has other alarms (infra/constructs/observability.ts); this is the only one on this metric.
    const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.MetricName === 'ScheduledAutomationDisabled',
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.Properties).toMatchObject({
      AlarmName: 'flowgate-test-scheduled-automation-disabled',
      Namespace: 'Flowgate',
      MetricName: 'ScheduledAutomationDisabled',
      Dimensions: [{ Name: 'service', Value: 'flowgate-test' }],
      AlarmActions: [{ Ref: Object.keys(resourcesOfType(template, 'AWS::SNS::Topic'))[0] }],
    });
    const fn = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).find((f) =>
      (f.Properties.Description as string).includes('ExecuteRun'),
    )!;
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'flowgate-test',
    });
  }, 60_000);
});
