/**
 * The single-table layout, shared by the CDK stack, the DynamoDB Local launcher and
 * the test setup so the three cannot drift.
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  ttlAttribute: 'expiresAt',
  gsi1: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /**
   * Sparse: only runs that have not finished carry its keys (see shared/runs/run-lease.ts),
   * so the sweeper reads the few runs whose lease ran out without scanning anything. It
   * projects only what the sweeper decides on; it reads the whole run before acting.
   */
  gsi2: {
    name: 'GSI2',
    partitionKey: 'GSI2PK',
    sortKey: 'GSI2SK',
    projected: ['runId', 'userId', 'status', 'leaseUntil'],
  },
} as const;

/** CreateTable input for DynamoDB Local (on-demand, same keys and indexes as the stack). */
export function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: TABLE.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.sortKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.gsi1.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.gsi1.sortKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.gsi2.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.gsi2.sortKey, AttributeType: 'S' as const },
    ],
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: TABLE.gsi1.name,
        KeySchema: [
          { AttributeName: TABLE.gsi1.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: TABLE.gsi1.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      },
      {
        IndexName: TABLE.gsi2.name,
        KeySchema: [
          { AttributeName: TABLE.gsi2.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: TABLE.gsi2.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...TABLE.gsi2.projected] },
      },
    ],
  };
}
