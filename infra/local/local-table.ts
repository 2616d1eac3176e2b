import { dataDirHolder } from './data-dir-lock';
import { DEFAULT_LOCAL_DIR, localPaths } from './local-paths';
import { readLocalState } from './local-state';

export class NoLocalStackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoLocalStackError';
  }
}

export interface LocalTable {
  endpoint: string;
  tableName: string;
  /** The stack's data directory, where its local KMS key is. */
  dataDir: string;
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How to start the stack on `dataDir`, as the user would type it. */
export function startCommand(dataDir: string): string {
  return dataDir === DEFAULT_LOCAL_DIR ? 'npm start' : `npm start -- --data-dir ${shellWord(dataDir)}`;
}

/**
 * The table of the local stack running on `dataDir`, from its state file. Tools run
 * beside the stack never start a DynamoDB Local of their own: a second one would not
 * be the database (nor use the KMS key) the running API serves. `otherwise` names the
 * caller's alternative to a local stack, for the refusal.
 */
export function openLocalTable(dataDir = DEFAULT_LOCAL_DIR, otherwise?: string): LocalTable {
  const running = readLocalState(localPaths(dataDir).state);
  if (running) return { endpoint: running.dynamodbEndpoint, tableName: running.tableName, dataDir };
  const starting = dataDirHolder(dataDir);
  if (starting)
    throw new NoLocalStackError(
      `the local stack on ${dataDir} (pid ${starting.pid}) is still starting; run this again once it is ready`,
    );
  throw new NoLocalStackError(
    `no local stack is running on ${dataDir}; start it with \`${startCommand(dataDir)}\`` +
      (otherwise ? `, or ${otherwise}` : ''),
  );
}
