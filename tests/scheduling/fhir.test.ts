import { beforeAll, describe, expect, it } from 'vitest';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: w.owner.token, json });

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
  const a = (await call('POST', '/scheduling/appointments', w.booking('2027-03-01', '09:00'))).body;
  await call('POST', '/scheduling/appointments', w.booking('2027-03-02', '10:00'));
  await call('POST', `/scheduling/appointments/${a.id}/status`, { status: 'arrived', version: 1 });
  await call('POST', '/scheduling/appointments', w.booking('2027-04-01', '10:00'));
});

describe('FHIR R4 export', () => {
  it('is a Bundle whose every reference resolves to a resource inside it', async () => {
    const res = await call(
      'GET',
      `/scheduling/fhir?locationId=${w.location.id}&from=2027-03-01&to=2027-03-07`,
    );
    expect(res.status).toBe(200);
    const bundle = JSON.parse(JSON.stringify(res.body));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const resources = bundle.entry.map((e: { resource: { resourceType: string; id: string } }) => e.resource);
    const ids = new Set(
      resources.map((r: { resourceType: string; id: string }) => `${r.resourceType}/${r.id}`),
    );
    const counts = (type: string) =>
      resources.filter((r: { resourceType: string }) => r.resourceType === type).length;
    expect([
      counts('Location'),
      counts('Practitioner'),
      counts('Schedule'),
      counts('Slot'),
      counts('Appointment'),
      counts('Patient'),
    ]).toEqual([1, 1, 1, 2, 2, 1]);
    const references: string[] = [];
    JSON.stringify(bundle, (key, value) => {
      if (key === 'reference') references.push(value);
      return value;
    });
    expect(references.length).toBeGreaterThan(8);
    for (const ref of references) expect(ids.has(ref), ref).toBe(true);
    const arrived = resources.find(
      (r: { resourceType: string; status?: string }) =>
        r.resourceType === 'Appointment' && r.status === 'arrived',
    );
    expect(arrived).toMatchObject({ start: '2027-03-01T14:00:00.000Z', minutesDuration: 30 });
    expect(resources.find((r: { resourceType: string }) => r.resourceType === 'Patient')).toMatchObject({
      name: [{ family: 'Lovelace', given: ['Ada'] }],
      birthDate: '1985-12-10',
    });
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
