import { describe, expect, it } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import { reminderDue } from '../../functions/scheduling/reminder-settings.service.ts';
import { patientDateTime } from '../../shared/locale.ts';
import { ReminderLinkViewSchema } from '../../shared/schemas/scheduling.ts';
import { DEFAULT_BRANDING } from '../../shared/schemas/tenants.ts';
import { zonedInstant } from '../../shared/time.ts';
import { createTestApp, testClock } from '../support/app.ts';
import { uploadLogo } from '../support/files.ts';
import { solidPng } from '../support/pdf-tools.ts';
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

describe('a visit written for patients', () => {
  it('in words, in the practice locale, at the location clock, naming the zone', () => {
    expect(patientDateTime('2027-02-03', '09:00', NY, 'en-US')).toBe(
      'Wednesday, February 3, 2027 at 9:00 AM (Eastern Time)',
    );
    // Summer time is still "Eastern Time": the patient reads the clock on the wall, not the offset.
    expect(patientDateTime('2027-07-04', '13:05', NY, 'en-US')).toBe(
      'Sunday, July 4, 2027 at 1:05 PM (Eastern Time)',
    );
    expect(patientDateTime('2027-02-03', '12:00', 'America/Los_Angeles', 'en-US')).toBe(
      'Wednesday, February 3, 2027 at 12:00 PM (Pacific Time)',
    );
    // Arizona keeps standard time all year, and says so.
    expect(patientDateTime('2027-07-04', '08:30', 'America/Phoenix', 'en-US')).toBe(
      'Sunday, July 4, 2027 at 8:30 AM (Mountain Standard Time)',
    );
  });

  it('with plain spaces only, so a text message stays in the GSM alphabet', () => {
    expect(patientDateTime('2027-02-03', '09:00', NY, 'en-US')).not.toMatch(/[\u00a0\u202f]/);
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
      subject:
        'Reminder: your visit at Scheduling Clinic on Wednesday, February 10, 2027 at 10:00 AM (Eastern Time)',
    });
    const token = /\/r\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // Signed by the practice, the date written out at the location's clock, no raw 2027-02-10 10:00.
    expect(mail.text.replace(/http\S+\/r\/[A-Za-z0-9_-]{43}/, '<link>')).toBe(
      [
        'Hello Ada,',
        '',
        'This is a reminder from Scheduling Clinic of your follow-up with Dr. Grace Hopper:',
        '',
        'Wednesday, February 10, 2027 at 10:00 AM (Eastern Time)',
        'Main Office',
        '1 Main St',
        'Springfield, NY 10001',
        '',
        'Confirm or cancel (no sign-in needed): <link>',
        '',
        'Questions? Call (212) 555-0100.',
        'Scheduling Clinic',
        '',
        'To stop these reminders, use the link above.',
      ].join('\n'),
    );
    expect(mail.text).not.toMatch(/2027-02-10|10:00(?! AM)|Rounds/);
    const view = await w.t.call('GET', `/api/scheduling/reminder-links/${token}`);
    expect(view.status).toBe(200);
    // The response is what the schema (and so the OpenAPI document) says it is.
    expect(ReminderLinkViewSchema.safeParse(view.body).error).toBeUndefined();
    expect(view.body).toEqual({
      practiceName: 'Scheduling Clinic',
      providerName: 'Dr. Grace Hopper',
      locationName: 'Main Office',
      date: '2027-02-10',
      time: '10:00',
      status: 'scheduled',
      timeZone: NY,
      locale: 'en-US',
      branding: { ...DEFAULT_BRANDING, logoUrl: null },
      locationAddress: { line1: '1 Main St', city: 'Springfield', state: 'NY', postalCode: '10001' },
      locationPhone: '(212) 555-0100',
    });
    // The OpenAPI document describes the same fields, from the same schema.
    const doc = (await w.t.call('GET', '/api/openapi.json')).body;
    const documented =
      doc.paths['/api/scheduling/reminder-links/{token}'].get.responses['200'].content['application/json']
        .schema;
    expect(Object.keys(documented.properties).sort()).toEqual(Object.keys(view.body).sort());
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
    // The whole reminder life cycle through the API: allowed more than the default on a busy machine.
  }, 60_000);

  it("speaks at the location's clock and shows the practice's own logo and colors", async () => {
    const clock = testClock();
    clock.set(Date.parse('2027-02-01T12:00:00Z'));
    const CHICAGO = 'America/Chicago';
    const w = await schedulingWorld(CHICAGO, await createTestApp({ clock }));
    const tenant = (await w.t.call('GET', '/api/tenant', { token: w.owner.token })).body;
    const logo = await uploadLogo(w.t, w.owner, solidPng(4, 4, [242, 193, 78]));
    const branding = { logoFileId: logo.id, primaryColor: '#f2c14e', accentColor: '#1d3557' };
    const saved = await w.t.call('PUT', '/api/tenant/branding', {
      token: w.owner.token,
      json: { ...branding, version: tenant.version },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await w.t.call('POST', '/api/scheduling/appointments', {
      token: w.owner.token,
      json: w.booking('2027-02-10', '15:30'),
    });
    clock.set(zonedInstant('2027-02-07', '15:31', CHICAGO));
    expect(await SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform)).toEqual({
      sent: 1,
      skipped: 0,
    });
    const outbox = await w.t.call('GET', '/api/outbox?limit=10', { token: w.owner.token });
    const mail = outbox.body.items.find((m: { kind: string }) => m.kind === 'appointment.reminder');
    expect(mail.subject).toBe(
      'Reminder: your visit at Scheduling Clinic on Wednesday, February 10, 2027 at 3:30 PM (Central Time)',
    );
    const token = /\/r\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const view = await w.t.call('GET', `/api/scheduling/reminder-links/${token}`);
    expect(view.body).toMatchObject({
      date: '2027-02-10',
      time: '15:30',
      timeZone: CHICAGO,
      branding: { ...branding, logoUrl: `/api/public/logo/${w.owner.tenantId}/${logo.id}` },
    });
    // The patient's page loads the logo from there, without signing in.
    const image = await w.t.call('GET', view.body.branding.logoUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
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
      /^Scheduling Clinic: reminder of your visit with Dr\. Grace Hopper on Wednesday, February 10, 2027 at 10:00 AM \(Eastern Time\)\. Confirm or cancel: http\S+\/r\/[A-Za-z0-9_-]{43}$/,
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
