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
 * The onboarding task "Sign the employee handbook" through the API on DynamoDB Local: it asks the
 * person to sign the practice's published handbook in Documents (their Today item to sign, the
 * handbook's signature sheet), shows the state, and ticks itself once they sign. Without a login or
 * a published handbook it stays a manual task. Templates may name any published document.
 *
 * The clock stands on Monday 2027-01-04 (07:00 in Los Angeles).
 */

const clock = testClock();
let t: TestApp;
let owner: Session;
let manager: Session;
let lee: Session;
let noah: Session;
let priya: Session;
let other: Session;
const ids: Record<string, string> = {};

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });

type Item = { kind: string; title: string; link?: string; dueDate?: string };
const todayItems = async (s: Session): Promise<Item[]> => {
  const v = (await as(s)('GET', '/today')).body;
  return [...v.overdue, ...v.today, ...v.upcoming];
};
type Task = { id: string; title: string; done: boolean; signOff?: Record<string, unknown> };
const handbookTask = (c: { tasks: Task[] }) =>
  c.tasks.find((x) => x.title === 'Sign the employee handbook') as Task;

async function addPerson(first: string, staffRole: string, userId: string | undefined) {
  const res = await as(manager)('POST', '/hr/staff', {
    firstName: first,
    lastName: 'Newhire',
    jobTitle: 'New hire',
    staffRole,
    ...(userId ? { userId } : {}),
    locationIds: [ids.location],
    hireDate: '2027-01-04',
    employmentType: 'full_time',
    fte: 1,
    credentials: [],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** A document in a folder, approved by the owner and published to providers. */
async function publish(title: string, folder: string) {
  const created = await as(manager)('POST', '/documents', {
    title,
    folder,
    blocks: [{ kind: 'paragraph', text: [{ text: 'We treat every patient with respect.' }] }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sent = await as(manager)('POST', `/documents/${created.body.id}/submit`, {
    approverIds: [owner.userId],
    version: created.body.version,
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const ok = await as(owner)('POST', `/documents/${created.body.id}/review`, {
    decision: 'approve',
    version: sent.body.version,
  });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  const published = await as(manager)('POST', `/documents/${created.body.id}/publish`, {
    audience: { roles: ['provider'], userIds: [] },
    version: ok.body.version,
  });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return created.body.id as string;
}

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Handbook Practice');
  manager = await addMember(t, owner, 'manager', 'Mia Manager');
  lee = await addMember(t, owner, 'staff', 'Lee Newhire');
  noah = await addMember(t, owner, 'staff', 'Noah Newhire');
  priya = await addMember(t, owner, 'provider', 'Priya Newhire');
  other = await signUpPractice(t, 'Other Handbook Practice');
  ids.location = (await as(owner)('POST', '/locations', LOCATION)).body.id;
  ids.noah = await addPerson('Noah', 'front_desk', noah.userId);
  ids.lee = await addPerson('Lee', 'front_desk', lee.userId);
  ids.pat = await addPerson('Pat', 'front_desk', undefined);
  ids.priya = await addPerson('Priya', 'provider', priya.userId);
});

describe('before a handbook is published', () => {
  it('keeps the task manual, and says why', async () => {
    const res = await as(manager)('POST', '/hr/checklists', { staffId: ids.noah, kind: 'onboarding' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(handbookTask(res.body)).toMatchObject({ done: false, signOff: { status: 'no_document' } });
    const mine = (await todayItems(noah)).filter((i) => i.kind === 'checklist_task');
    expect(mine.map((i) => i.title)).toContain('Sign the employee handbook');
  });
});

describe('with the handbook published', () => {
  beforeAll(async () => {
    ids.handbook = await publish('Employee handbook', 'handbook');
    ids.policy = await publish('Workstation policy', 'policies');
  });

  it('lists the published documents a template task may name', async () => {
    const res = await as(manager)('GET', '/hr/checklists/documents');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: ids.handbook, title: 'Employee handbook', category: 'handbook' },
      { id: ids.policy, title: 'Workstation policy', category: 'policies' },
    ]);
    expect((await as(lee)('GET', '/hr/checklists/documents')).status).toBe(403);
    expect((await as(other)('GET', '/hr/checklists/documents')).body.items).toEqual([]);
  });

  it('asks a new hire with a login to sign it in Documents, instead of a checklist item', async () => {
    const res = await as(manager)('POST', '/hr/checklists', { staffId: ids.lee, kind: 'onboarding' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.leeList = res.body.id;
    expect(handbookTask(res.body)).toMatchObject({
      done: false,
      link: `/app/documents/${ids.handbook}`,
      signOff: {
        status: 'requested',
        documentId: ids.handbook,
        documentTitle: 'Employee handbook',
        round: 1,
      },
    });
    const items = await todayItems(lee);
    expect(items.filter((i) => i.kind === 'checklist_task').map((i) => i.title)).not.toContain(
      'Sign the employee handbook',
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'sign',
        title: 'Read and sign “Employee handbook”',
        link: `/app/documents/${ids.handbook}`,
        dueDate: '2027-01-11',
      }),
    );
    // Documents honours the ask: the handbook asks Lee, and the sheet counts Lee as missing.
    const doc = await as(lee)('GET', `/documents/${ids.handbook}`);
    expect(doc.body.mySignOff).toMatchObject({ version: 1, asked: true });
    const sheet = await as(manager)('GET', `/documents/${ids.handbook}/versions/1/signatures`);
    expect(sheet.body.missing.map((m: { name: string }) => m.name)).toContain('Lee Newhire');
  });

  it('does not let the person tick it without signing', async () => {
    const task = handbookTask((await as(lee)('GET', `/hr/checklists/${ids.leeList}`)).body);
    const res = await as(lee)('POST', `/hr/checklists/${ids.leeList}/done`, { taskId: task.id, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Sign “Employee handbook” in Documents');
  });

  it('ticks the task once the person signs', async () => {
    // Another practice cannot sign this practice's handbook.
    expect(
      (
        await as(other)('POST', `/documents/${ids.handbook}/versions/1/signatures`, {
          typedName: 'Lee Newhire',
        })
      ).status,
    ).toBe(404);
    clock.set(Date.parse('2027-01-05T16:00:00Z'));
    const signed = await as(lee)('POST', `/documents/${ids.handbook}/versions/1/signatures`, {
      typedName: 'Lee Newhire',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect((await todayItems(lee)).filter((i) => i.kind === 'sign')).toEqual([]);
    const res = await as(manager)('GET', `/hr/checklists/${ids.leeList}`);
    expect(res.body.version).toBe(2);
    expect(handbookTask(res.body)).toMatchObject({
      done: true,
      doneBy: 'Lee Newhire',
      doneAt: signed.body.signedAt,
      signOff: { status: 'signed', signedAt: signed.body.signedAt },
    });
    // The list shows it ticked too, and a second read writes nothing more.
    const list = await as(manager)('GET', '/hr/checklists');
    const row = list.body.items.find((c: { id: string }) => c.id === ids.leeList);
    expect(row.version).toBe(2);
    expect(handbookTask(row).done).toBe(true);
    const sheet = await as(manager)('GET', `/documents/${ids.handbook}/versions/1/signatures`);
    expect(sheet.body.signed.map((s: { name: string }) => s.name)).toContain('Lee Newhire');
  });

  it('ticks it at once for someone who signed already', async () => {
    // Providers are the handbook's audience: Priya signs before her checklist starts.
    const signed = await as(priya)('POST', `/documents/${ids.handbook}/versions/1/signatures`, {
      typedName: 'Priya Newhire',
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    const res = await as(manager)('POST', '/hr/checklists', { staffId: ids.priya, kind: 'onboarding' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(handbookTask(res.body)).toMatchObject({ done: true, signOff: { status: 'signed' } });
    expect((await todayItems(priya)).filter((i) => i.title.includes('handbook'))).toEqual([]);
  });

  it('leaves it manual for someone with no Rounds login', async () => {
    const res = await as(manager)('POST', '/hr/checklists', { staffId: ids.pat, kind: 'onboarding' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(handbookTask(res.body)).toMatchObject({
      done: false,
      assigneeRole: 'manager',
      signOff: { status: 'no_login', documentId: ids.handbook },
    });
  });

  it('lets a template task name any published document, for the person only', async () => {
    const base = { kind: 'onboarding', staffRole: 'nurse', version: 0 };
    const task = { title: 'Sign the workstation policy', owner: 'hire', days: 3 };
    const unknown = await as(manager)('PUT', '/hr/checklists/templates', {
      ...base,
      tasks: [{ ...task, signs: 'nope' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toEqual({
      path: 'tasks.0.signs',
      message: 'Choose a published document',
    });
    const notTheirs = await as(manager)('PUT', '/hr/checklists/templates', {
      ...base,
      tasks: [{ ...task, owner: 'manager', signs: ids.policy }],
    });
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.error.details[0].path).toBe('tasks.0.signs');
    const ok = await as(manager)('PUT', '/hr/checklists/templates', {
      ...base,
      tasks: [{ ...task, signs: ids.policy }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.tasks[0].signs).toBe(ids.policy);
  });
});
