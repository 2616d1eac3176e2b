import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** `alias/flowgate-<stage>/credentials`. */
export const credentialsKeyAlias = (prefix: string) => `alias/${prefix}/credentials`;

/**
 * The key that encrypts users' provider credentials (with {userId, provider, type} as
 * encryption context). Only functions whose route entry says kms:encrypt or kms:decrypt
 * get a grant on it.
 */
export class CredentialsKey extends Construct {
  readonly key: kms.Key;
  readonly alias: kms.IAlias;

  constructor(scope: Construct, id: string, props: { prefix: string }) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `${props.prefix}: encrypts stored provider credentials`,
      enableKeyRotation: true,
      // Deleting the key would make every stored credential unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.alias = this.key.addAlias(credentialsKeyAlias(props.prefix));
  }
}
