import type { PracticeRole } from './roles.ts';
import type { Assignee, TodayPriority } from './schemas/today.ts';
import { addDays } from './time.ts';

/** A teammate the parser may recognise after "@". */
export interface Teammate {
  userId: string;
  name: string;
}

/** What one short line was understood as; `found` lists each recognised piece for the user to check. */
export interface ParsedLine {
  title: string;
  dueDate?: string;
  priority?: TodayPriority;
  assignee?: Assignee;
  assigneeName?: string;
  found: { text: string; meaning: string }[];
}

const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  weds: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ROLE_WORDS: Record<string, PracticeRole> = {
  frontdesk: 'staff',
  'front-desk': 'staff',
  desk: 'staff',
  staff: 'staff',
  billing: 'billing',
  manager: 'manager',
  managers: 'manager',
  owner: 'owner',
  provider: 'provider',
  providers: 'provider',
};
const ROLE_NAMES: Record<PracticeRole, string> = {
  owner: 'Owners',
  manager: 'Practice managers',
  staff: 'Front desk',
  provider: 'Providers',
  billing: 'Billing',
};
const URGENT = /(^|\s)(!{1,3}|urgent|asap)(?=\s|$)/i;
const CONNECTOR = /\s+(by|on|due|before)$/i;

/**
 * Understands a line such as "call Aetna rep re: denials fri @billing !": a due date (today,
 * tomorrow, a weekday, "next week", "in 3 days", 12/5, Dec 5), a priority (!, urgent, asap) and an
 * assignee (@role or @first name). `today` is the practice's local date. What is left is the title.
 */
export function parseTodayLine(line: string, today: string, team: readonly Teammate[] = []): ParsedLine {
  const found: ParsedLine['found'] = [];
  let rest = ` ${line.trim()} `;
  const take = (re: RegExp, meaning: (m: RegExpExecArray) => string | undefined) => {
    const m = re.exec(rest);
    if (!m) return undefined;
    const said = meaning(m);
    if (said === undefined) return undefined;
    found.push({ text: m[0].trim(), meaning: said });
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    return m;
  };

  let priority: TodayPriority | undefined;
  take(URGENT, () => {
    priority = 'high';
    return 'High priority';
  });

  let assignee: Assignee | undefined;
  let assigneeName: string | undefined;
  take(/\s@([\w.-]+)/, (m) => {
    const word = m[1]!.toLowerCase();
    const role = ROLE_WORDS[word];
    if (role) {
      assignee = { role };
      assigneeName = ROLE_NAMES[role];
      return `For ${assigneeName}`;
    }
    const person = team.find((t) =>
      t.name
        .toLowerCase()
        .split(/\s+/)
        .some((part) => part.startsWith(word)),
    );
    if (!person) return undefined;
    assignee = { userId: person.userId };
    assigneeName = person.name;
    return `For ${person.name}`;
  });

  const dueDate = takeDate(take, today);
  const title = tidyTitle(rest);
  return {
    title,
    found,
    ...(dueDate ? { dueDate } : {}),
    ...(priority ? { priority } : {}),
    ...(assignee ? { assignee, assigneeName } : {}),
  };
}

type Take = (re: RegExp, meaning: (m: RegExpExecArray) => string | undefined) => RegExpExecArray | undefined;

/** Date phrases, most specific first; each turns its match into a date (undefined: not a date). */
function datePhrases(today: string): [string, (m: RegExpExecArray) => string | undefined][] {
  return [
    ['(today|tonight|eod)', () => today],
    ['(tomorrow|tmrw|tmr)', () => addDays(today, 1)],
    ['next week', () => nextWeekday(today, 1, true)],
    [
      'in (\\d{1,3}) (days?|weeks?)',
      (m) => addDays(today, Number(m[1]) * (m[2]!.startsWith('week') ? 7 : 1)),
    ],
    [
      `(next )?(${Object.keys(WEEKDAYS).join('|')})`,
      (m) => nextWeekday(today, WEEKDAYS[m[2]!.toLowerCase()]!, Boolean(m[1])),
    ],
    ['(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?', (m) => monthDay(today, Number(m[1]), Number(m[2]), m[3])],
    [
      `(${MONTHS.join('|')})[a-z]*\\.? (\\d{1,2})`,
      (m) => monthDay(today, MONTHS.indexOf(m[1]!.toLowerCase().slice(0, 3)) + 1, Number(m[2])),
    ],
  ];
}

function takeDate(take: Take, today: string): string | undefined {
  for (const [phrase, toDate] of datePhrases(today)) {
    let due: string | undefined;
    const re = new RegExp(`\\s(?:by |on |due |before )?${phrase}(?=[\\s.,;!?]|$)`, 'i');
    take(re, (m) => {
      due = toDate(m);
      return due ? `Due ${due}` : undefined;
    });
    if (due) return due;
  }
  return undefined;
}

/** The next `weekday` (0 = Sunday) on or after today; with `nextWeek`, that day in the coming Monday's week. */
function nextWeekday(today: string, weekday: number, nextWeek: boolean): string {
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay();
  if (!nextWeek) return addDays(today, (weekday - dow + 7) % 7);
  const monday = addDays(today, 8 - (dow === 0 ? 7 : dow));
  return addDays(monday, (weekday === 0 ? 7 : weekday) - 1);
}

/** A month/day this year, or next year when it already passed; undefined when no such date. */
function monthDay(today: string, month: number, day: number, year?: string): string | undefined {
  const thisYear = Number(today.slice(0, 4));
  const y = year ? (year.length === 2 ? 2000 + Number(year) : Number(year)) : thisYear;
  const iso = (yy: number) => `${yy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso(y)}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
    return undefined;
  }
  return !year && iso(y) < today ? iso(y + 1) : iso(y);
}

function tidyTitle(rest: string): string {
  const title = rest
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CONNECTOR, '')
    .replace(/[\s,;-]+$/, '');
  return title ? title[0]!.toUpperCase() + title.slice(1) : '';
}
