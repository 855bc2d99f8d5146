import type { Role } from '../../shared/roles.ts';
import type { StaffCreate } from '../../shared/schemas/hr.ts';
import { addDays, localParts } from '../../shared/time.ts';
import { addShift, copyLastWeek, mondayOf, publishWeek } from '../hr/shifts.service.ts';
import { createStaff } from '../hr/staff.service.ts';
import { saveRules } from '../hr/staffing-rules.service.ts';
import { decideRequest, requestTimeOff, setOpenings } from '../hr/time-off.service.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';

/**
 * The demo practice's people in the staff directory: each login's record with pay, an emergency
 * contact and licenses (a nurse's RN license runs out within 60 days), balances carried in a
 * month ago, and time off: one taken, one approved next week and an overlapping request from the
 * other medical assistant waiting for Maria's decision, plus a sick-leave request.
 */

export interface SeedMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

type Person = Omit<StaffCreate, 'firstName' | 'lastName' | 'locationIds' | 'credentials' | 'managerId'> & {
  email: string;
  at: ('main' | 'west')[];
  credentials?: StaffCreate['credentials'];
  opening: { pto: number; sick: number };
};

const contact = (name: string, relationship: string, phone: string) => ({ name, relationship, phone });
const hourly = (dollars: number) => ({ type: 'hourly' as const, rateCents: Math.round(dollars * 100) });
const salary = (dollars: number) => ({ type: 'salary' as const, rateCents: dollars * 100 });

/** Licenses dated from today, so the demo always has one expiring soon and none long expired. */
function roster(day: (n: number) => string): Person[] {
  return [
    {
      email: 'manager@maplestreet.example',
      jobTitle: 'Practice manager',
      staffRole: 'manager',
      at: ['main', 'west'],
      hireDate: '2018-03-12',
      employmentType: 'full_time',
      fte: 1,
      pay: salary(72_000),
      emergencyContact: contact('Carlos Lopez', 'Husband', '(614) 555-0311'),
      opening: { pto: 46, sick: 40 },
    },
    {
      email: 'praman@maplestreet.example',
      jobTitle: 'Family physician',
      staffRole: 'provider',
      at: ['main'],
      hireDate: '2016-08-01',
      employmentType: 'full_time',
      fte: 1,
      pay: salary(245_000),
      emergencyContact: contact('Vikram Raman', 'Husband', '(614) 555-0322'),
      credentials: [
        { name: 'Ohio medical license', number: '35.123456', expiresOn: day(210) },
        { name: 'DEA registration', number: 'BR1234563', expiresOn: day(420) },
        { name: 'BLS', expiresOn: day(300) },
      ],
      opening: { pto: 64, sick: 40 },
    },
    {
      email: 'mchen@maplestreet.example',
      jobTitle: 'Family physician',
      staffRole: 'provider',
      at: ['main', 'west'],
      hireDate: '2019-01-07',
      employmentType: 'full_time',
      fte: 1,
      pay: salary(238_000),
      credentials: [{ name: 'Ohio medical license', number: '35.234567', expiresOn: day(510) }],
      opening: { pto: 52, sick: 32 },
    },
    {
      email: 'ealvarez@maplestreet.example',
      jobTitle: 'Family physician',
      staffRole: 'provider',
      at: ['west'],
      hireDate: '2021-06-14',
      employmentType: 'part_time',
      fte: 0.8,
      pay: salary(190_000),
      credentials: [{ name: 'Ohio medical license', number: '35.345678', expiresOn: day(150) }],
      opening: { pto: 30, sick: 24 },
    },
    {
      email: 'jellis@maplestreet.example',
      jobTitle: 'Nurse practitioner',
      staffRole: 'provider',
      at: ['main'],
      hireDate: '2022-09-06',
      employmentType: 'full_time',
      fte: 1,
      pay: salary(121_000),
      credentials: [{ name: 'APRN license', number: 'APRN.CNP.0456', expiresOn: day(95) }],
      opening: { pto: 40, sick: 28 },
    },
    {
      email: 'frontdesk@maplestreet.example',
      jobTitle: 'Front desk lead',
      staffRole: 'front_desk',
      at: ['main'],
      hireDate: '2020-02-03',
      employmentType: 'full_time',
      fte: 1,
      pay: hourly(19.5),
      emergencyContact: contact('Tuan Nguyen', 'Brother', '(614) 555-0344'),
      opening: { pto: 38, sick: 22 },
    },
    {
      email: 'lortega@maplestreet.example',
      jobTitle: 'Medical assistant',
      staffRole: 'medical_assistant',
      at: ['main'],
      hireDate: '2023-04-17',
      employmentType: 'full_time',
      fte: 1,
      pay: hourly(20.25),
      emergencyContact: contact('Marisol Ortega', 'Mother', '(614) 555-0355'),
      credentials: [{ name: 'CMA (AAMA)', expiresOn: day(330) }],
      opening: { pto: 28, sick: 18 },
    },
    {
      email: 'hprice@maplestreet.example',
      jobTitle: 'Medical assistant',
      staffRole: 'medical_assistant',
      at: ['main', 'west'],
      hireDate: '2024-10-07',
      employmentType: 'part_time',
      fte: 0.6,
      pay: hourly(19.75),
      credentials: [{ name: 'BLS', expiresOn: day(180) }],
      opening: { pto: 14, sick: 10 },
    },
    {
      email: 'dcarter@maplestreet.example',
      jobTitle: 'Front desk',
      staffRole: 'front_desk',
      at: ['west'],
      hireDate: day(-40),
      employmentType: 'full_time',
      fte: 1,
      pay: hourly(18),
      opening: { pto: 0, sick: 0 },
    },
    {
      email: 'rdiaz@maplestreet.example',
      jobTitle: 'Registered nurse',
      staffRole: 'nurse',
      at: ['main'],
      hireDate: '2017-05-22',
      employmentType: 'full_time',
      fte: 1,
      pay: hourly(38.5),
      emergencyContact: contact('Miguel Diaz', 'Husband', '(614) 555-0366'),
      credentials: [
        { name: 'RN license', number: 'RN.412233', expiresOn: day(45) },
        { name: 'BLS', expiresOn: day(260) },
      ],
      opening: { pto: 56, sick: 36 },
    },
    {
      email: 'billing@maplestreet.example',
      jobTitle: 'Billing specialist',
      staffRole: 'billing',
      at: ['main'],
      hireDate: '2019-11-04',
      employmentType: 'full_time',
      fte: 1,
      pay: hourly(24),
      opening: { pto: 44, sick: 30 },
    },
    {
      email: 'gkim@maplestreet.example',
      jobTitle: 'Billing specialist',
      staffRole: 'billing',
      at: ['main'],
      hireDate: '2024-03-11',
      employmentType: 'part_time',
      fte: 0.5,
      pay: hourly(23),
      opening: { pto: 12, sick: 8 },
    },
  ];
}

/** Next Monday after `today` (a week ahead at most). */
function nextMonday(today: string): string {
  const wd = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (8 - wd) % 7 || 7);
}

/** Seeds the directory, balances, time off and shifts through the HR services; answers login email → staff id. */
export async function seedHr(
  p: Platform,
  scope: TenantScope,
  owner: SeedMember,
  team: SeedMember[],
  locations: { main: string; west: string },
  timeZone: string,
): Promise<Map<string, string>> {
  const today = localParts(p.clock.now().getTime(), timeZone).date;
  const day = (n: number) => addDays(today, n);
  const dbAs = (m: SeedMember) =>
    new TenantDb(p.store, scope, { userId: m.userId, name: m.name, role: m.role }, 'seed', p.clock);
  const ownerDb = dbAs(owner);
  const ownerCaller = { userId: owner.userId, role: owner.role };
  const split = (name: string) => {
    const clean = name.replace(/^Dr\. /, '').replace(/, NP$/, '');
    const at = clean.lastIndexOf(' ');
    return { firstName: clean.slice(0, at), lastName: clean.slice(at + 1) };
  };

  const dana = await createStaff(ownerDb, ownerCaller, {
    ...split(owner.name),
    jobTitle: 'Owner and physician',
    staffRole: 'provider',
    userId: owner.userId,
    locationIds: [locations.main],
    hireDate: '2012-07-02',
    employmentType: 'full_time',
    fte: 1,
    credentials: [{ name: 'Ohio medical license', number: '35.012345', expiresOn: day(600) }],
  });
  const byEmail = new Map(team.map((m) => [m.email, m]));
  const staffIds = new Map<string, string>();
  let managerId = dana.id;
  for (const person of roster(day)) {
    const member = byEmail.get(person.email);
    if (!member) continue;
    const { email: _e, at, opening, credentials, ...fields } = person;
    const saved = await createStaff(ownerDb, ownerCaller, {
      ...split(member.name),
      ...fields,
      email: member.email,
      userId: member.userId,
      locationIds: at.map((l) => locations[l]),
      credentials: credentials ?? [],
      managerId,
    });
    staffIds.set(member.email, saved.id);
    if (person.staffRole === 'manager') managerId = saved.id;
    // Carried in from the old system a month ago, when the practice moved to Rounds.
    const from = [day(-30), person.hireDate].sort()[1]!;
    await setOpenings(ownerDb, ownerCaller, saved.id, {
      pto: { date: from, hours: opening.pto },
      sick: { date: from, hours: opening.sick },
    });
  }

  const maria = byEmail.get('manager@maplestreet.example');
  if (!maria) return staffIds;
  const ask = (email: string, input: Parameters<typeof requestTimeOff>[2]) => {
    const m = byEmail.get(email);
    return m ? requestTimeOff(dbAs(m), { userId: m.userId, role: m.role }, input) : undefined;
  };
  const decide = (id: string, decision: 'approve' | 'decline', note?: string) =>
    decideRequest(dbAs(maria), { userId: maria.userId, role: maria.role }, id, {
      decision,
      version: 1,
      ...(note ? { note } : {}),
    });
  const monday = nextMonday(today);

  // Taken already: Rosa's three days off two weeks ago (entered then; dates are in the past now).
  const rosa = await ask('rdiaz@maplestreet.example', {
    kind: 'pto',
    startDate: day(-20),
    endDate: day(-18),
    hours: 24,
    note: 'Family visit',
  });
  if (rosa) await decide(rosa.id, 'approve');
  // Hannah is off Monday and Tuesday next week, approved; Luis asks for Monday to Wednesday: both
  // medical assistants at Main Street would be out, which Maria sees when she decides.
  const hannah = await ask('hprice@maplestreet.example', {
    kind: 'pto',
    startDate: monday,
    endDate: addDays(monday, 1),
    hours: 9.6,
    note: 'Moving house',
  });
  if (hannah) await decide(hannah.id, 'approve', 'Enjoy the new place');
  await ask('lortega@maplestreet.example', {
    kind: 'pto',
    startDate: monday,
    endDate: addDays(monday, 2),
    hours: 24,
    note: "Sister's wedding in Chicago",
  });
  await ask('frontdesk@maplestreet.example', {
    kind: 'sick',
    startDate: addDays(monday, 3),
    endDate: addDays(monday, 3),
    hours: 4,
    note: 'Dental surgery in the afternoon',
  });
  const denied = await ask('billing@maplestreet.example', {
    kind: 'pto',
    startDate: day(-35),
    endDate: day(-31),
    hours: 40,
    note: 'Month-end close week',
  });
  if (denied) await decide(denied.id, 'decline', 'Month-end close: could you take the week after?');

  const ava = await createStaff(ownerDb, ownerCaller, {
    firstName: 'Ava',
    lastName: 'Brooks',
    jobTitle: 'Medical assistant (per diem)',
    staffRole: 'medical_assistant',
    phone: '(614) 555-0377',
    locationIds: [locations.main],
    hireDate: '2025-05-05',
    employmentType: 'per_diem',
    fte: 0.4,
    pay: hourly(21),
    credentials: [{ name: 'BLS', expiresOn: day(120) }],
    managerId,
  });
  staffIds.set('ava', ava.id);
  await seedShifts(dbAs(maria), staffIds, locations, mondayOf(today));
  return staffIds;
}

/**
 * This week's shifts at both clinics, published, and next week's copied from them as a draft.
 * Main Street's rules ask for a nurse, one medical assistant per two providers (three see patients
 * there: two) and one at the front desk. Kim leaves at 15:00 on Friday, so the front desk is short
 * from 15:00 to 17:00 that day; next week Hannah's approved days off leave Monday and Tuesday one
 * medical assistant short.
 */
async function seedShifts(
  db: TenantDb,
  staffIds: Map<string, string>,
  locations: { main: string; west: string },
  monday: string,
): Promise<void> {
  const weekdays = [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
  const plan: { who: string; at: 'main' | 'west'; days: number[]; start?: string; end?: string }[] = [
    { who: 'rdiaz@maplestreet.example', at: 'main', days: [0, 1, 2, 3, 4] },
    { who: 'lortega@maplestreet.example', at: 'main', days: [0, 1, 2, 3, 4] },
    { who: 'hprice@maplestreet.example', at: 'main', days: [0, 1, 2] },
    { who: 'ava', at: 'main', days: [3, 4] },
    { who: 'frontdesk@maplestreet.example', at: 'main', days: [0, 1, 2, 3] },
    { who: 'frontdesk@maplestreet.example', at: 'main', days: [4], end: '15:00' },
    { who: 'dcarter@maplestreet.example', at: 'west', days: [0, 1, 2, 3, 4] },
  ];
  for (const p of plan) {
    const staffId = staffIds.get(p.who);
    if (!staffId) continue;
    for (const d of p.days) {
      await addShift(db, {
        staffId,
        locationId: locations[p.at],
        date: weekdays[d]!,
        start: p.start ?? '08:00',
        end: p.end ?? '17:00',
      });
    }
  }
  await saveRules(db, locations.main, {
    rules: [
      { staffRole: 'nurse', minimum: 1 },
      { staffRole: 'medical_assistant', perProvider: 0.5 },
      { staffRole: 'front_desk', minimum: 1 },
    ],
    version: 0,
  });
  await saveRules(db, locations.west, { rules: [{ staffRole: 'front_desk', minimum: 1 }], version: 0 });
  for (const at of [locations.main, locations.west]) {
    await publishWeek(db, { locationId: at, weekOf: monday });
    await copyLastWeek(db, { locationId: at, weekOf: addDays(monday, 7) });
  }
}
