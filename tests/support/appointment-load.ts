import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { zonedInstant } from '../../shared/time.ts';

/**
 * Writes appointments straight into the table, keyed exactly as the scheduling repo keys them,
 * for load tests and benchmarks (booking them through the API would measure booking instead).
 * `perDay` visits per provider, 15 minutes apart from 08:00 local.
 */
export async function loadAppointments(
  doc: DynamoDBDocumentClient,
  table: string,
  at: {
    tenantId: string;
    locationId: string;
    timeZone: string;
    providerIds: string[];
    dates: string[];
    perDay: number;
  },
): Promise<number> {
  const items: Record<string, unknown>[] = [];
  const scope = { tenantId: at.tenantId };
  for (const date of at.dates) {
    for (const providerId of at.providerIds) {
      for (let n = 0; n < at.perDay; n++) {
        const minutes = 8 * 60 + n * 15;
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const start = new Date(zonedInstant(date, time, at.timeZone)).toISOString();
        const end = new Date(Date.parse(start) + 15 * 60_000).toISOString();
        const id = `${providerId}-${date}-${n}`.replace(/[^A-Za-z0-9_-]/g, '');
        items.push({
          ...tenantKeys.appointment(scope, id),
          GSI1PK: tenantKeys.appointmentsOfDay(scope, at.locationId, date),
          GSI1SK: `${start}#${id}`,
          GSI2PK: tenantKeys.appointmentsOfProvider(scope, providerId),
          GSI2SK: `${start}#${id}`,
          type: 'appointment',
          id,
          patientId: `P${n}`,
          patientName: `Patient, Number ${n}`,
          providerId,
          locationId: at.locationId,
          typeId: 'T1',
          typeName: 'Follow-up',
          color: '#2da44e',
          date,
          time,
          endTime: time,
          start,
          end,
          durationMinutes: 15,
          status: 'scheduled',
          statusTimes: { scheduled: start },
          version: 1,
        });
      }
    }
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const workers = Array.from({ length: 8 }, async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  });
  await Promise.all(workers);
  return items.length;
}
