import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import { zonedInstant } from '../../shared/time.ts';
import { schedulingWorld } from '../scheduling/world.ts';
import { createTestApp, testClock, uniqueEmail } from '../support/app.ts';

const NY = 'America/New_York';
let w: Awaited<ReturnType<typeof schedulingWorld>>;
const invited: string[] = [];

interface Msg {
  id: string;
  kind: string;
  to: string;
}
const get = async (query: string) => {
  const res = await w.t.call('GET', `/api/outbox${query}`, { token: w.owner.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Msg[]; nextCursor: string | null };
};
/** Every page of a listing, following the cursor. */
const allPages = async (query: string) => {
  const pages: Msg[][] = [];
  let cursor: string | null = null;
  do {
    const page = await get(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
};
const invite = async () => {
  const email = uniqueEmail('invitee');
  const res = await w.t.call('POST', '/api/team/invites', {
    token: w.owner.token,
    json: { email, role: 'staff' },
  });
  expect(res.status).toBe(201);
  invited.push(email);
};

beforeAll(async () => {
  const clock = testClock();
  clock.set(Date.parse('2027-02-01T12:00:00Z'));
  w = await schedulingWorld(NY, await createTestApp({ clock }));
  for (const time of ['09:00', '10:00', '11:00']) {
    const res = await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: w.booking('2027-02-10', time),
    });
    expect(res.status).toBe(201);
  }
  // Staff mail and patient mail interleave: an invite, three reminders, then two more invites.
  await invite();
  clock.set(zonedInstant('2027-02-07', '11:01', NY));
  expect(await SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform)).toEqual({ sent: 3, skipped: 0 });
  await invite();
  await invite();
});

describe('outbox filter by audience', () => {
  it('lists only patient reminders, or only staff mail, paging through each with the filter', async () => {
    const everything = (await get('?limit=100')).items;
    // Sue Staff's invitation (the world's) + three more, and three reminders.
    expect(everything).toHaveLength(7);

    const patients = await allPages('?audience=patients&limit=2');
    expect(patients.map((p) => p.length)).toEqual([2, 1]);
    const reminders = patients.flat();
    expect(reminders.every((m) => m.kind === 'appointment.reminder')).toBe(true);
    expect(reminders.map((m) => m.to)).toEqual(Array(3).fill('ada@example.test'));
    expect(new Set(reminders.map((m) => m.id)).size).toBe(3);

    const staff = await allPages('?audience=staff&limit=3');
    expect(staff.map((p) => p.length)).toEqual([3, 1]);
    const staffMail = staff.flat();
    expect(staffMail.every((m) => m.kind === 'team.invite')).toBe(true);
    // Newest first, as the unfiltered list orders them.
    expect(staffMail.map((m) => m.id)).toEqual(
      everything.filter((m) => m.kind === 'team.invite').map((m) => m.id),
    );
    expect(staffMail.slice(0, 3).map((m) => m.to)).toEqual([...invited].reverse());
  });

  it('refuses an unknown audience with a clear message', async () => {
    const res = await w.t.call('GET', '/api/outbox?audience=everyone', { token: w.owner.token });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'query.audience', message: 'Choose patients or staff' }]);
  });
});
