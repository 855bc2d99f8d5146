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

/**
 * Grants item access without Scan (`grantReadWriteData` would include it) plus use of the
 * table's KMS key; `reason` is recorded on the statement for reviewers.
 */
export function grantItemAccess(
  grantee: IGrantable,
  table: ITable,
  key: IKey,
  access: 'read' | 'readwrite',
  reason: string,
): void {
  const actions = access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ sid: sidFor(reason), actions, resources: tableResources(table) }),
  );
  if (access === 'read') key.grantDecrypt(grantee);
  else key.grantEncryptDecrypt(grantee);
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
