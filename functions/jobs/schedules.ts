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
  {
    name: 'due-alerts',
    everyMinutes: 15,
    description: 'Raises due-date alerts (Today item and email, once each) whose local alert time has come',
  },
  {
    name: 'today-digest',
    everyMinutes: 60,
    description:
      "Emails each person their Today from 07:00 in the practice's time zone, once a day (opt-out per person)",
  },
  {
    name: 'eligibility-check',
    everyMinutes: 60,
    description:
      "From 13:00 in the practice's time zone, a Today item per location lists tomorrow's patients whose insurance was not verified in 30 days",
  },
  {
    name: 'timely-filing-check',
    everyMinutes: 60,
    description:
      "From 08:00 in the practice's time zone, a Today item for billing lists the unpaid claims within 30 days of (or past) their payer's timely-filing limit",
  },
  {
    name: 'metric-snapshots',
    everyMinutes: 60,
    description:
      "From 02:00 in the practice's time zone, stores every registered metric for each completed month not stored yet (up to a year back), once",
  },
  {
    name: 'offboarding-logins',
    everyMinutes: 60,
    description:
      "From 01:00 in the practice's time zone, deactivates the Rounds logins of people whose last day in the staff directory has passed (never an owner's)",
  },
  {
    name: 'benchmark-rollup',
    everyMinutes: 60,
    description:
      "Rolls up each association's member practices for every month at least one full month old and not rolled up yet, publishing only cohorts that pass the privacy rules",
  },
] as const;

export type ScheduledJobName = (typeof SCHEDULED_JOBS)[number]['name'];
