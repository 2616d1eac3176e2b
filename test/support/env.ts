// Defaults for every test worker. The global setup has already put DYNAMODB_ENDPOINT
// and TABLE_NAME into the environment the workers inherit.
process.env.TABLE_NAME ??= 'flowgate-test';
process.env.AWS_REGION ??= 'us-east-1';
process.env.LOG_LEVEL ??= 'silent';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
