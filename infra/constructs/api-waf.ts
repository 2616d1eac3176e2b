import { Stack } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ApiWafProps {
  api: apigateway.RestApi;
  /** `flowgate-<stage>`: the web ACL's name and metric prefix. */
  prefix: string;
  /** Requests one client IP may send in any 5 minutes. */
  rateLimitPer5Minutes: number;
}

/**
 * Body rules of AWS's common rule set that would refuse ordinary Flowgate traffic: chat
 * bodies are often over 8 KB, and prompts quote code, HTML and URLs. They only count.
 */
const COUNT_ONLY = ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY', 'GenericRFI_BODY', 'GenericLFI_BODY'];

function managed(name: string, priority: number, countOnly: string[] = []): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(countOnly.length
          ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
          : {}),
      },
    },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  };
}

/**
 * The stage's optional web ACL on the API: a per-IP rate limit (before API Gateway's own
 * stage-wide throttle, so one client cannot use it all up), known bad inputs, AWS's IP
 * reputation list, and the common rule set without its body rules.
 */
export class ApiWaf extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiWafProps) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: props.prefix,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: props.prefix,
        sampledRequestsEnabled: true,
      },
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP' } },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'RatePerIp',
            sampledRequestsEnabled: true,
          },
        },
        managed('AWSManagedRulesAmazonIpReputationList', 1),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        managed('AWSManagedRulesCommonRuleSet', 3, COUNT_ONLY),
      ],
    });
    const stack = Stack.of(this);
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: stack.formatArn({
        service: 'apigateway',
        account: '',
        resource: '/restapis',
        resourceName: `${props.api.restApiId}/stages/${props.api.deploymentStage.stageName}`,
      }),
      webAclArn: this.webAcl.attrArn,
    });
  }
}
