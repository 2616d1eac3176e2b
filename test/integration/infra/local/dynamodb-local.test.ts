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
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual([TABLE.gsi1.name]);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: TABLE.ttlAttribute,
      TimeToLiveStatus: 'ENABLED',
    });
    await client.send(new DeleteTableCommand({ TableName: name }));
  });

  it('adds an index missing from a table created by an older definition', async () => {
    const name = `ensure-old-${Date.now()}`;
    const { GlobalSecondaryIndexes: _dropped, ...older } = createTableInput(name);
    await client.send(
      new CreateTableCommand({ ...older, AttributeDefinitions: older.AttributeDefinitions.slice(0, 2) }),
    );
    await ensureTable(endpoint, name);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual([TABLE.gsi1.name]);
    await client.send(new DeleteTableCommand({ TableName: name }));
  });
});
