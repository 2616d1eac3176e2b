import { kmsClient } from '../clients/kms';
import { lambdaClient } from '../clients/lambda';
import { required } from '../config/env';
import { AwsKeyManagement } from '../crypto/aws-key-management';
import type { KeyManagement } from '../crypto/key-management';
import { resolveAdapter, type AsyncInvoker } from '../runtime/adapters';
import { AwsAsyncInvoker } from '../runtime/aws-invoker';

/**
 * The engine's AWS/local edges, resolved on first use rather than at load: a function
 * without `kms:*` or `execution:invoke` access has no KMS_KEY_ID or EXECUTION_FUNCTION_NAME
 * and must still load if it never touches them.
 */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export const keyManagement: () => KeyManagement = lazy(() =>
  resolveAdapter('keyManagement', () => new AwsKeyManagement(kmsClient(), required('KMS_KEY_ID'))),
);

export const executionInvoker: () => AsyncInvoker = lazy(() =>
  resolveAdapter(
    'executionInvoker',
    () => new AwsAsyncInvoker(lambdaClient(), required('EXECUTION_FUNCTION_NAME')),
  ),
);

/**
 * The execution function continues its own runs: Lambda names it in the context, so it
 * needs no EXECUTION_FUNCTION_NAME (which would make the function depend on itself).
 */
export function selfInvoker(functionName: string): () => AsyncInvoker {
  return lazy(() =>
    resolveAdapter('executionInvoker', () => new AwsAsyncInvoker(lambdaClient(), functionName)),
  );
}
