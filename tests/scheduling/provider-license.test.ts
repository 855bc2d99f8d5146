import { beforeAll, describe, expect, it } from 'vitest';
import { runDueAlerts } from '../../functions/platform/due/due-runner.ts';
import { addMember, createTestApp, logIn, type Session, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

const clock = testClock();
let w: Awaited<ReturnType<typeof schedulingWorld>>;
let manager: Session;

beforeAll(async () => {
  clock.set(Date.parse('2027-01-04T15:00:00Z'));
  w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
  manager = await addMember(w.t, w.owner, 'manager', 'Maria Lopez');
});

/** The managers' Today, signed in afresh (the clock moves past token lifetimes). */
async function managerToday() {
  const session = await logIn(w.t, manager.email);
  return (await w.t.call('GET', '/api/today', { token: session.token })).body;
}
const all = (v: { overdue: unknown[]; today: unknown[]; upcoming: unknown[] }) =>
  [...v.overdue, ...v.today, ...v.upcoming] as { kind: string; title: string }[];

describe('a provider’s license expiry', () => {
  it('alerts the managers 90 days ahead, and a deactivated provider’s alert closes', async () => {
    const provider = await w.post('/scheduling/providers', {
      name: 'Dr. Rosa Diaz',
      color: '#884422',
      locationIds: [w.location.id],
      licenseExpires: '2027-06-30',
    });
    expect(provider.licenseExpires).toBe('2027-06-30');
    // The practice signed up in Los Angeles: alerts go out at 08:00 there.
    clock.set(Date.parse('2027-04-01T14:00:00Z'));
    await runDueAlerts({ ...w.t.platform, clock });
    clock.set(Date.parse('2027-04-01T16:00:00Z'));
    const run = await runDueAlerts({ ...w.t.platform, clock });
    expect(run.sent).toBe(1);
    const item = all(await managerToday()).find((i) => i.kind === 'license');
    expect(item?.title).toBe("Dr. Rosa Diaz's state medical license expires in 90 days (Jun 30, 2027)");

    const owner = await logIn(w.t, w.owner.email);
    const off = await w.t.call('POST', `/api/scheduling/providers/${provider.id}/deactivate`, {
      token: owner.token,
      json: { version: provider.version },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(all(await managerToday()).find((i) => i.kind === 'license')).toBeUndefined();
    clock.set(Date.parse('2027-05-01T16:00:00Z'));
    await runDueAlerts({ ...w.t.platform, clock });
    clock.set(Date.parse('2027-05-02T16:00:00Z'));
    expect((await runDueAlerts({ ...w.t.platform, clock })).sent).toBe(0);
  });

  it('refuses a date that is not a date, in words', async () => {
    const res = await w.t.call('POST', '/api/scheduling/providers', {
      token: (await logIn(w.t, w.owner.email)).token,
      json: {
        name: 'Dr. Ann Lee',
        color: '#884422',
        locationIds: [w.location.id],
        licenseExpires: '06/30/2027',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'licenseExpires', message: 'Use a date like 2026-03-08' },
    ]);
  });
});
