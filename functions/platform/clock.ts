/** Clock port: tests and jobs can pin time; production reads the system clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
