import { loadConfig } from '../platform/config.ts';
import { createJobPlatform } from './job-platform.ts';
import { SCHEDULED_JOB_BODIES } from './jobs.ts';
import { SCHEDULED_JOBS, type ScheduledJobName } from './schedules.ts';

const platform = await createJobPlatform(loadConfig());

/** EventBridge target: `{ "job": "<name>" }`. A throw makes EventBridge retry, then dead-letter. */
export async function handler(event: { job?: string }): Promise<Record<string, number>> {
  const job = SCHEDULED_JOBS.find((j) => j.name === event.job);
  if (!job) throw new Error(`Unknown scheduled job: ${String(event.job)}`);
  const started = Date.now();
  const result = await SCHEDULED_JOB_BODIES[job.name as ScheduledJobName](platform);
  platform.logger.info('job.done', { job: job.name, ms: Date.now() - started, ...result });
  return result;
}
