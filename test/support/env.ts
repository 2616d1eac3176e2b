// Defaults for every test worker. The global setup has already put DYNAMODB_ENDPOINT
// and TABLE_NAME into the environment the workers inherit.
process.env.TABLE_NAME ??= 'flowgate-test';
process.env.AWS_REGION ??= 'us-east-1';
process.env.LOG_LEVEL ??= 'silent';
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
// Lambda runs Node 22; the SDK's notice about this machine's Node 20 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
