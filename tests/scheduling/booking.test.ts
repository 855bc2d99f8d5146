import { beforeAll, describe, expect, it } from 'vitest';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown, token = w.owner.token) =>
  w.t.call(method, `/api${path}`, { token, json });

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
});

describe('booking', () => {
  it('books inside the provider’s hours and shows it on the location’s day', async () => {
    const res = await call(
      'POST',
      '/scheduling/appointments',
      w.booking('2027-02-01', '09:00'),
      w.staff.token,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      date: '2027-02-01',
      time: '09:00',
      endTime: '09:30',
      start: '2027-02-01T14:00:00.000Z',
      status: 'scheduled',
      patientName: 'Lovelace, Ada',
    });
    const day = await call('GET', `/scheduling/day?locationId=${w.location.id}&date=2027-02-01`);
    expect(day.body.timeZone).toBe('America/New_York');
    expect(day.body.appointments.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
  });

  it('never double-books the provider: an overlapping visit is a 409 naming why', async () => {
    const first = await call('POST', '/scheduling/appointments', w.booking('2027-02-02', '10:00'));
    expect(first.status).toBe(201);
    const overlap = await call('POST', '/scheduling/appointments', w.booking('2027-02-02', '10:15'));
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toBe('The provider is already booked at that time');
    const adjacent = await call('POST', '/scheduling/appointments', w.booking('2027-02-02', '10:30'));
    expect(adjacent.status).toBe(201);
  });

  it('never puts one patient in two places: an overlapping visit with another provider is a 409 naming it', async () => {
    // A practice of its own: the shared one's day-hours test counts providers.
    const x = await schedulingWorld('America/New_York', w.t);
    const post = (json: unknown) =>
      x.t.call('POST', '/api/scheduling/appointments', { token: x.owner.token, json });
    const colleague = await x.post('/scheduling/providers', {
      name: 'Dr. Katherine Johnson',
      color: '#9a6700',
      locationIds: [x.location.id],
    });
    await x.post('/scheduling/templates', {
      providerId: colleague.id,
      locationId: x.location.id,
      blocks: [{ weekday: 3, start: '08:00', end: '17:00' }],
      effectiveFrom: '2026-01-01',
    });
    const withColleague = (time: string) => ({ ...x.booking('2027-02-03', time), providerId: colleague.id });
    const first = (await post(x.booking('2027-02-03', '09:00'))).body;
    const clash = await post(withColleague('09:15'));
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe(
      'Lovelace, Ada already has a visit then (Follow-up, Wed, Feb 3, 2027 at 9:00 AM–9:30 AM)',
    );
    // Right after is fine; once the first visit is cancelled, its time is the patient's again.
    expect((await post(withColleague('09:30'))).status).toBe(201);
    await x.t.call('POST', `/api/scheduling/appointments/${first.id}/cancel`, {
      token: x.owner.token,
      json: { by: 'patient', version: 1 },
    });
    expect((await post(withColleague('09:00'))).status).toBe(201);
  });

  it('outside the template needs a manager’s override with a reason', async () => {
    const evening = w.booking('2027-02-03', '18:00');
    const refused = await call('POST', '/scheduling/appointments', evening, w.staff.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/outside the provider's hours/);
    // Its own code, so a client can offer the override instead of parsing the message.
    expect(refused.body.error.code).toBe('outside_hours');
    const staffOverride = await call(
      'POST',
      '/scheduling/appointments',
      { ...evening, override: { reason: 'Post-op check' } },
      w.staff.token,
    );
    expect(staffOverride.status).toBe(403);
    const owner = await call('POST', '/scheduling/appointments', {
      ...evening,
      override: { reason: 'Post-op check' },
    });
    expect(owner.status).toBe(201);
    expect(owner.body.overrideReason).toBe('Post-op check');
  });

  it('walks the day’s flow forward with a time stamp for each step, never backward', async () => {
    const appt = (await call('POST', '/scheduling/appointments', w.booking('2027-02-04', '08:00'))).body;
    let version = appt.version;
    for (const status of ['confirmed', 'arrived', 'in_room', 'checked_out']) {
      const res = await call('POST', `/scheduling/appointments/${appt.id}/status`, { status, version });
      expect(res.status, status).toBe(200);
      expect(res.body.statusTimes[status]).toEqual(expect.any(String));
      version = res.body.version;
    }
    const back = await call('POST', `/scheduling/appointments/${appt.id}/status`, {
      status: 'arrived',
      version,
    });
    expect(back.status).toBe(409);
  });

  it('cancelling frees the slot; a patient cancel days ahead is not late', async () => {
    const appt = (await call('POST', '/scheduling/appointments', w.booking('2027-02-05', '11:00'))).body;
    const cancelled = await call('POST', `/scheduling/appointments/${appt.id}/cancel`, {
      by: 'patient',
      version: 1,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'patient', lateCancel: false });
    const again = await call('POST', '/scheduling/appointments', w.booking('2027-02-05', '11:00'));
    expect(again.status).toBe(201);
  });

  it('reschedule creates a linked appointment and frees the old time', async () => {
    const appt = (await call('POST', '/scheduling/appointments', w.booking('2027-02-08', '13:00'))).body;
    const moved = await call('POST', `/scheduling/appointments/${appt.id}/reschedule`, {
      date: '2027-02-08',
      time: '13:15',
      version: 1,
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ time: '13:15', rescheduledFrom: appt.id, status: 'scheduled' });
    const old = await call('GET', `/scheduling/appointments/${appt.id}`);
    expect(old.body).toMatchObject({ status: 'rescheduled', rescheduledTo: moved.body.id });
    const stale = await call('POST', `/scheduling/appointments/${appt.id}/reschedule`, {
      date: '2027-02-08',
      time: '15:00',
      version: 1,
    });
    expect(stale.status).toBe(409);
  });

  it('the slot finder skips booked time and offers the next free starts', async () => {
    await call('POST', '/scheduling/appointments', w.booking('2027-02-09', '08:00'));
    const res = await call(
      'GET',
      `/scheduling/slots?typeId=${w.type.id}&locationId=${w.location.id}&from=2027-02-09&days=1&limit=3`,
    );
    expect(res.status).toBe(200);
    expect(res.body.slots.map((s: { time: string }) => s.time)).toEqual(['08:30', '08:45', '09:00']);
  });
});

describe('week view', () => {
  it('shows a provider’s week, Monday to Sunday, in start order', async () => {
    const mon = (await call('POST', '/scheduling/appointments', w.booking('2027-03-22', '15:00'))).body;
    const fri = (await call('POST', '/scheduling/appointments', w.booking('2027-03-26', '08:00'))).body;
    await call('POST', '/scheduling/appointments', w.booking('2027-03-29', '08:00'));
    const week = await call('GET', `/scheduling/week?providerId=${w.provider.id}&weekOf=2027-03-24`);
    expect(week.body.weekStart).toBe('2027-03-22');
    expect(week.body.appointments.map((a: { id: string }) => a.id)).toEqual([mon.id, fri.id]);
    // Each day's open hours shade the week grid: weekdays 08:00–17:00, not the weekend or time off.
    await call('POST', '/scheduling/exceptions', {
      kind: 'time_off',
      providerId: w.provider.id,
      reason: 'Spring break',
      startDate: '2027-03-25',
      endDate: '2027-03-25',
    });
    const shaded = await call('GET', `/scheduling/week?providerId=${w.provider.id}&weekOf=2027-03-24`);
    expect(
      shaded.body.days.map((d: { date: string; open: { start: string; end: string }[] }) =>
        [d.date, ...d.open.map((o) => `${o.start}-${o.end}`)].join(' '),
      ),
    ).toEqual([
      '2027-03-22 08:00-17:00',
      '2027-03-23 08:00-17:00',
      '2027-03-24 08:00-17:00',
      '2027-03-25',
      '2027-03-26 08:00-17:00',
      '2027-03-27',
      '2027-03-28',
    ]);
    expect(shaded.body.days[3].closed).toEqual({ kind: 'time_off', reason: 'Spring break' });
  });
});

describe('patients', () => {
  it('flags a possible duplicate (same name and birth date) at creation', async () => {
    const twin = await w.post('/scheduling/patients', {
      firstName: 'ada',
      lastName: 'LOVELACE',
      dateOfBirth: '1985-12-10',
      preferredContact: 'phone',
      phone: '(212) 555-0111',
    });
    expect(twin.possibleDuplicateOf).toEqual([w.patient.id]);
  });

  it('every read of a patient is audited', async () => {
    await call('GET', `/scheduling/patients/${w.patient.id}`);
    const audit = await call('GET', '/audit?entityType=patient&limit=50');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('patient.viewed');
  });

  it('an edit is the whole record: a cleared email is gone, a new last name is searchable', async () => {
    const p = await w.post('/scheduling/patients', {
      firstName: 'Edna',
      lastName: 'Editable',
      dateOfBirth: '1961-01-01',
      preferredContact: 'email',
      email: 'edna@example.test',
      insurancePayer: 'Acme Health',
    });
    const saved = await call('PUT', `/scheduling/patients/${p.id}`, {
      firstName: 'Edna',
      lastName: 'Renamed',
      dateOfBirth: '1961-01-01',
      preferredContact: 'phone',
      phone: '(212) 555-0144',
      insurancePayer: 'Acme Health',
      eligibilityVerifiedOn: '2027-01-05',
      version: 1,
    });
    expect(saved.status).toBe(200);
    const read = (await call('GET', `/scheduling/patients/${p.id}`)).body;
    expect(read.email).toBeUndefined();
    expect(read).toMatchObject({ lastName: 'Renamed', eligibilityVerifiedOn: '2027-01-05', version: 2 });
    const found = (await call('GET', '/scheduling/patients?q=renam')).body.items;
    expect(found.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await call('GET', '/scheduling/patients?q=editable')).body.items).toEqual([]);
  });
});

describe('time off, holidays and closures', () => {
  const slotsOn = async (date: string) =>
    (
      await call(
        'GET',
        `/scheduling/slots?typeId=${w.type.id}&locationId=${w.location.id}&from=${date}&days=1&limit=3`,
      )
    ).body.slots as unknown[];

  it('time off takes the provider’s hours away until it is removed', async () => {
    expect(await slotsOn('2027-02-16')).toHaveLength(3);
    const off = await call('POST', '/scheduling/exceptions', {
      kind: 'time_off',
      providerId: w.provider.id,
      startDate: '2027-02-16',
      endDate: '2027-02-16',
      reason: 'Conference',
    });
    expect(off.status).toBe(201);
    expect(await slotsOn('2027-02-16')).toEqual([]);
    const booked = await call('POST', '/scheduling/appointments', w.booking('2027-02-16', '09:00'));
    expect(booked.status).toBe(409);
    const listed = await call('GET', '/scheduling/exceptions');
    expect(listed.body.items.map((e: { id: string }) => e.id)).toContain(off.body.id);

    const removed = await call('DELETE', `/scheduling/exceptions/2027-02-16/${off.body.id}`);
    expect(removed.status).toBe(204);
    expect((await call('DELETE', `/scheduling/exceptions/2027-02-16/${off.body.id}`)).status).toBe(404);
    expect(await slotsOn('2027-02-16')).toHaveLength(3);
  });

  it('the day’s hours show each provider’s open blocks, and what closes a day', async () => {
    const hours = (date: string) =>
      call('GET', `/scheduling/day/hours?locationId=${w.location.id}&date=${date}`).then((r) => r.body);
    expect((await hours('2027-02-23')).providers).toEqual([
      { providerId: w.provider.id, open: [{ start: '08:00', end: '17:00' }] },
    ]);
    expect((await hours('2027-02-27')).providers[0].open).toEqual([]); // a Saturday
    await call('POST', '/scheduling/exceptions', {
      kind: 'holiday',
      startDate: '2027-02-24',
      endDate: '2027-02-24',
      reason: 'Staff training day',
    });
    expect((await hours('2027-02-24')).providers).toEqual([
      { providerId: w.provider.id, open: [], closed: { kind: 'holiday', reason: 'Staff training day' } },
    ]);
  });

  it('a closure must name its location', async () => {
    const res = await call('POST', '/scheduling/exceptions', {
      kind: 'closure',
      startDate: '2027-02-17',
      endDate: '2027-02-17',
      reason: 'Flooring',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('locationId');
  });
});

describe('weekly hours with effective dates', () => {
  it('new hours from a date replace the current ones from that date on, in one step', async () => {
    const first = async (date: string) =>
      (
        await call(
          'GET',
          `/scheduling/slots?typeId=${w.type.id}&locationId=${w.location.id}&from=${date}&days=1&limit=1`,
        )
      ).body.slots[0]?.time;
    expect(await first('2027-04-06')).toBe('08:00');
    const replaced = await call('POST', '/scheduling/templates', {
      providerId: w.provider.id,
      locationId: w.location.id,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '10:00', end: '16:00' })),
      effectiveFrom: '2027-04-12',
      replaceCurrent: true,
    });
    expect(replaced.status).toBe(201);
    expect(await first('2027-04-06')).toBe('08:00');
    expect(await first('2027-04-13')).toBe('10:00');
    const templates = (await call('GET', '/scheduling/templates')).body.items as {
      id: string;
      effectiveFrom: string;
      effectiveTo?: string;
    }[];
    expect(templates.find((t) => t.effectiveFrom === '2026-01-01')?.effectiveTo).toBe('2027-04-11');

    // A second replacement from an earlier date would have to guess what to do with the newer hours.
    const refused = await call('POST', '/scheduling/templates', {
      providerId: w.provider.id,
      locationId: w.location.id,
      blocks: [{ weekday: 1, start: '09:00', end: '12:00' }],
      effectiveFrom: '2027-04-01',
      replaceCurrent: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/remove them first/);
  });
});
