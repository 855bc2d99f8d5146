import { beforeAll, describe, expect, it } from 'vitest';
import { runDueAlerts } from '../../functions/platform/due/due-runner.ts';
import { LOCATION } from '../security/modules/tenants.ts';
import {
  addMember,
  createTestApp,
  logIn,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

/**
 * The staff directory through the API on DynamoDB Local: who may keep it, what each role is sent
 * (pay and emergency contacts to owners and managers only), validation in words, sorting and
 * paging, another practice's people as 404s, and license expiries as alerts for the managers.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let desk: Session;
let provider: Session;
let biller: Session;
let other: Session;
let locationId: string;

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

const person = (over: Record<string, unknown> = {}) => ({
  firstName: 'Sam',
  lastName: 'Rivera',
  jobTitle: 'Medical assistant',
  staffRole: 'medical_assistant',
  locationIds: [locationId],
  hireDate: '2024-02-05',
  employmentType: 'full_time',
  fte: 1,
  credentials: [],
  pay: { type: 'hourly', rateCents: 2150 },
  emergencyContact: { name: 'Ana Rivera', relationship: 'Sister', phone: '(555) 010-2020' },
  ...over,
});

async function add(over: Record<string, unknown> = {}) {
  const res = await as(manager)('POST', '/hr/staff', person(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; name: string };
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Directory Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  provider = await addMember(t, owner, 'provider', 'Dr. Pat Provider');
  biller = await addMember(t, owner, 'billing', 'Bea Biller');
  other = await signUpPractice(t, 'Other Directory Practice');
  const loc = await as(owner)('POST', '/locations', LOCATION);
  expect(loc.status).toBe(201);
  locationId = loc.body.id;
});

describe('who sees what', () => {
  it('owners and managers are sent pay and the emergency contact; staff, providers and billing never are', async () => {
    const sam = await add({ userId: desk.userId });
    for (const admin of [owner, manager]) {
      const one = await as(admin)('GET', `/hr/staff/${sam.id}`);
      expect(one.body.pay).toEqual({ type: 'hourly', rateCents: 2150 });
      expect(one.body.emergencyContact.name).toBe('Ana Rivera');
    }
    for (const viewer of [desk, provider, biller]) {
      const one = await as(viewer)('GET', `/hr/staff/${sam.id}`);
      expect(one.status).toBe(200);
      expect(one.body.name).toBe('Sam Rivera');
      const list = await as(viewer)('GET', '/hr/staff?limit=100');
      for (const body of [one.body, list.body]) {
        const text = JSON.stringify(body);
        expect(text).not.toContain('rateCents');
        expect(text).not.toContain('Ana Rivera');
        expect(text).not.toContain('emergencyContact');
      }
    }
  });

  it('only owners and managers add, change or end a record', async () => {
    for (const s of [desk, provider, biller]) {
      expect((await as(s)('POST', '/hr/staff', person({ firstName: 'Nope' }))).status).toBe(403);
    }
    const count = (await as(owner)('GET', '/hr/staff?limit=100')).body.items.length;
    expect(count).toBe(1);
  });

  it("another practice's person is a 404, and its directory is its own", async () => {
    const sam = (await as(owner)('GET', '/hr/staff')).body.items[0];
    expect((await as(other)('GET', `/hr/staff/${sam.id}`)).status).toBe(404);
    expect((await as(other)('PUT', `/hr/staff/${sam.id}`, { ...person(), version: 1 })).status).toBe(404);
    expect((await as(other)('GET', '/hr/staff')).body.items).toEqual([]);
  });
});

describe('validation', () => {
  it('says what is wrong, field by field, and writes nothing', async () => {
    const res = await as(manager)(
      'POST',
      '/hr/staff',
      person({ firstName: ' ', fte: 1.5, staffRole: 'wizard' }),
    );
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(
      res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(byPath.firstName).toBe('Enter a first name');
    expect(byPath.fte).toBe('FTE is from 0.05 to 1');
    expect(byPath.staffRole).toBe('Choose what the person does');
  });

  it('refuses a location, manager or login that is not the practice’s', async () => {
    const res = await as(manager)(
      'POST',
      '/hr/staff',
      person({ locationIds: ['nope123'], managerId: 'nobody1', userId: other.userId }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'locationIds.0', message: 'That location does not exist' },
        { path: 'managerId', message: 'Choose a current member of staff' },
        { path: 'userId', message: 'Choose an active member of the team' },
      ]),
    );
  });

  it('links a login to one person only', async () => {
    const res = await as(manager)('POST', '/hr/staff', person({ firstName: 'Twin', userId: desk.userId }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already belongs to another person/);
  });

  it('changes a record only at the version read', async () => {
    const p = await add({ firstName: 'Vera', lastName: 'Version' });
    const first = await as(manager)('PUT', `/hr/staff/${p.id}`, {
      ...person({ firstName: 'Vera', lastName: 'Version', jobTitle: 'Lead MA' }),
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ jobTitle: 'Lead MA', version: 2 });
    const stale = await as(manager)('PUT', `/hr/staff/${p.id}`, { ...person(), version: 1 });
    expect(stale.status).toBe(409);
  });
});

describe('the list', () => {
  it('sorts, pages and filters; a cursor from another order is refused', async () => {
    await add({
      firstName: 'Alma',
      lastName: 'Zuniga',
      hireDate: '2019-05-01',
      staffRole: 'front_desk',
      jobTitle: 'Receptionist',
    });
    await add({
      firstName: 'Ben',
      lastName: 'Abbott',
      hireDate: '2025-09-15',
      staffRole: 'nurse',
      jobTitle: 'RN',
    });
    const byName = (await as(desk)('GET', '/hr/staff?limit=100')).body.items.map(
      (s: { lastName: string }) => s.lastName,
    );
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    expect(byName[0]).toBe('Abbott');

    const page1 = await as(desk)('GET', '/hr/staff?sort=hireDate&dir=desc&limit=2');
    expect(page1.body.items.map((s: { hireDate: string }) => s.hireDate)).toEqual([
      '2025-09-15',
      '2024-02-05',
    ]);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await as(desk)(
      'GET',
      `/hr/staff?sort=hireDate&dir=desc&limit=2&cursor=${page1.body.nextCursor}`,
    );
    const all = (await as(desk)('GET', '/hr/staff?sort=hireDate&dir=desc&limit=100')).body.items;
    expect(page2.body.items.map((s: { id: string }) => s.id)).toEqual(
      all.slice(2, 4).map((s: { id: string }) => s.id),
    );
    const wrong = await as(desk)('GET', `/hr/staff?sort=name&limit=2&cursor=${page1.body.nextCursor}`);
    expect(wrong.status).toBe(400);

    const nurses = (await as(desk)('GET', '/hr/staff?staffRole=nurse')).body.items;
    expect(nurses.map((s: { name: string }) => s.name)).toEqual(['Ben Abbott']);
    const found = (await as(desk)('GET', '/hr/staff?q=recep')).body.items;
    expect(found.map((s: { name: string }) => s.name)).toEqual(['Alma Zuniga']);
  });
});

describe('licenses and last days', () => {
  it('alerts the managers 90 days before a license expires; a last day stops the alerts', async () => {
    const nurse = await add({
      firstName: 'Lena',
      lastName: 'License',
      staffRole: 'nurse',
      jobTitle: 'RN',
      credentials: [{ name: 'RN license', number: 'RN-77', expiresOn: '2027-06-30' }],
    });
    // 90 days before 2027-06-30 is 2027-04-01; 08:00 in Los Angeles is 15:00 UTC then.
    clock.set(Date.parse('2027-04-01T14:00:00Z'));
    await runDueAlerts({ ...t.platform, clock });
    clock.set(Date.parse('2027-04-01T16:00:00Z'));
    await runDueAlerts({ ...t.platform, clock });
    manager = await logIn(t, manager.email);
    const today = (await as(manager)('GET', '/today')).body;
    const items = [...today.overdue, ...today.today, ...today.upcoming] as { title: string; link?: string }[];
    const alert = items.find((i) => i.title.includes("Lena License's RN license"));
    expect(alert?.title).toMatch(/expires/);
    expect(alert?.link).toBe(`/app/hr/staff/${nurse.id}`);

    const ended = await as(manager)('POST', `/hr/staff/${nurse.id}/end`, {
      endDate: '2027-04-15',
      reason: 'Moved',
      version: 1,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endDate: '2027-04-15' });
    const current = (await as(manager)('GET', '/hr/staff?limit=100')).body.items.map(
      (s: { id: string }) => s.id,
    );
    expect(current).not.toContain(nurse.id);
    const former = (await as(manager)('GET', '/hr/staff?status=ended')).body.items.map(
      (s: { id: string }) => s.id,
    );
    expect(former).toEqual([nurse.id]);
    const after = (await as(manager)('GET', '/today')).body;
    const open = [...after.overdue, ...after.today, ...after.upcoming] as { title: string }[];
    expect(open.some((i) => i.title.includes('Lena License'))).toBe(false);
    const again = await as(manager)('POST', `/hr/staff/${nurse.id}/end`, {
      endDate: '2027-04-15',
      version: 2,
    });
    expect(again.status).toBe(400);
  });
});
