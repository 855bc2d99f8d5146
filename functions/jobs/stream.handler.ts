import { loadConfig } from '../platform/config.ts';
import { createJobPlatform } from './job-platform.ts';
import { type ChangedItem, onItemInserted } from './jobs.ts';

type StringAttr = { S?: string };

/** The parts of a DynamoDB Streams record this consumer reads. */
export interface StreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: { SequenceNumber?: string; NewImage?: Record<string, StringAttr> };
}

/** What Lambda retries: only the records that failed (ReportBatchItemFailures). */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

const platform = await createJobPlatform(loadConfig());

/** Streams consumer: runs each inserted item's follow-up job; failures are retried one by one, then go to the DLQ. */
export async function handler(event: { Records: StreamRecord[] }): Promise<BatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const id = record.dynamodb?.SequenceNumber ?? '';
    if (record.eventName !== 'INSERT' || !image?.PK?.S || !image.SK?.S) continue;
    const item: ChangedItem = { PK: image.PK.S, SK: image.SK.S, type: image.type?.S };
    try {
      const result = await onItemInserted(platform, item);
      platform.metrics.record({ [`Job_${result}`]: { value: 1, unit: 'Count' } }, {});
    } catch (err) {
      platform.logger.error('job.failed', { job: 'stream', sequence: id, error: (err as Error).name });
      failures.push({ itemIdentifier: id });
    }
  }
  return { batchItemFailures: failures };
}
