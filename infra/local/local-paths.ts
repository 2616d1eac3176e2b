import path from 'node:path';
import { REPO_ROOT } from './handler-loader';

/** Everything the local stack keeps on disk lives under `.local/` (git-ignored). */
export const LOCAL_DIR = path.join(REPO_ROOT, '.local');
export const LOCAL_DB_DIR = path.join(LOCAL_DIR, 'dynamodb');
export const LOCAL_STATE_FILE = path.join(LOCAL_DIR, 'stack.json');
export const LOCAL_DEMO_KEY_FILE = path.join(LOCAL_DIR, 'demo-key');
export const LOCAL_TABLE_NAME = 'flowgate-local';
