import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';

/** Item-level reads: no Scan, ever (a request path does bounded work). */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
/** Item-level writes, including what TransactWriteItems needs per item. */
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

/** The table and its indexes: the resources every data statement names. */
export function tableResources(table: ITable): string[] {
  return [table.tableArn, `${table.tableArn}/index/*`];
}

/** How much of the table a function may touch: `get` is GetItem on the base table only. */
export type ItemAccess = 'get' | 'read' | 'readwrite';

/**
 * Grants item access without Scan (`grantReadWriteData` would include it) plus use of the
 * table's KMS key; `reason` is recorded on the statement for reviewers.
 */
export function grantItemAccess(
  grantee: IGrantable,
  table: ITable,
  key: IKey,
  access: ItemAccess,
  reason: string,
): void {
  const statement =
    access === 'get'
      ? { actions: ['dynamodb:GetItem'], resources: [table.tableArn] }
      : {
          actions: access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
          resources: tableResources(table),
        };
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ sid: sidFor(reason), ...statement }));
  if (access === 'readwrite') key.grantEncryptDecrypt(grantee);
  else key.grantDecrypt(grantee);
}

/** Statement ids are alphanumeric: the reason becomes a readable CamelCase id. */
export function sidFor(reason: string): string {
  return reason
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .slice(0, 100);
}
