/**
 * Scheduled jobs: data only, so the CDK app (EventBridge rules) and the local host (timers)
 * read the same list. Each name must have a body in jobs.ts.
 */
export const SCHEDULED_JOBS = [
  {
    name: 'mail-retry',
    everyMinutes: 15,
    description:
      'Retries outbox mail whose delivery failed, with growing waits, until it is sent or given up',
  },
  {
    name: 'appointment-reminders',
    everyMinutes: 15,
    description:
      'Sends appointment reminders that are due (never in quiet hours), with a confirm/cancel link',
  },
] as const;

export type ScheduledJobName = (typeof SCHEDULED_JOBS)[number]['name'];
