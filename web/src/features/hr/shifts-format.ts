import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../../../shared/schemas/hr.ts';
import type { Shift, ShiftWeekView } from '../../../../shared/schemas/hr-shifts.ts';
import { addDays } from '../../../../shared/time.ts';
import { formatHourMark } from '../../lib/format.ts';

type HourCoverage = ShiftWeekView['coverage'][number];

/** The seven dates of the week starting on `monday`. */
export const weekDates = (monday: string): string[] =>
  Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** A shift's times as the schedule prints them: "08:00–12:00" (24-hour, so a column lines up). */
export const shiftTimes = (s: { start: string; end: string }) => `${s.start}–${s.end}`;

/** An hour of the day ("8") as the strip labels it: "8 AM". */
export const hourMark = (hour: number) => formatHourMark(`${String(hour).padStart(2, '0')}:00`);

/** A number of people of a role in words: "1 medical assistant", "2 nurses", "2 front desk". */
export function peopleOfRole(n: number, role: StaffRole): string {
  const label = STAFF_ROLE_LABELS[role].toLowerCase();
  // Only the roles named after a person take a plural; "front desk" or "billing" are desks.
  const countable = role === 'provider' || role === 'nurse' || role === 'medical_assistant';
  return `${n} ${label}${n === 1 || !countable ? '' : 's'}`;
}

/** What an hour lacks: "short 1 medical assistant, 1 front desk"; empty when covered. */
export function shortText(h: HourCoverage): string {
  const short = h.roles.filter((r) => r.short > 0);
  return short.length ? `short ${short.map((r) => peopleOfRole(r.short, r.staffRole)).join(', ')}` : '';
}

/** Whether some role is short in the hour. */
export const isGap = (h: HourCoverage) => h.roles.some((r) => r.short > 0);

/** The id of a gap's element, so the week summary can link to the first one. */
export const gapId = (h: { date: string; hour: number }) => `shift-gap-${h.date}-${h.hour}`;

/** One person's row of the week grid. */
export interface ShiftRow {
  staffId: string;
  name: string;
  staffRole: StaffRole;
  /** Their shifts by date, earliest first. */
  byDate: Map<string, Shift[]>;
  /** Dates of the week they have approved time off. */
  off: Set<string>;
}

/** A role's heading and its people, in the directory's role order. */
export interface ShiftRoleGroup {
  staffRole: StaffRole;
  rows: ShiftRow[];
}

/**
 * The week's people grouped by role: everyone current at the location (so an empty row can take a
 * shift) and anyone with a shift there, with their days off; by last name within a role.
 */
export function groupRows(
  view: ShiftWeekView,
  staff: readonly { id: string; name: string; lastName: string; staffRole: StaffRole }[],
): ShiftRoleGroup[] {
  const rows = new Map<string, ShiftRow & { sortKey: string }>();
  const row = (id: string, name: string, staffRole: StaffRole, sortKey: string) => {
    let r = rows.get(id);
    if (!r) {
      r = { staffId: id, name, staffRole, byDate: new Map(), off: new Set(), sortKey };
      rows.set(id, r);
    }
    return r;
  };
  for (const s of staff) row(s.id, s.name, s.staffRole, `${s.lastName} ${s.name}`.toLowerCase());
  for (const s of view.shifts) {
    const r = row(s.staffId, s.staffName, s.staffRole, lastNameKey(s.staffName));
    const list = r.byDate.get(s.date) ?? [];
    list.push(s);
    list.sort((a, b) => a.start.localeCompare(b.start));
    r.byDate.set(s.date, list);
  }
  const end = addDays(view.weekStart, 6);
  for (const t of view.timeOff) {
    // Someone neither on staff here nor on a shift has no role to group by (the staff view lists
    // only people with shifts): their "Off" would say nothing about the schedule.
    const r = rows.get(t.staffId);
    if (!r) continue;
    for (let d = t.startDate; d <= t.endDate && d <= end; d = addDays(d, 1)) {
      if (d >= view.weekStart) r.off.add(d);
    }
  }
  return STAFF_ROLES.map((staffRole) => ({
    staffRole,
    rows: [...rows.values()]
      .filter((r) => r.staffRole === staffRole)
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey)),
  })).filter((g) => g.rows.length > 0);
}

const lastNameKey = (name: string) => {
  const parts = name.trim().split(/\s+/);
  return `${parts[parts.length - 1] ?? ''} ${name}`.toLowerCase();
};

/** Hours of the shifts in the list, for a person's weekly total ("32.5 h"). */
export function shiftHours(shifts: readonly { start: string; end: string }[]): number {
  const minutes = (t: string) => {
    const [h, m] = t.split(':').map(Number) as [number, number];
    return h * 60 + m;
  };
  return shifts.reduce((sum, s) => sum + (minutes(s.end) - minutes(s.start)) / 60, 0);
}

/** A run of consecutive short hours of a day with the same shortage ("8 AM–12 PM short 1 nurse"). */
export interface GapRun {
  date: string;
  /** First hour of the run and the hour after its last. */
  from: number;
  until: number;
  text: string;
}

/** A day's short hours joined into runs: a morning without its assistant is one line, not four. */
export function gapRuns(hours: readonly HourCoverage[]): GapRun[] {
  const runs: GapRun[] = [];
  for (const h of hours) {
    if (!isGap(h)) continue;
    const text = shortText(h);
    const last = runs[runs.length - 1];
    if (last && last.date === h.date && last.until === h.hour && last.text === text) last.until = h.hour + 1;
    else runs.push({ date: h.date, from: h.hour, until: h.hour + 1, text });
  }
  return runs;
}

/** A run's hours: "9 AM" for one hour, "8 AM–12 PM" for more. */
export const runHours = (r: GapRun) =>
  r.until - r.from === 1 ? hourMark(r.from) : `${hourMark(r.from)}–${hourMark(r.until)}`;
