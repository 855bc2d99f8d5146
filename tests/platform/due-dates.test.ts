import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import {
  cancelDueDateOps,
  type DueThing,
  type DueThingInput,
  dueThingId,
  planDueDateOps,
} from '../../functions/platform/due/due-dates.ts';
import { runDueAlerts } from '../../functions/platform/due/due-runner.ts';
import {
  createTestApp,
  logIn,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

let t: TestApp;
let owner: Session;
const clock = testClock();
const NEW_YORK = 'America/New_York';

const license = (ref: string, dueDate: string, offsets: number[]): DueThingInput => ({
  source: 'scheduling',
  kind: 'license',
  ref,
  title: `Dr. Rosa Diaz's state medical license (${ref})`,
  verb: 'expires',
  link: '/app/schedule/setup?tab=providers',
  owner: { userId: owner.userId, name: 'Olivia Owner' },
  dueDate,
  timeZone: NEW_YORK,
  offsets,
});

/** Registers or re-plans a thing the way a module does: its ops and the queue's in one write. */
async function register(input: DueThingInput): Promise<DueThing> {
  const scope = { tenantId: owner.tenantId };
  const previous = await t.platform.store.get<DueThing>(
    tenantKeys.dueThing(scope, dueThingId(input.source, input.kind, input.ref)),
  );
  const planned = planDueDateOps(scope, previous, input, clock.now());
  await t.platform.store.transact([...planned.ops, ...planned.platformOps]);
  return planned.thing;
}

async function alertMails(): Promise<{ subject: string; to: string; createdAt: string }[]> {
  const page = await t.platform.store.query<{ subject: string; to: string; kind: string; createdAt: string }>(
    {
      partition: tenantKeys.outboxPartition({ tenantId: owner.tenantId }),
      limit: 100,
    },
  );
  return page.items
    .filter((m) => m.kind === 'due.alert')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

const run = () => runDueAlerts({ ...t.platform, clock });
const at = (iso: string) => clock.set(Date.parse(iso));
/** The runner as the job schedule calls it: every 12 hours from `from` up to `to`. */
async function runEvery12Hours(from: string, to: string) {
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 12 * 3600_000) {
    clock.set(ms);
    await run();
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  at('2027-10-20T12:00:00Z');
  owner = await signUpPractice(t, 'Due Date Clinic');
});

describe('due-date alerts', () => {
  it('sends each offset once at 08:00 local time, across the end of daylight saving time', async () => {
    at('2027-10-26T12:00:00Z');
    // Due Tue Nov 9 2027; New York leaves daylight saving time on Sun Nov 7.
    await register(license('dst', '2027-11-09', [7, 3, 0]));

    at('2027-11-02T11:55:00Z'); // 07:55 EDT: not yet
    expect((await run()).sent).toBe(0);
    at('2027-11-02T12:05:00Z'); // 08:05 EDT: the 7-day alert, once, however many runs overlap
    const overlapping = await Promise.all([run(), run(), run()]);
    expect(overlapping.reduce((n, c) => n + c.sent, 0)).toBe(1);
    expect((await run()).sent).toBe(0); // a retry sends nothing more

    await runEvery12Hours('2027-11-03T00:05:00Z', '2027-11-09T12:05:00Z');
    at('2027-11-09T12:30:00Z'); // 07:30 EST: the old offset would have fired by now
    await run();
    expect((await alertMails()).map((m) => m.subject)).toEqual([
      "Dr. Rosa Diaz's state medical license (dst) expires in 7 days (Nov 9, 2027)",
      "Dr. Rosa Diaz's state medical license (dst) expires in 3 days (Nov 9, 2027)",
    ]);
    at('2027-11-09T13:05:00Z'); // 08:05 EST
    const dueDay = await run();
    expect(dueDay.sent).toBe(1);
    expect(dueDay.read).toBe(dueDay.sent);

    const mails = await alertMails();
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => m.to === owner.email)).toBe(true);
    const localHours = mails.map((m) =>
      new Date(m.createdAt).toLocaleTimeString('en-US', {
        timeZone: NEW_YORK,
        hour: '2-digit',
        hour12: false,
      }),
    );
    expect(localHours).toEqual(['08', '08', '08']);

    // One Today item for the owner, raised again at each offset.
    const fresh = await logIn(t, owner.email);
    const today = await t.call('GET', '/api/today', { token: fresh.token });
    const item = today.body.today.find((i: { kind: string }) => i.kind === 'license');
    expect(item).toMatchObject({
      title: "Dr. Rosa Diaz's state medical license (dst) expires today (Nov 9, 2027)",
      assigneeName: 'Olivia Owner',
      priority: 'high',
      dueDate: '2027-11-09',
      version: 3,
      link: '/app/schedule/setup?tab=providers',
    });
  });

  it('re-plans when the date moves and cancels when the thing is removed', async () => {
    at('2027-11-10T12:00:00Z');
    await register(license('moved', '2027-12-15', [30, 0]));
    // The date moves before any alert: the old plan's alerts never go out.
    const moved = await register(license('moved', '2028-01-15', [30, 0]));
    expect(moved.planned.map((a) => new Date(a.fireAtMs).toISOString())).toEqual([
      '2027-12-16T13:00:00.000Z',
      '2028-01-15T13:00:00.000Z',
    ]);
    const before = (await alertMails()).length;
    await runEvery12Hours('2027-11-14T13:05:00Z', '2027-11-16T01:05:00Z');
    expect(await alertMails()).toHaveLength(before);

    await runEvery12Hours('2027-12-15T13:05:00Z', '2027-12-16T13:05:00Z');
    const after = await alertMails();
    expect(after.map((m) => m.subject).slice(before)).toEqual([
      "Dr. Rosa Diaz's state medical license (moved) expires in 30 days (Jan 15, 2028)",
    ]);

    // Removed: the January alert is cancelled and the item closes.
    const scope = { tenantId: owner.tenantId };
    const stored = await t.platform.store.get<DueThing>(tenantKeys.dueThing(scope, moved.id));
    const cancel = cancelDueDateOps(scope, stored!, { name: 'Olivia Owner' }, clock.now());
    await t.platform.store.transact([...cancel.ops, ...cancel.platformOps]);
    await runEvery12Hours('2028-01-15T01:05:00Z', '2028-01-15T13:05:00Z');
    expect(await alertMails()).toHaveLength(after.length);
    const item = await t.platform.store.get<{ status: string }>(tenantKeys.todayItem(scope, moved.id));
    expect(item?.status).toBe('done');
  });

  it('skips offsets already past when a thing is registered late', async () => {
    at('2028-02-20T12:00:00Z');
    const late = await register(license('late', '2028-03-01', [90, 60, 30, 7, 0]));
    expect(late.planned.map((a) => a.offset)).toEqual([7, 0]);
  });
});
