import { beforeAll, describe, expect, it } from 'vitest';
import { seedHrMeetings } from '../../functions/local/seed-hr-meetings.ts';
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
 * Staff meetings through the API on DynamoDB Local: scheduling, upcoming and past (paged), agenda
 * topics from anyone, attendance from the directory, minutes, action items raised in their owner's
 * Today and closed when done, open action items carried onto later meetings, and who may do what.
 *
 * The clock stands on Monday 2027-01-04, 07:00 in Los Angeles (the practice's time zone). Meeting A
 * was on 2026-12-28 (past); B is on 2027-01-11 and C on 2027-01-25 (upcoming).
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let dana: Session;
let sam: Session;
let billing: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const todayItems = async (s: Session) => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string; dueDate?: string }[];
};

async function addPerson(first: string, userId: string | undefined) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Desk',
    jobTitle: 'Front desk',
    staffRole: 'front_desk',
    ...(userId ? { userId } : {}),
    locationIds: [ids.location],
    hireDate: '2026-06-01',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function schedule(title: string, date: string, time: string) {
  const res = await as(manager)('POST', '/hr/meetings', { title, date, time, location: 'Break room' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Meetings Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  dana = await addMember(t, owner, 'staff', 'Dana Desk');
  sam = await addMember(t, owner, 'staff', 'Sam Desk');
  billing = await addMember(t, owner, 'billing', 'Bo Billing');
  other = await signUpPractice(t, 'Other Meetings Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.dana = await addPerson('Dana', dana.userId);
  ids.sam = await addPerson('Sam', sam.userId);
  ids.noLogin = await addPerson('Nell', undefined);
  ids.a = (await schedule('December staff meeting', '2026-12-28', '12:00')).id;
  ids.b = (await schedule('January staff meeting', '2027-01-11', '12:00')).id;
  ids.c = (await schedule('Late January staff meeting', '2027-01-25', '08:30')).id;
});

describe('meetings', () => {
  it('lists upcoming soonest first and past latest first, paged', async () => {
    const up = await as(dana)('GET', '/hr/meetings?limit=1');
    expect(up.status).toBe(200);
    expect(up.body.items.map((m: { id: string }) => m.id)).toEqual([ids.b]);
    expect(up.body.nextCursor).toBeTruthy();
    const next = await as(dana)(
      'GET',
      `/hr/meetings?limit=1&cursor=${encodeURIComponent(up.body.nextCursor)}`,
    );
    expect(next.body.items.map((m: { id: string }) => m.id)).toEqual([ids.c]);
    const past = await as(dana)('GET', '/hr/meetings?when=past');
    expect(past.body.items.map((m: { id: string }) => m.id)).toEqual([ids.a]);
    expect(past.body.nextCursor).toBeNull();
  });

  it('only owners and managers schedule, take attendance and write minutes', async () => {
    expect(
      (await as(dana)('POST', '/hr/meetings', { title: 'X', date: '2027-02-01', time: '12:00' })).status,
    ).toBe(403);
    const m = (await as(dana)('GET', `/hr/meetings/${ids.a}`)).body;
    expect(
      (await as(dana)('PUT', `/hr/meetings/${ids.a}`, { ...pick(m), attendeeIds: [], version: m.version }))
        .status,
    ).toBe(403);
  });

  it('takes attendance from the directory and keeps the minutes', async () => {
    const m = (await as(manager)('GET', `/hr/meetings/${ids.a}`)).body;
    const bad = await as(manager)('PUT', `/hr/meetings/${ids.a}`, {
      ...pick(m),
      attendeeIds: [ids.dana, 'nobody-here'],
      version: m.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'attendeeIds.1', message: 'Choose people from the staff directory' },
    ]);
    const res = await as(manager)('PUT', `/hr/meetings/${ids.a}`, {
      ...pick(m),
      attendeeIds: [ids.dana, ids.sam],
      minutes: 'Flu season plan agreed.',
      version: m.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.attendees).toEqual([
      { staffId: ids.dana, name: 'Dana Desk' },
      { staffId: ids.sam, name: 'Sam Desk' },
    ]);
    expect(res.body.minutes).toBe('Flu season plan agreed.');
    expect(res.body.version).toBe(2);
    // The version read is stale now.
    const stale = await as(manager)('PUT', `/hr/meetings/${ids.a}`, {
      ...pick(m),
      attendeeIds: [],
      version: m.version,
    });
    expect(stale.status).toBe(409);
  });

  it('lets anyone in the practice add an agenda topic, with who added it', async () => {
    const res = await as(dana)('POST', `/hr/meetings/${ids.b}/topics`, { title: 'Parking for staff' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(
      res.body.topics.map((x: { title: string; addedByName: string }) => [x.title, x.addedByName]),
    ).toEqual([['Parking for staff', 'Dana Desk']]);
    const empty = await as(dana)('POST', `/hr/meetings/${ids.b}/topics`, { title: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0]).toEqual({
      path: 'title',
      message: 'Say what you want to talk about',
    });
  });
});

describe('action items', () => {
  it('are raised in the owner’s Today in the same write (a person or a role)', async () => {
    const noLogin = await as(manager)('POST', `/hr/meetings/${ids.a}/actions`, {
      title: 'Order masks',
      owner: { staffId: ids.noLogin },
      dueDate: '2027-01-08',
    });
    expect(noLogin.status).toBe(400);
    expect(noLogin.body.error.details[0].message).toBe(
      'Nell Desk has no Rounds login: choose a role instead',
    );
    expect(
      (
        await as(dana)('POST', `/hr/meetings/${ids.a}/actions`, {
          title: 'X',
          owner: { role: 'staff' },
          dueDate: '2027-01-08',
        })
      ).status,
    ).toBe(403);

    const one = await as(manager)('POST', `/hr/meetings/${ids.a}/actions`, {
      title: 'Order flu vaccine stock',
      owner: { staffId: ids.dana },
      dueDate: '2027-01-08',
    });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    const two = await as(manager)('POST', `/hr/meetings/${ids.a}/actions`, {
      title: 'Send December statements',
      owner: { role: 'billing' },
      dueDate: '2027-01-02',
    });
    expect(two.status).toBe(201);
    expect(
      two.body.actions.map((a: { title: string; ownerName: string; status: string }) => [
        a.title,
        a.ownerName,
        a.status,
      ]),
    ).toEqual([
      ['Send December statements', 'Billing', 'open'],
      ['Order flu vaccine stock', 'Dana Desk', 'open'],
    ]);
    ids.danaAction = two.body.actions[1].id;
    ids.billingAction = two.body.actions[0].id;

    const danaItems = await todayItems(dana);
    expect(danaItems.filter((i) => i.kind === 'meeting_action').map((i) => [i.title, i.dueDate])).toEqual([
      ['Order flu vaccine stock', '2027-01-08'],
    ]);
    const billingItems = await todayItems(billing);
    expect(billingItems.filter((i) => i.kind === 'meeting_action').map((i) => i.title)).toEqual([
      'Send December statements',
    ]);
    // Sam holds neither.
    expect((await todayItems(sam)).filter((i) => i.kind === 'meeting_action')).toEqual([]);
  });

  it('open ones are carried onto every later meeting’s agenda', async () => {
    const b = (await as(sam)('GET', `/hr/meetings/${ids.b}`)).body;
    expect(b.carried.map((a: { title: string; meetingDate: string }) => [a.title, a.meetingDate])).toEqual([
      ['Send December statements', '2026-12-28'],
      ['Order flu vaccine stock', '2026-12-28'],
    ]);
    expect(b.actions).toEqual([]);
    // The meeting they were raised in does not carry its own.
    expect((await as(sam)('GET', `/hr/meetings/${ids.a}`)).body.carried).toEqual([]);
  });

  it('are marked done by their owner or a manager, closing the Today item', async () => {
    const notHers = await as(sam)('POST', `/hr/meetings/actions/${ids.danaAction}/done`, {
      meetingId: ids.a,
      version: 1,
    });
    expect(notHers.status).toBe(403);
    const done = await as(dana)('POST', `/hr/meetings/actions/${ids.danaAction}/done`, {
      meetingId: ids.a,
      version: 1,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneByName: 'Dana Desk', version: 2 });
    expect((await todayItems(dana)).filter((i) => i.kind === 'meeting_action')).toEqual([]);
    // A role's item is done by anyone holding the role.
    const billed = await as(billing)('POST', `/hr/meetings/actions/${ids.billingAction}/done`, {
      meetingId: ids.a,
      version: 1,
    });
    expect(billed.status).toBe(200);
    // Done before the January meeting: nothing is carried now.
    expect((await as(sam)('GET', `/hr/meetings/${ids.c}`)).body.carried).toEqual([]);
  });
});

describe('another practice', () => {
  it('gets 404 for every meeting of this one', async () => {
    expect((await as(other)('GET', `/hr/meetings/${ids.a}`)).status).toBe(404);
    expect((await as(other)('POST', `/hr/meetings/${ids.a}/topics`, { title: 'Hello' })).status).toBe(404);
    expect(
      (
        await as(other)('POST', `/hr/meetings/${ids.a}/actions`, {
          title: 'X',
          owner: { role: 'staff' },
          dueDate: '2027-01-08',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await as(other)('POST', `/hr/meetings/actions/${ids.billingAction}/done`, {
          meetingId: ids.a,
          version: 2,
        })
      ).status,
    ).toBe(404);
    expect((await as(other)('GET', '/hr/meetings?when=past')).body.items).toEqual([]);
  });
});

describe('the demo seed', () => {
  it('gives a past meeting with minutes and two open items (one overdue), the next with its agenda, and an opening with three candidates', async () => {
    const boss = await signUpPractice(t, 'Seeded Practice');
    const mgr = await addMember(t, boss, 'manager', 'Maria Lopez');
    const desk = await addMember(t, boss, 'staff', 'Fran Desk');
    const location = (await as(boss)('POST', '/locations', LOCATION)).body.id;
    const deskStaff = await as(mgr)('POST', '/hr/staff', {
      firstName: 'Fran',
      lastName: 'Desk',
      jobTitle: 'Front desk',
      staffRole: 'front_desk',
      userId: desk.userId,
      locationIds: [location],
      hireDate: '2026-06-01',
      employmentType: 'full_time',
      fte: 1,
      credentials: [],
    });
    const manager = { userId: mgr.userId, name: 'Maria Lopez', email: mgr.email, role: 'manager' as const };
    const fran = {
      userId: desk.userId,
      name: 'Fran Desk',
      email: 'frontdesk@maplestreet.example',
      role: 'staff' as const,
    };
    await seedHrMeetings(
      t.platform,
      { tenantId: boss.tenantId },
      manager,
      [manager, fran],
      new Map([['frontdesk@maplestreet.example', deskStaff.body.id]]),
      { main: location },
      'America/Los_Angeles',
    );
    const past = (await as(desk)('GET', '/hr/meetings?when=past')).body.items;
    expect(past.map((m: { date: string }) => m.date)).toEqual(['2026-12-21']);
    const last = (await as(desk)('GET', `/hr/meetings/${past[0].id}`)).body;
    expect(last.minutes).toContain('Flu clinic');
    expect(last.attendees.map((a: { name: string }) => a.name)).toEqual(['Fran Desk']);
    expect(
      last.actions.map((a: { ownerName: string; dueDate: string; status: string }) => [
        a.ownerName,
        a.dueDate,
        a.status,
      ]),
    ).toEqual([
      ['Fran Desk', '2027-01-01', 'open'],
      ['Practice manager', '2027-01-11', 'open'],
    ]);
    const upcoming = (await as(desk)('GET', '/hr/meetings')).body.items;
    const next = (await as(desk)('GET', `/hr/meetings/${upcoming[0].id}`)).body;
    expect(next.date).toBe('2027-01-18');
    expect(next.topics.map((x: { addedByName: string }) => x.addedByName)).toEqual([
      'Fran Desk',
      'Maria Lopez',
    ]);
    expect(next.carried).toHaveLength(2);
    expect((await todayItems(desk)).filter((i) => i.kind === 'meeting_action').map((i) => i.dueDate)).toEqual(
      ['2027-01-01'],
    );
    const openings = (await as(mgr)('GET', '/hr/openings')).body.items;
    expect(openings.map((o: { title: string; locationId: string }) => [o.title, o.locationId])).toEqual([
      ['Medical assistant', location],
    ]);
    const candidates = (await as(mgr)('GET', `/hr/openings/${openings[0].id}/candidates`)).body.items;
    expect(candidates.map((c: { name: string; stage: string }) => [c.name, c.stage])).toEqual([
      ['Jordan Ellis', 'applied'],
      ['Priya Shah', 'phone_screen'],
      ['Marcus Green', 'interview'],
    ]);
  });
});

function pick(m: { title: string; date: string; time: string; location?: string }) {
  return { title: m.title, date: m.date, time: m.time, ...(m.location ? { location: m.location } : {}) };
}
