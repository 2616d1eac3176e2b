import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { testRepositoryDeps } from '../../support/identity';
import { itemText, itemsOfUser } from '../../support/table-items';

describe('itemsOfUser (DynamoDB Local)', () => {
  it('finds the items in the user’s partition and those naming the user, and no one else’s', async () => {
    const mine = randomUUID();
    const theirs = randomUUID();
    const { client, tableName } = testRepositoryDeps();
    const items = [
      { PK: `USER#${mine}`, SK: 'PLAN#1', type: 'plan' },
      { PK: `WEBHOOK#${randomUUID()}`, SK: 'WEBHOOK', type: 'webhook', userId: mine },
      { PK: `USER#${theirs}`, SK: 'PLAN#2', type: 'plan' },
    ];
    try {
      for (const Item of items) await client.send(new PutCommand({ TableName: tableName, Item }));
    } finally {
      client.destroy();
    }
    const found = await itemsOfUser(mine);
    expect(found.map((i) => i.SK).sort()).toEqual(['PLAN#1', 'WEBHOOK']);
  });
});

describe('itemText', () => {
  it('spells out string sets and binary attributes', () => {
    expect(itemText({ tags: new Set(['a', 'b']), blob: new Uint8Array(Buffer.from('hi')), n: 1 })).toBe(
      '{"tags":["a","b"],"blob":"hi","n":1}',
    );
  });
});
