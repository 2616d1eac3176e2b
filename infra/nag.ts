import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Records why one cdk-nag AwsSolutions finding on one construct (and what it contains) is
 * accepted. The test suite runs the pack on every stage and fails on any finding that has
 * no acknowledgement; `id` is the rule, with the finding in brackets where a rule reports
 * several (`AwsSolutions-IAM5[Resource::*]`).
 */
export function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct).acknowledge({ id, reason });
}
