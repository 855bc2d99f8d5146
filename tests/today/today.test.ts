import { beforeAll, describe, expect, it } from 'vitest';
import { raiseEligibilityChecks } from '../../functions/scheduling/eligibility-check.service.ts';
import { schedulingWorld } from '../scheduling/world.ts';
import { addMember, createTestApp, type Session, testClock } from '../support/app.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
let manager: Session;
let billing: Session;
const clock = testClock();

const as = (session: Session) => (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: session.token, json });
const titles = (list: { title: string }[]) => list.map((i) => i.title);

beforeAll(async () => {
  // Monday 2027-05-03, 10:00 in New York (the practice signs up in Los Angeles: 07:00 there).
  clock.set(Date.parse('2027-05-03T14:00:00Z'));
  w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
  manager = await addMember(w.t, w.owner, 'manager', 'Maria Lopez');
  billing = await addMember(w.t, w.owner, 'billing', 'Bill Payne');
});

describe('requests jotted down', () => {
  it('reach the role they are for, wait on the asker, and count in the badge', async () => {
    const added = await as(manager)('POST', '/today/items', {
      title: 'Fax records to Dr. Patel',
      requestedBy: 'Dr. Hopper',
      forWhom: 'Ada Lovelace',
      assignee: { role: 'staff' },
      dueDate: '2027-05-03',
      priority: 'high',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      assigneeName: 'Front desk / staff',
      createdByName: 'Maria Lopez',
      status: 'open',
    });

    const staffView = (await as(w.staff)('GET', '/today')).body;
    expect(staffView.date).toBe('2027-05-03');
    expect(titles(staffView.today)).toContain('Fax records to Dr. Patel');
    const managerView = (await as(manager)('GET', '/today')).body;
    expect(titles(managerView.waiting)).toContain('Fax records to Dr. Patel');
    expect(titles(managerView.today)).not.toContain('Fax records to Dr. Patel');
    const counts = (await as(w.staff)('GET', '/today/counts')).body;
    expect(counts.due).toBeGreaterThanOrEqual(1);
  });

  it('are the writer’s own when no one is named, and sort overdue, today, upcoming, later', async () => {
    const jot = (title: string, dueDate?: string) =>
      as(manager)('POST', '/today/items', { title, ...(dueDate ? { dueDate } : {}) });
    await jot('Renew CLIA certificate', '2027-04-30');
    await jot('Order flu vaccine', '2027-05-03');
    await jot('Plan staff meeting', '2027-05-10');
    await jot('Review payer contracts', '2027-07-01');
    await jot('Tidy the supply closet');
    const v = (await as(manager)('GET', '/today')).body;
    expect(titles(v.overdue)).toEqual(['Renew CLIA certificate']);
    expect(titles(v.today)).toEqual(['Order flu vaccine']);
    expect(titles(v.upcoming)).toEqual(['Plan staff meeting', 'Tidy the supply closet']);
    expect(v.later).toBe(1);
    // Nobody else has them.
    expect(titles((await as(w.staff)('GET', '/today')).body.upcoming)).not.toContain('Plan staff meeting');
  });

  it('are done, searched among the done and reopened; a stale version is refused', async () => {
    const item = (await as(w.staff)('GET', '/today')).body.today.find(
      (i: { title: string }) => i.title === 'Fax records to Dr. Patel',
    );
    const commented = await as(w.staff)('POST', `/today/items/${item.id}/actions`, {
      action: 'comment',
      text: 'Sent 12 pages',
      version: item.version,
    });
    expect(commented.body.comments).toEqual([
      expect.objectContaining({ by: 'Sue Staff', text: 'Sent 12 pages' }),
    ]);
    const stale = await as(w.staff)('POST', `/today/items/${item.id}/actions`, {
      action: 'done',
      version: item.version,
    });
    expect(stale.status).toBe(409);
    const done = await as(w.staff)('POST', `/today/items/${item.id}/actions`, {
      action: 'done',
      version: commented.body.version,
    });
    expect(done.body).toMatchObject({ status: 'done', doneByName: 'Sue Staff' });
    expect(titles((await as(w.staff)('GET', '/today')).body.today)).not.toContain('Fax records to Dr. Patel');
    expect(titles((await as(manager)('GET', '/today')).body.waiting)).not.toContain(
      'Fax records to Dr. Patel',
    );

    const found = (await as(manager)('GET', '/today/done?q=patel')).body.items;
    expect(titles(found)).toEqual(['Fax records to Dr. Patel']);
    expect((await as(manager)('GET', '/today/done?q=nothing-like-it')).body.items).toEqual([]);

    const reopened = await as(manager)('POST', `/today/items/${item.id}/actions`, {
      action: 'reopen',
      version: done.body.version,
    });
    expect(reopened.body.status).toBe('open');
    expect(titles((await as(w.staff)('GET', '/today')).body.today)).toContain('Fax records to Dr. Patel');
  });

  it('snooze to a later day only, and leave the sections until then', async () => {
    const item = (await as(manager)('GET', '/today')).body.today.find(
      (i: { title: string }) => i.title === 'Order flu vaccine',
    );
    const today = await as(manager)('POST', `/today/items/${item.id}/actions`, {
      action: 'snooze',
      until: '2027-05-03',
      version: item.version,
    });
    expect(today.status).toBe(400);
    expect(today.body.error.details).toEqual([{ path: 'until', message: 'Choose a date after today' }]);
    await as(manager)('POST', `/today/items/${item.id}/actions`, {
      action: 'snooze',
      until: '2027-05-05',
      version: item.version,
    });
    const v = (await as(manager)('GET', '/today')).body;
    expect(titles(v.today)).not.toContain('Order flu vaccine');
    expect(v.snoozed).toBe(1);
  });

  it('reassign to an active teammate only; other roles may comment but not close what is not theirs', async () => {
    const item = (await as(manager)('GET', '/today')).body.overdue[0];
    const nobody = await as(manager)('POST', `/today/items/${item.id}/actions`, {
      action: 'reassign',
      assignee: { userId: 'no-such-user' },
      version: item.version,
    });
    expect(nobody.status).toBe(400);
    const toBill = await as(manager)('POST', `/today/items/${item.id}/actions`, {
      action: 'reassign',
      assignee: { userId: billing.userId },
      version: item.version,
    });
    expect(toBill.body).toMatchObject({ assigneeUserId: billing.userId, assigneeName: 'Bill Payne' });
    expect(titles((await as(billing)('GET', '/today')).body.overdue)).toEqual(['Renew CLIA certificate']);
    const staffItem = (await as(w.staff)('GET', '/today')).body.today[0];
    const refused = await as(billing)('POST', `/today/items/${staffItem.id}/actions`, {
      action: 'done',
      version: staffItem.version,
    });
    expect(refused.status).toBe(403);
    const everyone = await as(billing)('GET', '/today?scope=everyone');
    expect(everyone.status).toBe(403);
    const all = (await as(manager)('GET', '/today?scope=everyone')).body;
    expect(titles(all.today)).toContain('Fax records to Dr. Patel');
  });

  it('refuses an empty title with a message in words', async () => {
    const res = await as(manager)('POST', '/today/items', { title: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'title', message: 'Required' }]);
  });
});

describe('items from scheduling', () => {
  it('an overdue recall is the front desk’s until the patient is booked', async () => {
    const recall = await w.post('/scheduling/recalls', {
      patientId: w.patient.id,
      reason: 'Annual physical',
      dueDate: '2027-04-26',
    });
    const overdue = (await as(w.staff)('GET', '/today')).body.overdue;
    const item = overdue.find((i: { kind: string }) => i.kind === 'recall');
    expect(item).toMatchObject({
      title: 'Recall Ada Lovelace: Annual physical',
      source: 'scheduling',
      link: '/app/schedule/waitlist?tab=recalls',
      dueDate: '2027-04-26',
    });

    const booked = await as(w.staff)('POST', '/scheduling/appointments', w.booking('2027-05-04', '09:00'));
    expect(booked.status).toBe(201);
    const after = (await as(w.staff)('GET', '/today')).body;
    expect(after.overdue.find((i: { kind: string }) => i.kind === 'recall')).toBeUndefined();
    const recalls = (await as(w.staff)('GET', '/scheduling/recalls')).body.items;
    expect(recalls.find((r: { id: string }) => r.id === recall.id)).toBeUndefined();
    const done = (await as(w.staff)('GET', '/today/done?q=annual')).body.items;
    expect(done).toEqual([expect.objectContaining({ kind: 'recall', doneByName: 'Sue Staff' })]);
  });

  it('the day before, tomorrow’s patients without a recent eligibility check become one item per location', async () => {
    // Ada is booked for 2027-05-04 (the recall test) and was never verified.
    clock.set(Date.parse('2027-05-03T19:30:00Z')); // 12:30 in Los Angeles, the practice's zone: not yet
    expect((await raiseEligibilityChecks({ ...w.t.platform, clock })).raised).toBe(0);
    clock.set(Date.parse('2027-05-03T20:30:00Z')); // 13:30
    expect((await raiseEligibilityChecks({ ...w.t.platform, clock })).raised).toBe(1);
    expect((await raiseEligibilityChecks({ ...w.t.platform, clock })).raised).toBe(0);
    const today = (await as(w.staff)('GET', '/today')).body.today;
    expect(today.find((i: { kind: string }) => i.kind === 'eligibility')).toMatchObject({
      title: 'Verify insurance for 1 patient coming tomorrow at Main Office',
      detail: 'Ada Lovelace (never)',
      link: `/app/schedule?location=${w.location.id}&date=2027-05-04`,
    });
    clock.set(Date.parse('2027-05-03T14:00:00Z'));
  });

  it('a cancelled time that waitlist patients fit becomes an offer for the front desk', async () => {
    const visit = (await as(w.staff)('POST', '/scheduling/appointments', w.booking('2027-05-06', '11:00')))
      .body;
    const dana = await w.post('/scheduling/patients', {
      firstName: 'Dana',
      lastName: 'Brooks',
      dateOfBirth: '1990-04-02',
      preferredContact: 'phone',
      phone: '(212) 555-0111',
    });
    await w.post('/scheduling/waitlist', {
      patientId: dana.id,
      locationId: w.location.id,
      typeId: w.type.id,
      earliestDate: '2027-05-04',
      latestDate: '2027-05-20',
    });
    const cancelled = await as(w.staff)('POST', `/scheduling/appointments/${visit.id}/cancel`, {
      by: 'patient',
      version: visit.version,
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const upcoming = (await as(w.staff)('GET', '/today')).body.upcoming;
    expect(upcoming.find((i: { kind: string }) => i.kind === 'waitlist_offer')).toMatchObject({
      title: 'Offer Thu, May 6, 2027 at 11:00 AM with Dr. Grace Hopper to Dana Brooks',
      priority: 'high',
    });
    // Once the freed time has passed, the offer is gone.
    clock.set(Date.parse('2027-05-06T16:00:00Z'));
    const later = (await as(w.staff)('GET', '/today')).body;
    expect(
      [...later.overdue, ...later.today].find((i: { kind: string }) => i.kind === 'waitlist_offer'),
    ).toBeUndefined();
    clock.set(Date.parse('2027-05-03T14:00:00Z'));
  });
});
