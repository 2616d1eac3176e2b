import { readFileSync, rmSync } from 'node:fs';
import { localPaths } from './local-paths';
import { writePrivateFile } from './private-files';
import { asProcessRef, isRunning, type ProcessRef } from './process-identity';

/** What a running `npm start` publishes so the admin CLI and `npm run invoke` can reach it. */
export interface LocalStackState extends ProcessRef {
  apiUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
}

export function writeLocalState(state: LocalStackState, file = localPaths().state): void {
  writePrivateFile(file, JSON.stringify(state, null, 2) + '\n');
}

export function clearLocalState(file = localPaths().state): void {
  rmSync(file, { force: true });
}

/** The state of a local stack that is still running, if any. */
export function readLocalState(file = localPaths().state): LocalStackState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as LocalStackState;
    const owner = asProcessRef(state);
    return owner && isRunning(owner) ? state : undefined;
  } catch {
    return undefined;
  }
}
