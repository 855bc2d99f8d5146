import { addDays, localParts } from '../../shared/time.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { book, cancel, setStatus } from '../scheduling/booking.service.ts';
import { createPatient } from '../scheduling/patients.service.ts';
import { createProvider, createResource, createTemplate, createType } from '../scheduling/setup.service.ts';
import { addToWaitlist, createRecall } from '../scheduling/waitlist.service.ts';

const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'James',
  'Mia',
  'Lucas',
  'Amelia',
  'Mateo',
  'Harper',
  'Ethan',
  'Aria',
  'Levi',
  'Chloe',
  'Isaac',
  'Nora',
  'Owen',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
];
/** How many days ago each demo patient joined: a few per month over the last four months. */
const PATIENT_AGES = [120, 112, 101, 95, 88, 80, 74, 66, 61, 57, 50, 44, 40, 33, 29, 21, 15, 9, 4, 2];
const SLOTS = ['08:00', '08:40', '09:20', '10:00', '10:40', '11:20', '13:00', '13:40', '14:20', '15:00'];

/**
 * A believable week for Maple Street: providers with weekday hours, visit types, rooms,
 * patients, and bookings from today on, with today's earlier visits already through the flow.
 */
export async function seedSchedule(
  db: TenantDb,
  locations: { id: string; timeZone: string }[],
  /** Demo users by email: each provider is linked to the account they sign in with. */
  userIds: Map<string, string> = new Map(),
  /** The same practice as seen `days` ago: patients are added on past dates. */
  before: (days: number) => TenantDb = () => db,
) {
  const [main, west] = locations as [{ id: string; timeZone: string }, { id: string; timeZone: string }];
  const today = localParts(db.now().getTime(), main.timeZone).date;
  const followUp = await createType(db, {
    name: 'Follow-up',
    durationMinutes: 20,
    color: '#2da44e',
    patientKind: 'established',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    needsRoom: false,
  });
  const newPatient = await createType(db, {
    name: 'New patient visit',
    durationMinutes: 40,
    color: '#1f6feb',
    patientKind: 'new',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    needsRoom: false,
  });
  await createType(db, {
    name: 'Annual physical',
    durationMinutes: 30,
    color: '#8250df',
    patientKind: 'any',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    needsRoom: false,
  });
  await createType(db, {
    name: 'Minor procedure',
    durationMinutes: 60,
    color: '#bf3989',
    patientKind: 'any',
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 15,
    needsRoom: true,
  });
  for (const name of ['Exam 1', 'Exam 2', 'Procedure room'])
    await createResource(db, { locationId: main.id, name, kind: 'room' });
  await createResource(db, { locationId: west.id, name: 'Exam A', kind: 'room' });

  const providers = [];
  for (const [name, title, color, at, email] of [
    ['Dr. Priya Raman', 'MD', '#0b6e4f', [main], 'praman@maplestreet.example'],
    ['Dr. Marcus Chen', 'DO', '#1f6feb', [main], 'mchen@maplestreet.example'],
    ['Dr. Elena Alvarez', 'MD', '#bf3989', [main, west], 'ealvarez@maplestreet.example'],
    ['Jordan Ellis', 'NP', '#9a6700', [west], 'jellis@maplestreet.example'],
  ] as const) {
    const provider = await createProvider(db, {
      name,
      title,
      color,
      locationIds: at.map((l) => l.id),
      userId: userIds.get(email),
    });
    await createTemplate(db, {
      providerId: provider.id,
      locationId: at[0].id,
      blocks: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, start: '08:00', end: '12:00' },
        { weekday, start: '13:00', end: '17:00' },
      ]),
      effectiveFrom: addDays(today, -120),
    });
    providers.push({ provider, locationId: at[0].id });
  }

  const patients = [];
  for (let i = 0; i < 40; i++) {
    patients.push(
      await createPatient(before(PATIENT_AGES[i % PATIENT_AGES.length]!), {
        firstName: FIRST[i % FIRST.length]!,
        lastName: LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!,
        dateOfBirth: `${1950 + ((i * 3) % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        preferredContact: i % 3 === 0 ? 'sms' : 'email',
        phone: `(614) 555-${String(1000 + i).slice(-4)}`,
        email: `patient${i}@example.test`,
        insurancePayer: ['Aetna', 'Medicare', 'Blue Cross Blue Shield', 'UnitedHealthcare'][i % 4],
        memberId: `M${100000 + i * 37}`,
        eligibilityVerifiedOn: addDays(today, -(i % 40)),
      }),
    );
  }

  await seedHistory(db, today, providers, patients, followUp.id);

  const nowTime = localParts(db.now().getTime(), main.timeZone).time;
  // Planned in order (which patient, which visit), booked one column per provider at a time: the
  // columns never share a provider, a room or a patient at one time, and the seed runs in a third
  // of the time.
  const week: { p: number; run: () => Promise<void> }[] = [];
  let n = 0;
  for (let day = 0; day < 7; day++) {
    const date = addDays(today, day);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [p, { provider, locationId }] of providers.entries()) {
      for (const [i, time] of SLOTS.entries()) {
        if ((i + n++) % 4 === 3) continue; // leave some gaps for the slot finder
        // Nobody is booked twice on one day (providers x slots <= patients).
        const patient = patients[(day * 3 + i * providers.length + p) % patients.length]!;
        const type = i % 5 === 0 ? newPatient : followUp;
        const at = n;
        week.push({
          p,
          run: async () => {
            const appt = await book(db, {
              patientId: patient.id,
              providerId: provider.id,
              locationId,
              typeId: type.id,
              date,
              time,
            });
            if (day === 0) await advanceToday(db, appt.id, time, nowTime, at);
          },
        });
      }
    }
  }
  await byColumn(week);
  await addToWaitlist(db, {
    patientId: patients[3]!.id,
    locationId: main.id,
    typeId: followUp.id,
    earliestDate: today,
    latestDate: addDays(today, 14),
    fromTime: '08:00',
    toTime: '12:00',
    note: 'Prefers mornings',
  });
  await addToWaitlist(db, {
    patientId: patients[8]!.id,
    locationId: main.id,
    typeId: newPatient.id,
    earliestDate: today,
    latestDate: addDays(today, 21),
  });
  for (const [i, reason] of [
    'Annual physical',
    '6-month follow-up',
    'Diabetes check (A1C)',
    'Blood pressure recheck',
    'Annual physical',
    'Post-op follow-up',
  ].entries()) {
    await createRecall(db, { patientId: patients[10 + i]!.id, reason, dueDate: addDays(today, i * 9 - 10) });
  }
}

/** Today's visits that already started move through the flow; one no-show, one late cancel. */
async function advanceToday(db: TenantDb, id: string, time: string, nowTime: string, n: number) {
  if (time >= nowTime) {
    if (n % 7 === 0) await cancel(db, id, { by: 'patient', reason: 'Feeling better', version: 1 });
    else if (n % 3 === 0) await setStatus(db, id, { status: 'confirmed', version: 1 });
    return;
  }
  if (n % 11 === 0) {
    await setStatus(db, id, { status: 'no_show', version: 1 });
    return;
  }
  const steps = ['confirmed', 'arrived', 'in_room', 'checked_out'] as const;
  const last = n % 5 === 0 ? 2 : 3;
  for (let s = 0; s <= last; s++) await setStatus(db, id, { status: steps[s]!, version: s + 1 });
}

/** Weeks of history for each provider before this week. */
const HISTORY_WEEKS = 5;
const HISTORY_SLOTS = ['09:20', '10:40', '14:20'];

/**
 * Past weeks of held visits, so the measures have a trend from the first start: most checked
 * out, some no-shows and late cancels, a little more each week back (a practice that improved).
 */
async function seedHistory(
  db: TenantDb,
  today: string,
  providers: { provider: { id: string }; locationId: string }[],
  patients: { id: string }[],
  typeId: string,
) {
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const visits: { p: number; run: () => Promise<void> }[] = [];
  let k = 0;
  for (let week = HISTORY_WEEKS; week >= 1; week--) {
    for (let d = 0; d < 5; d++) {
      const date = addDays(monday, d - 7 * week);
      for (const [p, { provider, locationId }] of providers.entries()) {
        for (const [i, time] of HISTORY_SLOTS.entries()) {
          if ((i + d + week) % 5 === 4) continue; // utilization differs from week to week
          const patientId = patients[k++ % patients.length]!.id;
          const outcome =
            k % (9 + 2 * (HISTORY_WEEKS - week)) === 0 ? 'no_show' : k % 23 === 0 ? 'late_cancel' : 'held';
          visits.push({
            p,
            run: async () => {
              const appt = await book(db, {
                patientId,
                providerId: provider.id,
                locationId,
                typeId,
                date,
                time,
              });
              if (outcome === 'no_show') await setStatus(db, appt.id, { status: 'no_show', version: 1 });
              else if (outcome === 'late_cancel')
                await cancel(db, appt.id, { by: 'patient', reason: 'Called the same morning', version: 1 });
              else await setStatus(db, appt.id, { status: 'checked_out', version: 1 });
            },
          });
        }
      }
    }
  }
  await byColumn(visits);
}

/** Runs each provider's visits in order, the providers side by side. */
async function byColumn(visits: { p: number; run: () => Promise<void> }[]): Promise<void> {
  const columns = new Map<number, { run: () => Promise<void> }[]>();
  for (const v of visits) columns.set(v.p, [...(columns.get(v.p) ?? []), v]);
  await Promise.all(
    [...columns.values()].map(async (column) => {
      for (const visit of column) await visit.run();
    }),
  );
}
