import { describe, expect, it } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import { reminderDue } from '../../functions/scheduling/reminder-settings.service.ts';
import { zonedInstant } from '../../shared/time.ts';
import { createTestApp, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

const NY = 'America/New_York';
const at = (date: string, time: string) => zonedInstant(date, time, NY);

describe('when a reminder goes out', () => {
  it('exactly N hours before, unless that falls in quiet hours: then earlier, at 20:45 local', () => {
    expect(reminderDue(at('2027-03-10', '10:00'), 24, NY)).toBe(at('2027-03-09', '10:00'));
    expect(reminderDue(at('2027-03-10', '07:30'), 72, NY)).toBe(at('2027-03-06', '20:45'));
    expect(reminderDue(at('2027-03-10', '21:30'), 24, NY)).toBe(at('2027-03-09', '20:45'));
    // Across the spring change: 24 hours before Monday 09:00 EDT is Sunday 10:00 EDT.
    expect(reminderDue(at('2027-03-15', '09:00'), 24, NY)).toBe(at('2027-03-14', '09:00'));
  });
});

describe('the reminder job and its link', () => {
  it('sends each rule once, with a link that confirms, cancels or stops reminders without signing in', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const w = await schedulingWorld(NY, await createTestApp({ clock }));
    const run = () => SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform);
    const appt = (
      await w.t.call('POST', '/api/scheduling/appointments', {
        token: w.owner.token,
        json: w.booking('2027-02-10', '10:00'),
      })
    ).body;
    const cancelled = (
      await w.t.call('POST', '/api/scheduling/appointments', {
        token: w.owner.token,
        json: w.booking('2027-02-10', '11:00'),
      })
    ).body;
    await w.t.call('POST', `/api/scheduling/appointments/${cancelled.id}/cancel`, {
      token: w.owner.token,
      json: { by: 'practice', version: 1 },
    });

    expect(await run()).toEqual({ sent: 0, skipped: 0 });
    clock.set(at('2027-02-07', '11:01'));
    // The 10:00 visit's 72-hour reminder goes out; the cancelled 11:00 visit's is dropped.
    expect(await run()).toEqual({ sent: 1, skipped: 1 });
    expect(await run()).toEqual({ sent: 0, skipped: 0 });

    const outbox = await w.t.call('GET', '/api/outbox?limit=100', { token: w.owner.token });
    const mail = outbox.body.items.find((m: { kind: string }) => m.kind === 'appointment.reminder');
    expect(mail).toMatchObject({
      to: 'ada@example.test',
      subject: 'Reminder: your visit at Scheduling Clinic on 2027-02-10 at 10:00',
    });
    const token = /\/r\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const view = await w.t.call('GET', `/api/scheduling/reminder-links/${token}`);
    expect(view.body).toMatchObject({
      practiceName: 'Scheduling Clinic',
      providerName: 'Dr. Grace Hopper',
      date: '2027-02-10',
      time: '10:00',
      status: 'scheduled',
    });
    const confirmed = await w.t.call('POST', `/api/scheduling/reminder-links/${token}`, {
      json: { action: 'confirm' },
    });
    expect(confirmed.body.status).toBe('confirmed');
    const stop = await w.t.call('POST', `/api/scheduling/reminder-links/${token}`, {
      json: { action: 'opt_out' },
    });
    expect(stop.status).toBe(200);

    // 24 hours before: the patient opted out, and the other visit is still cancelled.
    clock.set(at('2027-02-09', '11:01'));
    expect(await run()).toEqual({ sent: 0, skipped: 2 });
    const bad = await w.t.call('GET', `/api/scheduling/reminder-links/${'x'.repeat(43)}`);
    expect(bad.status).toBe(404);
    expect(appt.id).toEqual(expect.any(String));
  });

  it('a practice can change the rules; reminders stop when turned off', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const w = await schedulingWorld(NY, await createTestApp({ clock }));
    const saved = await w.t.call('PUT', '/api/scheduling/reminder-settings', {
      token: w.owner.token,
      json: { enabled: false, hoursBefore: [24], version: 0 },
    });
    expect(saved.body).toMatchObject({ enabled: false, hoursBefore: [24], version: 1 });
    await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: w.booking('2027-02-10', '10:00'),
    });
    clock.set(at('2027-02-09', '10:01'));
    expect(await SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform)).toEqual({
      sent: 0,
      skipped: 0,
    });
  });

  it('turning reminders off also stops those queued by earlier bookings', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const w = await schedulingWorld(NY, await createTestApp({ clock }));
    await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: w.booking('2027-02-10', '10:00'),
    });
    await w.t.call('PUT', '/api/scheduling/reminder-settings', {
      token: w.owner.token,
      json: { enabled: false, hoursBefore: [72, 24], version: 0 },
    });
    clock.set(at('2027-02-07', '10:01'));
    expect(await SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform)).toEqual({
      sent: 0,
      skipped: 1,
    });
  });

  it('a patient who prefers texts gets an SMS with the link', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const w = await schedulingWorld(NY, await createTestApp({ clock }));
    const texter = await w.post('/scheduling/patients', {
      firstName: 'Tex',
      lastName: 'Messenger',
      dateOfBirth: '1991-04-04',
      preferredContact: 'sms',
      phone: '(212) 555-0177',
    });
    await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: { ...w.booking('2027-02-10', '10:00'), patientId: texter.id },
    });
    clock.set(at('2027-02-07', '10:01'));
    expect(await SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform)).toEqual({
      sent: 1,
      skipped: 0,
    });
    const outbox = await w.t.call('GET', '/api/outbox?limit=10', { token: w.owner.token });
    const sms = outbox.body.items.find((m: { kind: string }) => m.kind === 'appointment.reminder');
    expect(sms).toMatchObject({ to: '+12125550177', channel: 'sms' });
    expect(sms.text).toMatch(
      /^Reminder: your visit at Scheduling Clinic on 2027-02-10 at 10:00 with Dr\. Grace Hopper\. Confirm or cancel: http\S+\/r\/[A-Za-z0-9_-]{43}$/,
    );
  });

  it('two overlapping runs of the job send a reminder once', async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const w = await schedulingWorld(NY, await createTestApp({ clock }));
    await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: w.booking('2027-02-10', '10:00'),
    });
    clock.set(at('2027-02-07', '10:01'));
    const runs = await Promise.all(
      [1, 2, 3].map(() => SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform)),
    );
    expect(runs.reduce((n, r) => n + (r.sent ?? 0), 0)).toBe(1);
    const outbox = await w.t.call('GET', '/api/outbox?limit=10', { token: w.owner.token });
    expect(outbox.body.items.filter((m: { kind: string }) => m.kind === 'appointment.reminder')).toHaveLength(
      1,
    );
  });
});
