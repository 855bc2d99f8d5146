/**
 * Scheduling's schemas live by area under ./scheduling/; this file re-exports them all so the
 * functions, web app and tests that import it keep working unchanged.
 */
import '../validation.ts';

export * from './scheduling/appointments.ts';
export * from './scheduling/import.ts';
export * from './scheduling/patients.ts';
export * from './scheduling/reminders.ts';
export * from './scheduling/reports.ts';
export * from './scheduling/setup.ts';
export * from './scheduling/times.ts';
export * from './scheduling/waitlist.ts';
