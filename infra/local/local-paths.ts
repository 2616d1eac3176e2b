import path from 'node:path';
import { REPO_ROOT } from './handler-loader';

/** Everything the local stack keeps on disk lives under one directory, `.local/` by default (git-ignored). */
export const DEFAULT_LOCAL_DIR = path.join(REPO_ROOT, '.local');
export const LOCAL_TABLE_NAME = 'flowgate-local';

export function localPaths(dir: string = DEFAULT_LOCAL_DIR) {
  return {
    dir,
    dynamodb: path.join(dir, 'dynamodb'),
    state: path.join(dir, 'stack.json'),
    lock: path.join(dir, 'stack.lock'),
    demoKey: path.join(dir, 'demo-key'),
    kmsKey: path.join(dir, 'kms.key'),
  };
}
