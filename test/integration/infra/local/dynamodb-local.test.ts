import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  ensureTable,
  localClient,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../../../../infra/local/dynamodb-local';
import { TABLE, createTableInput } from '../../../../shared/db/table-definition';

describe('ensureTable', () => {
  // Its own DynamoDB Local: the shared one runs index builds on the same ten job threads as one
  // expiry-deletion job per TTL-enabled table, and the other suites' tables keep those busy, so an
  // index added there can wait far longer than on a user's machine.
  let ddb: DynamoDbLocal;
  let endpoint: string;
  let client: DynamoDBClient;
  beforeAll(async () => {
    ddb = await startDynamoDbLocal();
    endpoint = ddb.endpoint;
    client = localClient(endpoint);
  }, 60_000);
  afterAll(async () => {
    client?.destroy();
    await ddb?.stop();
  });

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
