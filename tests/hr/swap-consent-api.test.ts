import { beforeAll, describe, expect, it } from 'vitest';
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
 * The practice setting "colleague must accept a swap before a manager decides", through the API on
 * DynamoDB Local: off by default; on, a request waits for the colleague (their Today item), managers
 * cannot approve it yet (409), accepting hands it to the managers, declining ends it with a note for
 * the person. A colleague without a login cannot answer, so managers decide as without the setting.
 * The clock stands on Monday 2027-01-04 (07:00 in Los Angeles).
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let luis: Session;
let ava: Session;
let kim: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const todayItems = async (s: Session) => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string; detail?: string }[];
};

async function addPerson(first: string, userId: string | undefined) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Swap',
    jobTitle: 'Medical assistant',
    staffRole: 'medical_assistant',
    ...(userId ? { userId } : {}),
    locationIds: [ids.main],
    hireDate: '2025-01-06',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function addShift(staffId: string, date: string) {
  const res = await as(manager)('POST', '/hr/shifts', {
    staffId,
    locationId: ids.main,
    date,
    start: '08:00',
    end: '12:00',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Consent Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  luis = await addMember(t, owner, 'staff', 'Luis Swap');
  ava = await addMember(t, owner, 'staff', 'Ava Swap');
  kim = await addMember(t, owner, 'staff', 'Kim Swap');
  other = await signUpPractice(t, 'Other Consent Practice');
  ids.main = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.luis = await addPerson('Luis', luis.userId);
  ids.ava = await addPerson('Ava', ava.userId);
  ids.kim = await addPerson('Kim', kim.userId);
  ids.lee = await addPerson('Lee', undefined);
  ids.tuesday = await addShift(ids.luis, '2027-01-05');
  ids.wednesday = await addShift(ids.luis, '2027-01-06');
  ids.thursday = await addShift(ids.luis, '2027-01-07');
});

describe('the setting', () => {
  it('is off until an owner or manager turns it on, at the version read', async () => {
    expect((await as(luis)('GET', '/hr/swap-settings')).body).toEqual({
      colleagueAccepts: false,
      version: 0,
    });
    expect((await as(luis)('PUT', '/hr/swap-settings', { colleagueAccepts: true, version: 0 })).status).toBe(
      403,
    );
    const on = await as(manager)('PUT', '/hr/swap-settings', { colleagueAccepts: true, version: 0 });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body).toEqual({ colleagueAccepts: true, version: 1 });
    expect(
      (await as(owner)('PUT', '/hr/swap-settings', { colleagueAccepts: false, version: 0 })).status,
    ).toBe(409);
    expect((await as(other)('GET', '/hr/swap-settings')).body.colleagueAccepts).toBe(false);
  });
});

describe('with the setting on', () => {
  it('asks the colleague first, not the managers', async () => {
    const res = await as(luis)('POST', `/hr/shifts/${ids.tuesday}/swap`, {
      toStaffId: ids.ava,
      note: 'Dentist',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'awaiting_colleague', version: 1 });
    ids.request = res.body.id;
    expect(await todayItems(ava)).toContainEqual(
      expect.objectContaining({
        kind: 'swap_ask',
        title: 'Luis Swap asks you to take their shift on Tue, Jan 5, 2027 at 8:00 AM–12:00 PM',
        detail: '“Dentist”',
      }),
    );
    expect((await todayItems(manager)).filter((i) => i.kind === 'swap_request')).toEqual([]);
    // Still waiting: the pending list shows it.
    const list = await as(manager)('GET', '/hr/swap-requests');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([ids.request]);
  });

  it('refuses a manager’s decision while the colleague has not accepted', async () => {
    const res = await as(manager)('POST', `/hr/swap-requests/${ids.request}/decision`, {
      decision: 'approve',
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      'Ava Swap has not accepted the swap yet: a manager decides once they do (or Luis Swap withdraws it)',
    );
  });

  it('lets only the colleague answer', async () => {
    const path = `/hr/swap-requests/${ids.request}/answer`;
    expect((await as(kim)('POST', path, { answer: 'accept', version: 1 })).status).toBe(404);
    expect((await as(other)('POST', path, { answer: 'accept', version: 1 })).status).toBe(404);
    const byLuis = await as(luis)('POST', path, { answer: 'accept', version: 1 });
    expect(byLuis.status).toBe(403);
    expect(byLuis.body.error.message).toBe('Only Ava Swap answers this request');
    expect((await as(ava)('POST', path, { answer: 'maybe', version: 1 })).status).toBe(400);
  });

  it('accepting hands it to the managers, who then approve', async () => {
    const res = await as(ava)('POST', `/hr/swap-requests/${ids.request}/answer`, {
      answer: 'accept',
      version: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', version: 2 });
    expect(res.body.acceptedAt).toBeTruthy();
    expect((await todayItems(ava)).filter((i) => i.kind === 'swap_ask')).toEqual([]);
    expect((await todayItems(manager)).map((i) => i.title)).toContain(
      'Luis Swap asks to hand their shift on Tue, Jan 5, 2027 at 8:00 AM–12:00 PM to Ava Swap',
    );
    const again = await as(ava)('POST', `/hr/swap-requests/${ids.request}/answer`, {
      answer: 'decline',
      version: 2,
    });
    expect(again.status).toBe(409);
    const approved = await as(manager)('POST', `/hr/swap-requests/${ids.request}/decision`, {
      decision: 'approve',
      version: 2,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
  });

  it('declining ends it with a note for the person, and frees the shift to be asked again', async () => {
    const asked = await as(luis)('POST', `/hr/shifts/${ids.wednesday}/swap`, { toStaffId: ids.ava });
    expect(asked.status).toBe(201);
    const res = await as(ava)('POST', `/hr/swap-requests/${asked.body.id}/answer`, {
      answer: 'decline',
      note: 'I have class that morning',
      version: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'declined',
      decidedBy: 'Ava Swap',
      decisionNote: 'I have class that morning',
    });
    expect(await todayItems(luis)).toContainEqual(
      expect.objectContaining({
        kind: 'swap_outcome',
        title: 'Ava Swap cannot take your shift on Wed, Jan 6, 2027 at 8:00 AM–12:00 PM',
        detail: 'I have class that morning',
      }),
    );
    expect((await todayItems(ava)).filter((i) => i.kind === 'swap_ask')).toEqual([]);
    const again = await as(luis)('POST', `/hr/shifts/${ids.wednesday}/swap`, { toStaffId: ids.kim });
    expect(again.status).toBe(201);
    ids.kimRequest = again.body.id;
  });

  it('withdrawing while the colleague has not answered closes their item', async () => {
    expect((await todayItems(kim)).filter((i) => i.kind === 'swap_ask')).toHaveLength(1);
    const res = await as(luis)('POST', `/hr/swap-requests/${ids.kimRequest}/cancel`, { version: 1 });
    expect(res.status).toBe(200);
    expect((await todayItems(kim)).filter((i) => i.kind === 'swap_ask')).toEqual([]);
  });

  it('sends a request naming a colleague with no login straight to the managers', async () => {
    const res = await as(luis)('POST', `/hr/shifts/${ids.thursday}/swap`, { toStaffId: ids.lee });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('pending');
  });
});
