import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { type DueThing, dueThingId } from '../../functions/platform/due/due-dates.ts';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * Performance reviews through the API on DynamoDB Local: the due list (hand-computed from hire
 * dates, sorted and paged), a review's steps (self → manager → sign-off) with the person's Today
 * items, the managers' due alerts re-planned to the next cycle, private notes kept from the person,
 * and who may see and do what.
 *
 * The clock stands on Monday 2027-01-04 (07:00 in Los Angeles). Hire dates:
 *   Sam  2024-02-29 (leap day, login)  → never reviewed: 2026-02-28 (2nd anniversary) is overdue,
 *                                        the 3rd (2027-02-28) not yet due.
 *   Dana 2026-02-20 (login)            → 90 days: 8 + 31 + 30 + 21 = 2026-05-21, overdue.
 *   Mia  2026-10-20 (manager, login)   → 90 days: 11 + 30 + 31 + 18 = 2027-01-18.
 *   Pat  2026-12-01 (no login)         → 90 days: 30 + 31 + 28 + 1 = 2027-03-01.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let dana: Session;
let sam: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const todayItems = async (s: Session) => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string; link?: string }[];
};

const rating = (n: number, comment?: string) => ({ rating: n, ...(comment ? { comment } : {}) });
const form = (n: number) => ({
  ratings: {
    quality: rating(n, 'Careful with every chart'),
    reliability: rating(n),
    teamwork: rating(n),
    patient_care: rating(n),
    communication: rating(n),
  },
  goals: 'Learn the billing side of check-in',
});

async function addPerson(first: string, hireDate: string, userId: string | undefined, over = {}) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Desk',
    jobTitle: 'Front desk',
    staffRole: 'front_desk',
    ...(userId ? { userId } : {}),
    locationIds: [ids.location],
    hireDate,
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const dueThing = (staffId = '') =>
  t.platform.store.get<DueThing>(
    tenantKeys.dueThing({ tenantId: owner.tenantId }, dueThingId('hr', 'review', staffId)),
  );

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Reviews Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  dana = await addMember(t, owner, 'staff', 'Dana Desk');
  sam = await addMember(t, owner, 'staff', 'Sam Desk');
  other = await signUpPractice(t, 'Other Reviews Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.sam = await addPerson('Sam', '2024-02-29', sam.userId);
  ids.dana = await addPerson('Dana', '2026-02-20', dana.userId);
  ids.mia = await addPerson('Mia', '2026-10-20', manager.userId, { staffRole: 'manager' });
  ids.pat = await addPerson('Pat', '2026-12-01', undefined);
});

describe('the due list', () => {
  it('lists each person’s next review by due date, overdue flagged, paged', async () => {
    const first = await as(manager)('GET', '/hr/reviews/due?limit=2');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const pick = (r: {
      staffName: string;
      dueDate: string;
      overdue: boolean;
      kind: string;
      status: string;
    }) => [r.staffName, r.dueDate, r.overdue, r.kind, r.status];
    expect(first.body.items.map(pick)).toEqual([
      ['Sam Desk', '2026-02-28', true, 'annual', 'not_started'],
      ['Dana Desk', '2026-05-21', true, 'ninety_day', 'not_started'],
    ]);
    const second = await as(manager)('GET', `/hr/reviews/due?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map(pick)).toEqual([
      ['Mia Desk', '2027-01-18', false, 'ninety_day', 'not_started'],
      ['Pat Desk', '2027-03-01', false, 'ninety_day', 'not_started'],
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('sorts by name and filters to the overdue', async () => {
    const byName = await as(owner)('GET', '/hr/reviews/due?sort=name&dir=desc');
    expect(byName.body.items.map((r: { staffName: string }) => r.staffName)).toEqual([
      'Sam Desk',
      'Pat Desk',
      'Mia Desk',
      'Dana Desk',
    ]);
    const overdue = await as(owner)('GET', '/hr/reviews/due?show=overdue');
    expect(overdue.body.items.map((r: { staffName: string }) => r.staffName)).toEqual([
      'Sam Desk',
      'Dana Desk',
    ]);
    const soon = await as(owner)('GET', '/hr/reviews/due?show=next_30_days');
    expect(soon.body.items).toHaveLength(3);
  });

  it('is for owners and managers only, and refuses a cursor of another sort', async () => {
    expect((await as(dana)('GET', '/hr/reviews/due')).status).toBe(403);
    const first = await as(manager)('GET', '/hr/reviews/due?limit=1');
    expect(
      (await as(manager)('GET', `/hr/reviews/due?sort=name&cursor=${first.body.nextCursor}`)).status,
    ).toBe(400);
  });
});

describe('a review from start to sign-off', () => {
  it('opens the next due review: a self-review item for the person', async () => {
    expect((await as(dana)('POST', '/hr/reviews', { staffId: ids.dana })).status).toBe(403);
    const res = await as(manager)('POST', '/hr/reviews', { staffId: ids.dana });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      staffName: 'Dana Desk',
      cycle: 0,
      kind: 'ninety_day',
      dueDate: '2026-05-21',
      status: 'self_review',
      hasLogin: true,
    });
    ids.danaReview = res.body.id;
    const items = await todayItems(dana);
    expect(items.find((i) => i.kind === 'review_self')?.link).toBe(
      `/app/hr/reviews?review=${ids.danaReview}`,
    );
    expect((await as(manager)('POST', '/hr/reviews', { staffId: ids.dana })).status).toBe(409);
    const row = (await as(manager)('GET', '/hr/reviews/due?sort=name')).body.items[0];
    expect(row).toMatchObject({ staffName: 'Dana Desk', status: 'self_review', reviewId: ids.danaReview });
  });

  it('plans the managers’ alerts at 30 and 7 days ahead and on the day, only those still ahead', async () => {
    const res = await as(owner)('POST', '/hr/reviews', { staffId: ids.mia });
    expect(res.status).toBe(201);
    ids.miaReview = res.body.id;
    // Due 2027-01-18: 30 days ahead (2026-12-19) has passed; 7 ahead (2027-01-11) and the day remain.
    const thing = await dueThing(ids.mia);
    expect(thing?.dueDate).toBe('2027-01-18');
    expect(thing?.owner).toEqual({ role: 'manager' });
    expect(thing?.planned.map((p) => p.offset)).toEqual([7, 0]);
  });

  it('keeps the review from others: 404 to another staff member and another practice', async () => {
    expect((await as(sam)('GET', `/hr/reviews/${ids.danaReview}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/reviews/${ids.danaReview}`)).status).toBe(404);
    expect((await as(dana)('GET', `/hr/reviews/${ids.danaReview}`)).status).toBe(200);
  });

  it('takes the self-review from the person only, with the ratings checked', async () => {
    const bad = await as(dana)('POST', `/hr/reviews/${ids.danaReview}/self`, { form: form(6), version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({
      path: 'form.ratings.quality.rating',
      message: 'Choose a rating from 1 to 5',
    });
    expect(
      (await as(manager)('POST', `/hr/reviews/${ids.danaReview}/self`, { form: form(4), version: 1 })).status,
    ).toBe(403);
    const res = await as(dana)('POST', `/hr/reviews/${ids.danaReview}/self`, { form: form(4), version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('manager_review');
    expect(res.body.selfReview.form.ratings.quality).toEqual({
      rating: 4,
      comment: 'Careful with every chart',
    });
    expect((await todayItems(dana)).some((i) => i.kind === 'review_self')).toBe(false);
  });

  it('takes the manager’s review at the version read, and asks the person to sign off', async () => {
    const body = { form: form(5), privateNotes: 'Ready for a lead role next year', version: 1 };
    expect((await as(manager)('POST', `/hr/reviews/${ids.danaReview}/manager`, body)).status).toBe(409);
    expect(
      (await as(dana)('POST', `/hr/reviews/${ids.danaReview}/manager`, { ...body, version: 2 })).status,
    ).toBe(403);
    const res = await as(manager)('POST', `/hr/reviews/${ids.danaReview}/manager`, { ...body, version: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('acknowledgment');
    expect(res.body.privateNotes).toBe('Ready for a lead role next year');
    expect((await todayItems(dana)).find((i) => i.kind === 'review_ack')?.title).toBe(
      'Read and sign off your 90-day review',
    );
    // The managers' alert moves on to the 1st anniversary, 2027-02-20: 30 days ahead is 2027-01-21.
    const thing = await dueThing(ids.dana);
    expect(thing?.dueDate).toBe('2027-02-20');
    expect(thing?.title).toBe("Dana Desk's annual review");
    expect(thing?.planned.map((p) => p.offset)).toEqual([30, 7, 0]);
  });

  it('shows the person their review without the private notes', async () => {
    const mine = await as(dana)('GET', `/hr/reviews/${ids.danaReview}`);
    expect(mine.body.managerReview.form.ratings.teamwork.rating).toBe(5);
    expect(mine.body.privateNotes).toBeUndefined();
    const history = await as(dana)('GET', `/hr/reviews?staffId=${ids.sam}`);
    expect(history.body.items.map((r: { id: string }) => r.id)).toEqual([ids.danaReview]);
    expect(history.body.items[0].privateNotes).toBeUndefined();
    expect((await as(owner)('GET', `/hr/reviews/${ids.danaReview}`)).body.privateNotes).toBeDefined();
  });

  it('takes the sign-off from the person, and the next review comes due', async () => {
    expect(
      (await as(manager)('POST', `/hr/reviews/${ids.danaReview}/acknowledge`, { version: 3 })).status,
    ).toBe(403);
    const res = await as(dana)('POST', `/hr/reviews/${ids.danaReview}/acknowledge`, {
      comment: 'Thank you — glad to take on more',
      version: 3,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('done');
    expect(res.body.acknowledgment).toMatchObject({
      by: 'Dana Desk',
      comment: 'Thank you — glad to take on more',
    });
    expect((await todayItems(dana)).some((i) => i.kind === 'review_ack')).toBe(false);
    const row = (await as(manager)('GET', '/hr/reviews/due?sort=name')).body.items[0];
    expect(row).toMatchObject({
      staffName: 'Dana Desk',
      cycle: 1,
      dueDate: '2027-02-20',
      status: 'not_started',
    });
  });
});

describe('other paths', () => {
  it('goes straight to the manager and is done for a person without a login', async () => {
    const res = await as(manager)('POST', '/hr/reviews', { staffId: ids.pat });
    expect(res.body).toMatchObject({ status: 'manager_review', hasLogin: false, dueDate: '2027-03-01' });
    const done = await as(manager)('POST', `/hr/reviews/${res.body.id}/manager`, {
      form: form(3),
      version: 1,
    });
    expect(done.body.status).toBe('done');
  });

  it('lets a manager skip a waiting self-review; a leap-day hire’s next review is Feb 28', async () => {
    const res = await as(manager)('POST', '/hr/reviews', { staffId: ids.sam });
    expect(res.body).toMatchObject({ cycle: 2, dueDate: '2026-02-28', status: 'self_review' });
    const written = await as(manager)('POST', `/hr/reviews/${res.body.id}/manager`, {
      form: form(4),
      version: 1,
    });
    expect(written.body.status).toBe('acknowledgment');
    expect((await todayItems(sam)).some((i) => i.kind === 'review_self')).toBe(false);
    expect(
      (await as(sam)('POST', `/hr/reviews/${res.body.id}/self`, { form: form(4), version: 2 })).status,
    ).toBe(400);
    await as(sam)('POST', `/hr/reviews/${res.body.id}/acknowledge`, { version: 2 });
    const row = (await as(manager)('GET', '/hr/reviews/due?sort=name&dir=desc')).body.items[0];
    expect(row).toMatchObject({ staffName: 'Sam Desk', cycle: 3, dueDate: '2027-02-28' });
  });

  it('never lets a manager write their own review', async () => {
    const res = await as(manager)('POST', `/hr/reviews/${ids.miaReview}/manager`, {
      form: form(5),
      version: 1,
    });
    expect(res.status).toBe(403);
    expect(
      (await as(owner)('POST', `/hr/reviews/${ids.miaReview}/manager`, { form: form(5), version: 1 })).status,
    ).toBe(200);
  });

  it('answers 404 for another practice’s review on every write', async () => {
    const bodies = {
      self: { form: form(3), version: 1 },
      manager: { form: form(3), version: 1 },
      acknowledge: { version: 1 },
    };
    for (const [step, body] of Object.entries(bodies)) {
      const res = await as(other)('POST', `/hr/reviews/${ids.danaReview}/${step}`, body);
      expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(404);
    }
    expect((await as(other)('POST', '/hr/reviews', { staffId: ids.dana })).status).toBe(404);
  });
});
