import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export const CREDENTIALS_KEY_ALIAS = 'alias/flowgate/credentials';

/**
 * The key that encrypts users' provider credentials (with {userId, provider, type} as
 * encryption context). Only functions whose route entry says kms:encrypt or kms:decrypt
 * get a grant on it.
 */
export class CredentialsKey extends Construct {
  readonly key: kms.Key;
  readonly alias: kms.IAlias;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Flowgate: encrypts stored provider credentials',
      enableKeyRotation: true,
      // Deleting the key would make every stored credential unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.alias = this.key.addAlias(CREDENTIALS_KEY_ALIAS);
  }
}
