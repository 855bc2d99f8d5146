import { beforeAll, describe, expect, it } from 'vitest';
import { closeLeaversLogins } from '../../functions/jobs/offboarding-logins.ts';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  createTestApp,
  PASSWORD,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * Offboarding closes the Rounds login once the person's last day has passed: from 01:00 in the
 * practice's time zone (Los Angeles here) the day after, once, audited; someone whose last day is
 * today keeps their login, and an owner is never deactivated by the job.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let luis: Session;
let ava: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

async function personWithLastDay(s: Session, first: string, lastDay: string) {
  const added = await as(owner)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Leaver',
    jobTitle: 'Front desk',
    staffRole: 'front_desk',
    userId: s.userId,
    locationIds: [ids.location],
    hireDate: '2025-03-03',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const ended = await as(owner)('POST', `/hr/staff/${added.body.id}/end`, {
    endDate: lastDay,
    reason: 'Moved away',
    version: added.body.version,
  });
  expect(ended.status, JSON.stringify(ended.body)).toBe(200);
}

const run = (iso: string) => {
  clock.set(Date.parse(iso));
  return closeLeaversLogins({ ...t.platform, clock });
};
const statusOf = async (userId: string) =>
  ((await as(owner)('GET', '/team')).body.items as { id: string; status: string }[]).find(
    (u) => u.id === userId,
  )?.status;

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T18:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Offboarding Practice');
  luis = await addMember(t, owner, 'staff', 'Luis Leaver');
  ava = await addMember(t, owner, 'staff', 'Ava Leaver');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  await personWithLastDay(luis, 'Luis', '2027-01-04');
  await personWithLastDay(ava, 'Ava', '2027-01-05');
});

describe('the offboarding job', () => {
  it('closes the login from 01:00 the day after the last day, once, and says why in the audit log', async () => {
    // 00:30 on 2027-01-05 in Los Angeles: not yet.
    expect((await run('2027-01-05T08:30:00Z')).deactivated).toBe(0);
    expect(await statusOf(luis.userId)).toBe('active');
    // 02:00: Luis's last day (01-04) has passed; Ava's (today) has not.
    expect((await run('2027-01-05T10:00:00Z')).deactivated).toBe(1);
    expect((await run('2027-01-05T11:00:00Z')).deactivated).toBe(0);
    expect(await statusOf(luis.userId)).toBe('deactivated');
    expect(await statusOf(ava.userId)).toBe('active');
    const login = await t.call('POST', '/api/auth/login', {
      json: { email: luis.email, password: PASSWORD },
    });
    expect(login.status).toBeGreaterThanOrEqual(400);
    const audit = await as(owner)('GET', '/audit?limit=20');
    expect(JSON.stringify(audit.body)).toContain('Deactivated Luis Leaver: their last day was 2027-01-04');
  });

  it('the next day closes Ava’s; the owner, even with a last day on record, keeps the practice', async () => {
    const ownerRecord = await as(owner)('POST', '/hr/staff', {
      firstName: 'Olivia',
      lastName: 'Owner',
      jobTitle: 'Physician owner',
      staffRole: 'provider',
      userId: owner.userId,
      locationIds: [ids.location],
      hireDate: '2020-01-06',
      employmentType: 'full_time',
      fte: 1,
      credentials: [],
    });
    await as(owner)('POST', `/hr/staff/${ownerRecord.body.id}/end`, {
      endDate: '2027-01-05',
      version: ownerRecord.body.version,
    });
    expect((await run('2027-01-06T10:00:00Z')).deactivated).toBe(1);
    expect(await statusOf(ava.userId)).toBe('deactivated');
    expect(await statusOf(owner.userId)).toBe('active');
  });
});
