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
 * Onboarding and offboarding checklists through the API on DynamoDB Local: Rounds' default
 * templates, a practice's own template, starting a person's checklist (tasks with owners and due
 * dates counted from the hire date or the last day, each a Today item for its owner), ticking tasks
 * (their item closes; the last one closes the checklist), and who may see and do what.
 *
 * The clock stands on Monday 2027-01-04 (07:00 in Los Angeles). Lee (front desk, login) is hired
 * that day; Pat (front desk, no login) leaves on Friday 2027-01-29.
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let lee: Session;
let sam: Session;
let dana: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

type Item = { kind: string; title: string; link?: string; dueDate?: string };
const todayItems = async (s: Session): Promise<Item[]> => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming].filter((i: Item) => i.kind === 'checklist_task');
};

async function addPerson(first: string, hireDate: string, userId: string | undefined) {
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
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Checklists Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  lee = await addMember(t, owner, 'staff', 'Lee Desk');
  sam = await addMember(t, owner, 'staff', 'Sam Desk');
  dana = await addMember(t, owner, 'staff', 'Dana Desk');
  other = await signUpPractice(t, 'Other Checklists Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.sam = await addPerson('Sam', '2025-06-02', sam.userId);
  ids.lee = await addPerson('Lee', '2027-01-04', lee.userId);
  ids.pat = await addPerson('Pat', '2024-03-04', undefined);
});

describe('templates', () => {
  it('starts from Rounds’ defaults for each kind and role', async () => {
    const res = await as(manager)('GET', '/hr/checklists/templates');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(14);
    const desk = res.body.items.find(
      (x: { kind: string; staffRole: string }) => x.kind === 'onboarding' && x.staffRole === 'front_desk',
    );
    expect(desk.version).toBe(0);
    expect(desk.tasks).toContainEqual({
      title: 'Complete Form I-9 (employer section by day 3)',
      owner: 'manager',
      days: 3,
    });
    expect(desk.tasks).toContainEqual({
      title: 'Sign the employee handbook',
      owner: 'hire',
      days: 7,
      link: '/app/documents',
      signs: 'handbook',
    });
    const nurse = res.body.items.find(
      (x: { kind: string; staffRole: string }) => x.kind === 'onboarding' && x.staffRole === 'nurse',
    );
    expect(nurse.tasks.map((x: { title: string }) => x.title)).toContain(
      'Verify licenses and certifications',
    );
    expect((await as(lee)('GET', '/hr/checklists/templates')).status).toBe(403);
  });

  it('saves the practice’s own tasks at the version read, with clear messages', async () => {
    const tasks = [
      { title: 'Issue the ID badge', owner: 'manager', days: 0 },
      { title: 'Shadow the front desk lead', owner: 'person', ownerStaffId: ids.sam, days: 2 },
      { title: 'Sign the employee handbook', owner: 'hire', days: 7, link: '/app/documents' },
    ];
    const bad = await as(manager)('PUT', '/hr/checklists/templates', {
      kind: 'onboarding',
      staffRole: 'front_desk',
      tasks: [{ title: 'Shadow', owner: 'person', days: 2 }],
      version: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({
      path: 'tasks.0.ownerStaffId',
      message: 'Choose the person who does the task',
    });
    const noLogin = await as(manager)('PUT', '/hr/checklists/templates', {
      kind: 'onboarding',
      staffRole: 'front_desk',
      tasks: [{ title: 'Shadow', owner: 'person', ownerStaffId: ids.pat, days: 2 }],
      version: 0,
    });
    expect(noLogin.body.error.details[0].message).toBe('Choose a current person with a Rounds login');
    const body = { kind: 'onboarding', staffRole: 'front_desk', tasks, version: 0 };
    const res = await as(manager)('PUT', '/hr/checklists/templates', body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(1);
    expect((await as(manager)('PUT', '/hr/checklists/templates', body)).status).toBe(409);
    expect((await as(lee)('PUT', '/hr/checklists/templates', body)).status).toBe(403);
  });
});

describe('onboarding', () => {
  it('creates the tasks from the template, each a Today item for its owner', async () => {
    const res = await as(manager)('POST', '/hr/checklists', { staffId: ids.lee, kind: 'onboarding' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.leeList = res.body.id;
    expect(res.body).toMatchObject({
      staffName: 'Lee Desk',
      anchorDate: '2027-01-04',
      status: 'open',
      version: 1,
    });
    expect(
      res.body.tasks.map((x: { id: string; assigneeName: string; dueDate: string }) => [
        x.id,
        x.assigneeName,
        x.dueDate,
      ]),
    ).toEqual([
      ['t1', 'Practice manager', '2027-01-04'],
      ['t2', 'Sam Desk', '2027-01-06'],
      ['t3', 'Lee Desk', '2027-01-11'],
    ]);
    expect(await todayItems(lee)).toEqual([
      expect.objectContaining({
        title: 'Sign the employee handbook',
        link: '/app/documents',
        dueDate: '2027-01-11',
      }),
    ]);
    expect((await todayItems(sam)).map((i) => i.title)).toEqual(['Lee Desk: Shadow the front desk lead']);
    expect((await todayItems(manager)).map((i) => i.title)).toContain('Lee Desk: Issue the ID badge');
    expect(
      (await as(manager)('POST', '/hr/checklists', { staffId: ids.lee, kind: 'onboarding' })).status,
    ).toBe(409);
  });

  it('shows the checklist to managers, the person and task owners only', async () => {
    expect((await as(lee)('GET', `/hr/checklists/${ids.leeList}`)).status).toBe(200);
    expect((await as(sam)('GET', `/hr/checklists/${ids.leeList}`)).status).toBe(200);
    expect((await as(dana)('GET', `/hr/checklists/${ids.leeList}`)).status).toBe(404);
    expect((await as(other)('GET', `/hr/checklists/${ids.leeList}`)).status).toBe(404);
    expect((await as(lee)('GET', '/hr/checklists')).status).toBe(403);
  });

  it('lets a task’s owner tick it (its item closes), not someone else’s', async () => {
    const path = `/hr/checklists/${ids.leeList}/done`;
    expect((await as(sam)('POST', path, { taskId: 't1', version: 1 })).status).toBe(404);
    expect((await as(other)('POST', path, { taskId: 't2', version: 1 })).status).toBe(404);
    const res = await as(sam)('POST', path, { taskId: 't2', version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.tasks[1]).toMatchObject({ done: true, doneBy: 'Sam Desk' });
    expect(await todayItems(sam)).toEqual([]);
    expect((await as(sam)('POST', path, { taskId: 't2', version: 2 })).status).toBe(400);
    expect((await as(lee)('POST', path, { taskId: 't3', version: 1 })).status).toBe(409);
  });

  it('closes the checklist with its last task', async () => {
    const path = `/hr/checklists/${ids.leeList}/done`;
    await as(lee)('POST', path, { taskId: 't3', version: 2 });
    const res = await as(manager)('POST', path, { taskId: 't1', version: 3 });
    expect(res.body.status).toBe('done');
    const open = await as(manager)('GET', '/hr/checklists');
    expect(open.body.items).toEqual([]);
    const done = await as(manager)('GET', '/hr/checklists?status=done');
    expect(done.body.items.map((c: { id: string }) => c.id)).toEqual([ids.leeList]);
  });
});

describe('offboarding', () => {
  it('needs the last day, then counts from it; the login is revoked by hand on the team page', async () => {
    const none = await as(manager)('POST', '/hr/checklists', { staffId: ids.pat, kind: 'offboarding' });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0]).toEqual({ path: 'lastDay', message: "Enter Pat Desk's last day" });
    const res = await as(manager)('POST', '/hr/checklists', {
      staffId: ids.pat,
      kind: 'offboarding',
      lastDay: '2027-01-29',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.anchorDate).toBe('2027-01-29');
    expect(res.body.tasks).toContainEqual(
      expect.objectContaining({
        title: 'Check the Rounds login was closed',
        assigneeRole: 'manager',
        dueDate: '2027-01-30',
        link: '/app/team',
      }),
    );
    expect(res.body.tasks).toContainEqual(
      expect.objectContaining({
        title: 'Issue the final paycheck (check your state’s deadline)',
        assigneeRole: 'owner',
      }),
    );
  });

  it('lists every checklist sorted by name and paged', async () => {
    const first = await as(owner)('GET', '/hr/checklists?status=all&sort=name&limit=1');
    expect(first.body.items.map((c: { staffName: string }) => c.staffName)).toEqual(['Lee Desk']);
    const second = await as(owner)(
      'GET',
      `/hr/checklists?status=all&sort=name&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((c: { staffName: string }) => c.staffName)).toEqual(['Pat Desk']);
    expect(second.body.nextCursor).toBeNull();
  });
});
