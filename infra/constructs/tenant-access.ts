import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, tableResources } from './table-grants.ts';

/** The session tag the platform sets and the LeadingKeys condition reads. */
export const TENANT_TAG = 'TenantId';
/** `T#<tenantId>#*`: every tenant partition key (table and index) starts so. */
export const TENANT_LEADING_KEYS = `T#\${aws:PrincipalTag/${TENANT_TAG}}#*`;
/** `A#<associationId>#*`: an association's benchmark aggregates, written only by the rollup job. */
export const AGGREGATE_LEADING_KEYS = `A#\${aws:PrincipalTag/${TENANT_TAG}}#*`;

/** The table and key the tenant role is confined to, and who may assume it. */
export interface TenantAccessProps {
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  /** The roles of the functions that serve tenant requests. */
  assumers: iam.IRole[];
}

/**
 * The second isolation wall (DESIGN.md): a role whose DynamoDB access is confined to the
 * partitions of the tenant named in its session tag. The API functions assume it per tenant;
 * a bug in domain code then still cannot touch another tenant's items. It cannot Scan.
 */
export class TenantAccess extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: TenantAccessProps) {
    super(scope, id);
    if (props.assumers.length === 0)
      throw new Error('TenantAccess needs at least one function that assumes it');
    // Only the API functions may assume it, and only with a TenantId session tag (one trust
    // statement: every assumer carries the same condition).
    const assumers = props.assumers.map((r) =>
      new iam.ArnPrincipal(r.roleArn)
        .withConditions({ StringLike: { [`aws:RequestTag/${TENANT_TAG}`]: '?*' } })
        .withSessionTags(),
    );
    this.role = new iam.Role(this, 'TenantDataRole', {
      description: 'Assumed per request tenant; DynamoDB confined to T#<TenantId>#* by LeadingKeys',
      assumedBy: new iam.CompositePrincipal(...assumers),
      maxSessionDuration: Duration.hours(1),
    });
    for (const assumer of props.assumers) {
      // Reason: API functions assume the tenant role per request tenant, tagged with its id.
      assumer.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'AssumeTenantDataRole',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: [this.role.roleArn],
        }),
      );
    }
    const confined = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [TENANT_LEADING_KEYS] } };
    // Reason: a tenant's requests read and write only items whose partition key is its own.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'TenantItemsOnly',
        actions: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: tableResources(props.table),
        conditions: confined,
      }),
    );
    // Reason: an association reads its published benchmarks; only the rollup job (platform role) writes them.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'OwnAggregatesReadOnly',
        actions: TABLE_READ_ACTIONS,
        resources: tableResources(props.table),
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AGGREGATE_LEADING_KEYS] } },
      }),
    );
    // Reason: the table is encrypted with our key; DynamoDB uses it on the caller's behalf only.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'TableKeyViaDynamoDbForTenantItems',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*', 'kms:DescribeKey'],
        resources: [props.tableKey.keyArn],
        conditions: {
          'ForAllValues:StringLike': {
            'dynamodb:LeadingKeys': [TENANT_LEADING_KEYS, AGGREGATE_LEADING_KEYS],
          },
          StringEquals: { 'kms:ViaService': `dynamodb.${this.role.stack.region}.amazonaws.com` },
        },
      }),
    );
  }
}
