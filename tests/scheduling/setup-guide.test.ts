import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { createTestApp, type Session, signUpPractice, type TestApp, testClock } from '../support/app.ts';

let t: TestApp;
const clock = testClock();
beforeAll(async () => {
  clock.set(Date.parse('2027-02-01T12:00:00Z')); // a Monday
  t = await createTestApp({ clock });
});

const guide = async (s: Session) => {
  const res = await t.call('GET', '/api/scheduling/setup-guide', { token: s.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { complete: boolean; steps: { id: string; status: string; detail?: string }[] };
};
const statusOf = (g: Awaited<ReturnType<typeof guide>>) =>
  Object.fromEntries(g.steps.map((s) => [s.id, s.status]));
const post = async (s: Session, path: string, json: unknown) => {
  const res = await t.call('POST', `/api${path}`, { token: s.token, json });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
};
const slots = (s: Session, q: Record<string, string>) =>
  t.call('GET', `/api/scheduling/slots?${new URLSearchParams(q)}`, { token: s.token });

describe('setup guide', () => {
  it('ticks each step off from the data, and says what is missing, until the first booking', async () => {
    const owner = await signUpPractice(t, 'Birchwood Pediatrics');
    let g = await guide(owner);
    expect(g.complete).toBe(false);
    expect(statusOf(g)).toEqual({
      location: 'todo',
      providers: 'todo',
      types: 'todo',
      rooms: 'not_needed',
      team: 'todo',
      patients: 'todo',
      first_visit: 'todo',
    });

    const location = await post(owner, '/locations', {
      name: 'Birchwood Main',
      address: { line1: '1 Birch Rd', city: 'Dayton', state: 'OH', postalCode: '45402' },
      phone: '(937) 555-0100',
      timeZone: 'America/New_York',
      hours: DEFAULT_HOURS,
    });
    const provider = await post(owner, '/scheduling/providers', {
      name: 'Dr. Rosa Diaz',
      color: '#1f6feb',
      locationIds: [location.id],
    });
    g = await guide(owner);
    expect(statusOf(g).location).toBe('done');
    expect(g.steps.find((s) => s.id === 'providers')).toMatchObject({
      status: 'todo',
      detail: 'Dr. Rosa Diaz has no weekly hours yet',
    });

    // The slot finder says why there is no free time instead of "nothing in 14 days".
    const type = await post(owner, '/scheduling/types', {
      name: 'Well child',
      durationMinutes: 30,
      color: '#2da44e',
      patientKind: 'established',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      needsRoom: true,
    });
    const noHours = await slots(owner, { typeId: type.id, locationId: location.id, from: '2027-02-01' });
    expect(noHours.status).toBe(400); // a room-needing type where there is no room: says so first
    expect(noHours.body.error.message).toContain('needs a room');
    g = await guide(owner);
    expect(g.steps.find((s) => s.id === 'rooms')).toMatchObject({
      status: 'todo',
      detail: 'Well child needs a room',
    });
    await post(owner, '/scheduling/resources', { name: 'Exam 1', kind: 'room', locationId: location.id });

    const q = { typeId: type.id, locationId: location.id, from: '2027-02-01' };
    const before = await slots(owner, q);
    expect(before.body).toEqual({
      slots: [],
      emptyReason: 'No provider has weekly hours at Birchwood Main yet. Set them in Setup → Weekly hours.',
    });
    const one = await slots(owner, { ...q, providerIds: provider.id });
    expect(one.body.emptyReason).toBe(
      'Dr. Rosa Diaz has no weekly hours at Birchwood Main. Set them in Setup → Weekly hours.',
    );

    await post(owner, '/scheduling/templates', {
      providerId: provider.id,
      locationId: location.id,
      blocks: [{ weekday: 3, start: '09:00', end: '09:30' }],
      effectiveFrom: '2027-02-01',
    });
    await post(owner, '/scheduling/exceptions', {
      kind: 'time_off',
      providerId: provider.id,
      startDate: '2027-02-01',
      endDate: '2027-02-05',
      reason: 'Conference',
    });
    const off = await slots(owner, { ...q, days: '5' });
    expect(off.body.emptyReason).toBe(
      'Nobody works at Birchwood Main from 2027-02-01 to 2027-02-05 (days off, time off or closures). Try later dates.',
    );
    const later = await slots(owner, { ...q, from: '2027-02-08', days: '7' });
    expect(later.body.slots.map((s: { date: string; time: string }) => `${s.date} ${s.time}`)).toEqual([
      '2027-02-10 09:00',
    ]);
    expect(later.body.emptyReason).toBeUndefined();

    const patient = await post(owner, '/scheduling/patients', {
      firstName: 'Milo',
      lastName: 'Birch',
      dateOfBirth: '2019-04-02',
      preferredContact: 'none',
    });
    g = await guide(owner);
    expect(g.complete).toBe(false);
    expect(statusOf(g)).toMatchObject({ providers: 'done', types: 'done', rooms: 'done', patients: 'done' });
    await post(owner, '/scheduling/appointments', {
      patientId: patient.id,
      providerId: provider.id,
      locationId: location.id,
      typeId: type.id,
      date: '2027-02-10',
      time: '09:00',
    });
    const full = await slots(owner, { ...q, from: '2027-02-08', days: '7' });
    expect(full.body.emptyReason).toBe(
      'Every free time from 2027-02-08 to 2027-02-14 is booked, or has no room free. Try later dates.',
    );
    g = await guide(owner);
    // Inviting the team is optional: the guide is complete once the first visit is booked.
    expect(statusOf(g)).toMatchObject({ first_visit: 'done', team: 'todo' });
    expect(g.complete).toBe(true);
  });

  it('is for owners and managers', async () => {
    const owner = await signUpPractice(t, 'Guide Roles Clinic');
    const { addMember } = await import('../support/app.ts');
    const staff = await addMember(t, owner, 'staff', 'Sam Staff');
    const res = await t.call('GET', '/api/scheduling/setup-guide', { token: staff.token });
    expect(res.status).toBe(403);
    // The owner sees the invited member tick "team" off.
    expect(statusOf(await guide(owner)).team).toBe('done');
  });
});
