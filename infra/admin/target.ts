import { openLocalTable } from '../local/local-table';

export interface TableTarget {
  tableName: string;
  endpoint?: string;
  region?: string;
  describe: string;
  release(): Promise<void>;
}

/**
 * Where admin commands act: a deployed table when `--table` is given (AWS credentials
 * from the usual chain), otherwise the local stack's table.
 */
export async function resolveTarget(flags: {
  table?: string;
  region?: string;
  endpoint?: string;
}): Promise<TableTarget> {
  if (flags.table) {
    return {
      tableName: flags.table,
      endpoint: flags.endpoint,
      region: flags.region,
      describe: `table ${flags.table}${flags.endpoint ? ` at ${flags.endpoint}` : ` in ${flags.region ?? 'the default region'}`}`,
      release: async () => undefined,
    };
  }
  const local = await openLocalTable();
  return { ...local, describe: `local table ${local.tableName}` };
}
