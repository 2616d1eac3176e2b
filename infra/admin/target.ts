import path from 'node:path';
import { DEFAULT_LOCAL_DIR } from '../local/local-paths';
import { openLocalTable } from '../local/local-table';

export interface TableTarget {
  tableName: string;
  endpoint?: string;
  region?: string;
  describe: string;
}

/**
 * Where admin commands act: a deployed table when `--table` is given (AWS credentials
 * from the usual chain), otherwise the table of the local stack running on `--data-dir`
 * (default `.local/`). With no stack running there it refuses (NoLocalStackError).
 */
export function resolveTarget(flags: {
  table?: string;
  region?: string;
  endpoint?: string;
  'data-dir'?: string;
}): TableTarget {
  if (flags.table) {
    return {
      tableName: flags.table,
      endpoint: flags.endpoint,
      region: flags.region,
      describe: `table ${flags.table}${flags.endpoint ? ` at ${flags.endpoint}` : ` in ${flags.region ?? 'the default region'}`}`,
    };
  }
  const dataDir = flags['data-dir'] ? path.resolve(flags['data-dir']) : DEFAULT_LOCAL_DIR;
  const local = openLocalTable(dataDir, 'pass --table for a deployed table');
  return {
    tableName: local.tableName,
    endpoint: local.endpoint,
    describe: `local table ${local.tableName} of the stack on ${local.dataDir}`,
  };
}
