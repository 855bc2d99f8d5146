import { expect } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

/** A practice with one location in `timeZone`, a provider working weekdays 08:00–17:00, a type and a patient. */
export async function schedulingWorld(timeZone = 'America/New_York', t?: TestApp) {
  const app = t ?? (await createTestApp());
  const owner = await signUpPractice(app, 'Scheduling Clinic');
  const staff = await addMember(app, owner, 'staff', 'Sue Staff');
  const post = async (path: string, json: unknown, session: Session = owner) => {
    const res = await app.call('POST', `/api${path}`, { token: session.token, json });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body;
  };
  const location = await post('/locations', {
    name: 'Main Office',
    address: { line1: '1 Main St', city: 'Springfield', state: 'NY', postalCode: '10001' },
    phone: '(212) 555-0100',
    timeZone,
    hours: DEFAULT_HOURS,
  });
  const provider = await post('/scheduling/providers', {
    name: 'Dr. Grace Hopper',
    title: 'MD',
    color: '#1f6feb',
    locationIds: [location.id],
  });
  await post('/scheduling/templates', {
    providerId: provider.id,
    locationId: location.id,
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
    effectiveFrom: '2026-01-01',
  });
  const type = await post('/scheduling/types', {
    name: 'Follow-up',
    durationMinutes: 30,
    color: '#2da44e',
    patientKind: 'established',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    needsRoom: false,
  });
  const patient = await post('/scheduling/patients', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    dateOfBirth: '1985-12-10',
    preferredContact: 'email',
    email: 'ada@example.test',
  });
  const booking = (date: string, time: string, extra: Record<string, unknown> = {}) => ({
    patientId: patient.id,
    providerId: provider.id,
    locationId: location.id,
    typeId: type.id,
    date,
    time,
    ...extra,
  });
  return { t: app, owner, staff, post, location, provider, type, patient, booking };
}
