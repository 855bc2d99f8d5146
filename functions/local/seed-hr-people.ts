import { nextDueReview } from '../../shared/hr/review-cycles.ts';
import type { ReviewForm } from '../../shared/schemas/hr-reviews.ts';
import { localParts } from '../../shared/time.ts';
import { completeTask, startChecklist } from '../hr/checklists.service.ts';
import { carryInReviews, startReview, submitManager, submitSelf } from '../hr/reviews.service.ts';
import { listStaff } from '../hr/staff.service.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import type { SeedMember } from './seed-hr.ts';

/**
 * The demo's reviews and onboarding, through the HR services, after seedHr: everyone's reviews
 * before Rounds are carried in (the due list then shows the next ones), except for one medical
 * assistant whose last anniversary review is open and overdue, waiting for their self-review; a
 * nurse's (or other login's) next review is written by the manager and waits for their sign-off;
 * and the newest hire (DeShawn Carter in the demo) has onboarding under way, the badge and EHR
 * access done.
 *
 * Call after seedHr, with the same arguments plus its staff ids by email:
 *   await seedHrPeople(p, scope, owner, team, staffIds, timeZone);
 */
export async function seedHrPeople(
  p: Platform,
  scope: TenantScope,
  owner: SeedMember,
  team: SeedMember[],
  staffIds: ReadonlyMap<string, string>,
  timeZone: string,
): Promise<void> {
  const today = localParts(p.clock.now().getTime(), timeZone).date;
  const dbAs = (m: SeedMember) =>
    new TenantDb(p.store, scope, { userId: m.userId, name: m.name, role: m.role }, 'seed', p.clock);
  const ownerDb = dbAs(owner);
  const ownerCaller = { userId: owner.userId, role: owner.role };
  const manager = team.find((m) => m.role === 'manager') ?? owner;
  const managerDb = dbAs(manager);
  const managerCaller = { userId: manager.userId, role: manager.role };
  const byUser = new Map([owner, ...team].map((m) => [m.userId, m]));
  const seeded = new Set(staffIds.values());

  const people = (await listStaff(ownerDb, ownerCaller, { status: 'active' }, 100)).items;
  const newest = [...people].sort((a, b) => b.hireDate.localeCompare(a.hireDate))[0];
  const withLogin = people.filter(
    (s) => s.userId && s.id !== newest?.id && (seeded.size === 0 || seeded.has(s.id)),
  );
  const overdue = withLogin.find((s) => s.staffRole === 'medical_assistant') ?? withLogin[0];
  const signOff =
    withLogin.find((s) => s.staffRole === 'nurse' && s.id !== overdue?.id && s.userId !== manager.userId) ??
    withLogin.find((s) => s.id !== overdue?.id && s.userId !== manager.userId && s.userId !== owner.userId);

  // Reviews before Rounds: through the last cycle already due (the overdue one: all but that).
  for (const s of people) {
    const due = nextDueReview(s.hireDate, [], today);
    const last = due.overdue ? due.cycle : due.cycle - 1;
    await carryInReviews(ownerDb, s.id, s.id === overdue?.id ? last - 1 : last);
  }

  const form = (n: number, note: string): ReviewForm => ({
    ratings: {
      quality: { rating: n, comment: note },
      reliability: { rating: n },
      teamwork: { rating: Math.min(5, n + 1) },
      patient_care: { rating: n },
      communication: { rating: n },
    },
    goals: 'Cross-train on the front desk and take the lead on recall calls',
  });

  if (overdue) await startReview(managerDb, managerCaller, { staffId: overdue.id });

  const person = signOff?.userId ? byUser.get(signOff.userId) : undefined;
  if (signOff && person) {
    const review = await startReview(managerDb, managerCaller, { staffId: signOff.id });
    const personDb = dbAs(person);
    const self = await submitSelf(personDb, { userId: person.userId, role: person.role }, review.id, {
      form: form(4, 'Kept the immunization log spotless this year'),
      version: review.version,
    });
    await submitManager(managerDb, managerCaller, review.id, {
      form: form(4, 'Patients ask for them by name'),
      privateNotes: 'Candidate for clinical lead when the role opens',
      version: self.version,
    });
  }

  if (newest) {
    let list = await startChecklist(ownerDb, { staffId: newest.id, kind: 'onboarding' });
    for (const taskId of ['t1', 't2']) {
      list = await completeTask(managerDb, managerCaller, list.id, taskId, list.version);
    }
  }
}
