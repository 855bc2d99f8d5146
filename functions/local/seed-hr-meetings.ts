import { addDays, localParts } from '../../shared/time.ts';
import { addCandidate, addNote, createOpening, moveCandidate, saveScorecard } from '../hr/hiring.service.ts';
import { addAction, addTopic, createMeeting, updateMeeting } from '../hr/meetings.service.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import type { SeedMember } from './seed-hr.ts';

/**
 * The demo's staff meetings and hiring. Two weeks ago's staff meeting has its attendance, minutes
 * and two open action items (one already overdue), each in its owner's Today; the next meeting, in
 * two weeks, has agenda topics from two people and carries both open items. One opening (medical
 * assistant at Main Street) has three candidates: applied, phone screen, and interviewed with a note
 * and a scorecard. Run after seedHr: `staffIds` maps a login's email to its staff record.
 */
export async function seedHrMeetings(
  p: Platform,
  scope: TenantScope,
  manager: Pick<SeedMember, 'userId' | 'name' | 'role'>,
  team: SeedMember[],
  staffIds: ReadonlyMap<string, string>,
  locations: { main: string },
  timeZone: string,
): Promise<void> {
  const dbAs = (m: Pick<SeedMember, 'userId' | 'name' | 'role'>) =>
    new TenantDb(p.store, scope, { userId: m.userId, name: m.name, role: m.role }, 'seed', p.clock);
  const db = dbAs(manager);
  const today = localParts(p.clock.now().getTime(), timeZone).date;
  const day = (n: number) => addDays(today, n);

  // The last meeting: who came, the minutes, two action items still open.
  const last = await createMeeting(db, {
    title: 'Monthly staff meeting',
    date: day(-14),
    time: '12:15',
    location: 'Main Street break room',
  });
  await updateMeeting(db, last.id, {
    title: last.title,
    date: last.date,
    time: last.time,
    location: last.location,
    attendeeIds: [...staffIds.values()].slice(0, 8),
    minutes: [
      'Flu clinic Saturdays start next month: two medical assistants and one front desk each Saturday.',
      'New phone tree goes live on the 1st; front desk to re-record the after-hours message.',
      'Reminder: BLS renewals are due for three people this quarter.',
    ].join('\n'),
    version: last.version,
  });
  const frontDesk = staffIds.get('frontdesk@maplestreet.example');
  await addAction(db, last.id, {
    title: 'Re-record the after-hours phone message',
    owner: frontDesk ? { staffId: frontDesk } : { role: 'staff' },
    dueDate: day(-3),
  });
  await addAction(db, last.id, {
    title: 'Draft the flu clinic Saturday rota',
    owner: { role: 'manager' },
    dueDate: day(7),
  });

  // The next meeting: topics from the practice; the open action items show as carried over.
  const next = await createMeeting(db, {
    title: 'Monthly staff meeting',
    date: day(14),
    time: '12:15',
    location: 'Main Street break room',
  });
  const staffer = team.find((m) => m.role === 'staff') ?? manager;
  await addTopic(dbAs(staffer), next.id, { title: 'Parking for staff during the lot repaving' });
  await addTopic(db, next.id, { title: 'Holiday schedule and coverage' });

  // Hiring: a medical assistant at Main Street, three candidates at different stages.
  const opening = await createOpening(db, {
    title: 'Medical assistant',
    staffRole: 'medical_assistant',
    locationId: locations.main,
    employmentType: 'full_time',
    description: 'Rooming, vitals, injections and phone triage for two family physicians.',
  });
  const add = (firstName: string, lastName: string, appliedOn: string, source: string) =>
    addCandidate(db, opening.id, {
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com`,
      appliedOn,
      source,
    });
  await add('Jordan', 'Ellis', day(-2), 'Indeed');
  const priya = await add('Priya', 'Shah', day(-9), 'Referral from Hannah Price');
  await moveCandidate(db, priya.id, { stage: 'phone_screen', date: day(-5), version: priya.version });
  const marcus = await add('Marcus', 'Green', day(-12), 'Columbus State CMA program');
  const screened = await moveCandidate(db, marcus.id, { stage: 'phone_screen', date: day(-8), version: 1 });
  await moveCandidate(db, marcus.id, { stage: 'interview', date: day(-4), version: screened.version });
  await addNote(
    db,
    marcus.id,
    'Two years at an urgent care; calm with anxious patients; can start in three weeks.',
  );
  await saveScorecard(db, manager, marcus.id, {
    ratings: [
      { area: 'Communication', score: 5 },
      { area: 'Experience', score: 4 },
      { area: 'Reliability', score: 4 },
      { area: 'Team fit', score: 5 },
    ],
    recommendation: 'strong_yes',
    comment: 'Make an offer.',
  });
}
