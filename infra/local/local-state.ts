import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { localPaths } from './local-paths';

/** What a running `npm start` publishes so the admin CLI and `npm run invoke` can reach it. */
export interface LocalStackState {
  pid: number;
  apiUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
}

export function writeLocalState(state: LocalStackState, file = localPaths().state): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

export function clearLocalState(file = localPaths().state): void {
  rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The state of a local stack that is still running, if any. */
export function readLocalState(file = localPaths().state): LocalStackState | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as LocalStackState;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}
