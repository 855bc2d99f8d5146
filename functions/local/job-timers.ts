import { SCHEDULED_JOB_BODIES } from '../jobs/jobs.ts';
import { SCHEDULED_JOBS } from '../jobs/schedules.ts';
import type { Platform } from '../platform/platform.ts';

/** Runs every scheduled job on a timer, as EventBridge does in the cloud. Returns a stopper. */
export function startJobTimers(platform: Platform): () => void {
  const timers = SCHEDULED_JOBS.map((job) => {
    const timer = setInterval(async () => {
      try {
        const result = await SCHEDULED_JOB_BODIES[job.name](platform);
        platform.logger.info('job.done', { job: job.name, ...result });
      } catch (err) {
        platform.logger.error('job.failed', { job: job.name, error: (err as Error).name });
      }
    }, job.everyMinutes * 60_000);
    // A timer must never keep the process alive after Ctrl-C.
    timer.unref();
    return timer;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
