import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { ensureTable, localClient } from '../../../../infra/local/dynamodb-local';
import { TABLE, createTableInput } from '../../../../shared/db/table-definition';

const endpoint = process.env.DYNAMODB_ENDPOINT as string;

describe('ensureTable', () => {
  const client = localClient(endpoint);
  afterAll(() => client.destroy());

  it('creates the table from the shared definition, with TTL, and is idempotent', async () => {
    const name = `ensure-${Date.now()}`;
    await ensureTable(endpoint, name);
    await ensureTable(endpoint, name);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual(createTableInput(name).KeySchema);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual([
      TABLE.gsi1.name,
      TABLE.gsi2.name,
    ]);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: TABLE.ttlAttribute,
      TimeToLiveStatus: 'ENABLED',
    });
    await client.send(new DeleteTableCommand({ TableName: name }));
  });

  it.each([
    ['no index', 0],
    ['only GSI1', 1],
  ])(
    'adds the indexes missing from a table created by an older definition (%s)',
    async (_label, kept) => {
      const name = `ensure-old-${kept}-${Date.now()}`;
      const { GlobalSecondaryIndexes: indexes, ...older } = createTableInput(name);
      await client.send(
        new CreateTableCommand({
          ...older,
          AttributeDefinitions: older.AttributeDefinitions.slice(0, 2 + 2 * kept),
          ...(kept ? { GlobalSecondaryIndexes: indexes.slice(0, kept) } : {}),
        }),
      );
      await ensureTable(endpoint, name);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus]).sort()).toEqual([
        [TABLE.gsi1.name, 'ACTIVE'],
        [TABLE.gsi2.name, 'ACTIVE'],
      ]);
      await client.send(new DeleteTableCommand({ TableName: name }));
    },
    60_000,
  );
});
