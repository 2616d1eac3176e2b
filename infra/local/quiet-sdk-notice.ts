// Lambda runs Node 22. On a Node 20 development machine the AWS SDK prints a
// support notice on first use; it says nothing about this project, so it is silenced.
// Import this module first.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
export {};
