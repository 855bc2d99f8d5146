import type { StaffRole } from '../schemas/hr.ts';
import { minutesOf } from '../time.ts';

/**
 * Staffing against patient load: for each hour the practice works (a provider in session or a
 * visit booked), how many people of each role the location's rules ask for and how many are on
 * shift, less those on approved time off that day. An hour counts as covered by a shift only when
 * the shift spans all of it: someone starting at 08:30 leaves 08:00–08:30 to nobody.
 */

/**
 * One staffing rule of a location. `perProvider`: people of the role per provider in session (1
 * medical assistant per provider; 0.5 for one per two providers, rounded up). `minimum`: at least
 * this many, only while more than `whenBookedOver` visits are booked in the hour (always when unset).
 */
export interface StaffingRule {
  staffRole: StaffRole;
  perProvider?: number;
  minimum?: number;
  whenBookedOver?: number;
}

/** The load of one local hour (hour 8 is 08:00–09:00). */
export interface HourLoad {
  date: string;
  hour: number;
  booked: number;
  providers: number;
}

/** A shift in the location's local time. */
export interface ShiftSpan {
  staffId: string;
  staffRole: StaffRole;
  date: string;
  start: string;
  end: string;
}

export interface RoleCoverage {
  staffRole: StaffRole;
  required: number;
  scheduled: number;
  /** People short (0 when covered). */
  short: number;
}

export interface HourCoverage extends HourLoad {
  roles: RoleCoverage[];
}

/** How many of `role` the rules ask for in an hour with this load (the strictest rule wins). */
export function required(rules: readonly StaffingRule[], role: StaffRole, load: HourLoad): number {
  let need = 0;
  for (const r of rules) {
    if (r.staffRole !== role) continue;
    if (r.perProvider !== undefined) need = Math.max(need, Math.ceil(load.providers * r.perProvider - 1e-9));
    if (r.minimum !== undefined && (r.whenBookedOver === undefined || load.booked > r.whenBookedOver)) {
      need = Math.max(need, r.minimum);
    }
  }
  return need;
}

/** Whether the shift spans all of the hour. */
const spans = (s: ShiftSpan, date: string, hour: number) =>
  s.date === date && minutesOf(s.start) <= hour * 60 && minutesOf(s.end) >= (hour + 1) * 60;

/**
 * Coverage of every working hour for every role a rule names. `absent` holds `${staffId}|${date}`
 * for each day someone has approved time off: their shift that day does not count.
 */
export function coverage(
  rules: readonly StaffingRule[],
  load: readonly HourLoad[],
  shifts: readonly ShiftSpan[],
  absent: ReadonlySet<string>,
): HourCoverage[] {
  const roles = [...new Set(rules.map((r) => r.staffRole))];
  return load
    .filter((h) => h.providers > 0 || h.booked > 0)
    .map((h) => ({
      ...h,
      roles: roles.map((staffRole) => {
        const need = required(rules, staffRole, h);
        const on = new Set(
          shifts
            .filter(
              (s) =>
                s.staffRole === staffRole &&
                spans(s, h.date, h.hour) &&
                !absent.has(`${s.staffId}|${h.date}`),
            )
            .map((s) => s.staffId),
        ).size;
        return { staffRole, required: need, scheduled: on, short: Math.max(0, need - on) };
      }),
    }));
}

/** The hours where some role is short, for the week view's flags and the gap count. */
export const gaps = (hours: readonly HourCoverage[]) => hours.filter((h) => h.roles.some((r) => r.short > 0));
