import { beforeAll, describe, expect, it } from 'vitest';
import { fhirFullUrl } from '../../functions/scheduling/fhir.service.ts';
import { errorsIn, validateBundle } from '../support/fhir-r4.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: w.owner.token, json });
const exportWeek = async () => {
  const res = await call('GET', `/scheduling/fhir?locationId=${w.location.id}&from=2027-03-01&to=2027-03-07`);
  expect(res.status).toBe(200);
  // What a client receives: the JSON text, not the handler's objects.
  return JSON.parse(JSON.stringify(res.body));
};

type Entry = { fullUrl: string; resource: { resourceType: string; id: string; status?: string } };

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
  const a = (await call('POST', '/scheduling/appointments', w.booking('2027-03-01', '09:00'))).body;
  await call('POST', '/scheduling/appointments', w.booking('2027-03-02', '10:00'));
  await call('POST', `/scheduling/appointments/${a.id}/status`, { status: 'arrived', version: 1 });
  // A cancelled visit: its Slot is free and the Appointment keeps its times (app-3 allows either).
  const c = (await call('POST', '/scheduling/appointments', w.booking('2027-03-03', '11:00'))).body;
  await call('POST', `/scheduling/appointments/${c.id}/cancel`, { by: 'patient', version: 1 });
  await call('POST', '/scheduling/appointments', w.booking('2027-04-01', '10:00'));
});

describe('FHIR R4 export', () => {
  it('passes R4 validation: structure, value sets, the Bundle invariants and reference resolution', async () => {
    const issues = validateBundle(await exportWeek(), { closed: true });
    expect(errorsIn(issues)).toEqual([]);
    // Narrative (dom-6) is a best-practice warning only; any other warning is news.
    expect([...new Set(issues.map((i) => i.rule))]).toEqual(['dom-6']);
  });

  it('holds the week’s resources, each reference naming its target’s fullUrl', async () => {
    const bundle = await exportWeek();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.total).toBeUndefined();
    const entries = bundle.entry as Entry[];
    const resources = entries.map((e) => e.resource);
    const counts = (type: string) => resources.filter((r) => r.resourceType === type).length;
    expect(['Location', 'Practitioner', 'Schedule', 'Slot', 'Appointment', 'Patient'].map(counts)).toEqual([
      1, 1, 1, 3, 3, 1,
    ]);
    for (const e of entries) expect(e.fullUrl).toBe(fhirFullUrl(e.resource.resourceType, e.resource.id));
    const appointments = resources.filter((r) => r.resourceType === 'Appointment');
    expect(appointments.map((r) => r.status).sort()).toEqual(['arrived', 'booked', 'cancelled']);
    const arrived = appointments.find((r) => r.status === 'arrived');
    expect(arrived).toMatchObject({
      start: '2027-03-01T14:00:00.000Z',
      minutesDuration: 30,
      participant: [
        { actor: { reference: fhirFullUrl('Patient', w.patient.id), type: 'Patient' } },
        { actor: { reference: fhirFullUrl('Practitioner', w.provider.id), type: 'Practitioner' } },
        { actor: { reference: fhirFullUrl('Location', w.location.id), type: 'Location' } },
      ],
    });
    expect(resources.find((r) => r.resourceType === 'Patient')).toMatchObject({
      name: [{ family: 'Lovelace', given: ['Ada'] }],
      birthDate: '1985-12-10',
    });
    // Name-based uuids: a second export names every resource the same, so a receiver can match them.
    const again = (await exportWeek()).entry as Entry[];
    expect(again.map((e) => e.fullUrl).sort()).toEqual(entries.map((e) => e.fullUrl).sort());
  });

  it('is audited, and refuses ranges over 31 days', async () => {
    const audit = await call('GET', '/audit?entityType=patient&limit=50');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('patient.exported');
    const tooLong = await call(
      'GET',
      `/scheduling/fhir?locationId=${w.location.id}&from=2027-01-01&to=2027-03-01`,
    );
    expect(tooLong.status).toBe(400);
  });
});
