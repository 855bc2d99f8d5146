import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type Session, testClock } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

type Event = { id: string; action: string; sentence: string; patientId?: string; actorName: string };

let w: Awaited<ReturnType<typeof schedulingWorld>>;
let maria: Session;
let dana: { id: string };
let adaVisit: { id: string };

const as = (session: Session) => (method: string, path: string, json?: unknown) =>
  w.t.call(method, `/api${path}`, { token: session.token, json });

/** Every page of a report or a log, following the signed cursors. */
async function walk(session: Session, path: string): Promise<{ items: Event[]; pages: number }> {
  const items: Event[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await as(session)(
      'GET',
      `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

beforeAll(async () => {
  const clock = testClock();
  clock.set(Date.parse('2027-05-01T12:00:00Z'));
  w = await schedulingWorld('America/New_York', await createTestApp({ clock }));
  maria = await addMember(w.t, w.owner, 'manager', 'Maria Lopez');
  const owner = as(w.owner);
  const staff = as(w.staff);
  dana = (
    await owner('POST', '/scheduling/patients', {
      firstName: 'Dana',
      lastName: 'Brooks',
      dateOfBirth: '1990-04-02',
      preferredContact: 'none',
    })
  ).body;
  adaVisit = (await owner('POST', '/scheduling/appointments', w.booking('2027-05-03', '09:00'))).body;
  const danaVisit = await owner('POST', '/scheduling/appointments', {
    ...w.booking('2027-05-03', '10:00'),
    patientId: dana.id,
  });
  expect(danaVisit.status).toBe(201);
  expect((await staff('GET', `/scheduling/patients/${w.patient.id}`)).status).toBe(200);
  expect((await staff('GET', `/scheduling/patients/${dana.id}`)).status).toBe(200);
  expect((await as(maria)('GET', `/scheduling/patients/${w.patient.id}/visits`)).status).toBe(200);
  // A search shows each patient it finds (contact, insurance): each one's report names it.
  expect((await staff('GET', '/scheduling/patients?q=lov')).body.items).toHaveLength(1);
  expect((await staff('GET', '/scheduling/patients?q=bro')).body.items).toHaveLength(1);
  const arrived = await staff('POST', `/scheduling/appointments/${adaVisit.id}/status`, {
    status: 'arrived',
    version: 1,
  });
  expect(arrived.status).toBe(200);
  const fhir = await as(maria)(
    'GET',
    `/scheduling/fhir?locationId=${w.location.id}&from=2027-05-03&to=2027-05-03`,
  );
  expect(fhir.status).toBe(200);
}, 60_000);

describe('a patient’s access report', () => {
  it('lists exactly the reads and changes of that patient, newest first, as sentences with names', async () => {
    const { items } = await walk(maria, `/scheduling/patients/${w.patient.id}/access-report`);
    expect(items.every((e) => e.patientId === w.patient.id)).toBe(true);
    expect(items.map((e) => e.action)).toEqual([
      'patient.exported',
      'appointment.arrived',
      'patient.listed',
      'patient.visits_viewed',
      'patient.viewed',
      'appointment.booked',
      'patient.created',
    ]);
    expect(items.map((e) => e.sentence)).toEqual([
      "Maria Lopez exported Ada Lovelace's visits in a FHIR file",
      'Sue Staff checked in Ada Lovelace',
      'Sue Staff saw Ada Lovelace in a patient list',
      "Maria Lopez viewed Ada Lovelace's visits",
      "Sue Staff viewed Ada Lovelace's details",
      'Olivia Owner booked a visit for Ada Lovelace',
      'Olivia Owner added Ada Lovelace as a patient',
    ]);
    // Not one line about the other patient, though the same people read both.
    expect(JSON.stringify(items)).not.toMatch(/Dana|Brooks/);
    expect(JSON.stringify(items)).not.toContain(dana.id);

    const other = await walk(maria, `/scheduling/patients/${dana.id}/access-report`);
    expect(other.items.map((e) => e.action)).toEqual([
      'patient.exported',
      'patient.listed',
      'patient.viewed',
      'appointment.booked',
      'patient.created',
    ]);
    expect(other.items.every((e) => e.patientId === dana.id)).toBe(true);
    expect(JSON.stringify(other.items)).not.toMatch(/Ada|Lovelace/);
  });

  it('pages with signed cursors, names the patient and the practice’s zone, and logs itself once per run', async () => {
    const whole = await walk(maria, `/scheduling/patients/${w.patient.id}/access-report`);
    const paged = await walk(maria, `/scheduling/patients/${w.patient.id}/access-report?limit=2`);
    expect(paged.pages).toBe(4);
    expect(paged.items.map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
    const first = await as(maria)('GET', `/scheduling/patients/${w.patient.id}/access-report?limit=1`);
    expect(first.body.patient).toEqual({ id: w.patient.id, name: 'Ada Lovelace', dateOfBirth: '1985-12-10' });
    // The practice's zone (signed up in Los Angeles), not the location's.
    expect(first.body.timeZone).toBe('America/Los_Angeles');

    // Running the report is in the audit log (once per run, not per page), not in the report.
    const runs = await walk(w.owner, '/audit?action=audit.patient_report');
    expect(
      runs.items.filter((e) => e.sentence === 'Maria Lopez ran the access report for Ada Lovelace'),
    ).toHaveLength(4);
    expect(runs.items.filter((e) => e.sentence.endsWith('for Dana Brooks'))).toHaveLength(1);
  });

  it('keeps the names each record was written with: a rename shows on new lines only', async () => {
    const current = (await as(w.owner)('GET', `/scheduling/patients/${w.patient.id}`)).body;
    const renamed = await as(w.owner)('PUT', `/scheduling/patients/${w.patient.id}`, {
      firstName: 'Ada',
      lastName: 'King',
      dateOfBirth: current.dateOfBirth,
      preferredContact: current.preferredContact,
      email: current.email,
      version: current.version,
    });
    expect(renamed.status).toBe(200);
    const { items } = await walk(maria, `/scheduling/patients/${w.patient.id}/access-report`);
    expect(items[0]?.sentence).toBe("Olivia Owner updated Ada King's details");
    expect(items[1]?.sentence).toBe("Olivia Owner viewed Ada Lovelace's details");
    expect(items.at(-1)?.sentence).toBe('Olivia Owner added Ada Lovelace as a patient');
  });

  it('is for owners and managers only, and another practice gets a 404', async () => {
    const staff = await as(w.staff)('GET', `/scheduling/patients/${w.patient.id}/access-report`);
    expect(staff.status).toBe(403);
    const stranger = await schedulingWorld('America/New_York', w.t);
    const other = await w.t.call('GET', `/api/scheduling/patients/${w.patient.id}/access-report`, {
      token: stranger.owner.token,
    });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    // Their own patient's report shows nothing of this practice.
    const own = await walk(stranger.owner, `/scheduling/patients/${stranger.patient.id}/access-report`);
    expect(own.items.map((e) => e.action)).toEqual(['patient.created']);
  });

  it('does not count aggregate pages (measures, monthly snapshots) as reads of any patient', async () => {
    const patientEvents = async () => (await walk(w.owner, '/audit?action=patient.')).items.length;
    const visitEvents = async () => (await walk(w.owner, '/audit?action=appointment.')).items.length;
    const report = async (id: string) =>
      (await walk(maria, `/scheduling/patients/${id}/access-report`)).items.filter(
        (e) => e.action !== 'audit.patient_report',
      ).length;
    const before = [
      await patientEvents(),
      await visitEvents(),
      await report(w.patient.id),
      await report(dana.id),
    ];
    const weeks = await as(w.owner)(
      'GET',
      `/scheduling/measures?locationId=${w.location.id}&weekOf=2027-05-03&weeks=4`,
    );
    expect(weeks.status).toBe(200);
    expect(weeks.body.weeks.at(-1).booked).toBe(2);
    const months = await as(w.owner)(
      'GET',
      `/scheduling/measures/months?locationId=${w.location.id}&months=3`,
    );
    expect(months.status).toBe(200);
    const after = [
      await patientEvents(),
      await visitEvents(),
      await report(w.patient.id),
      await report(dana.id),
    ];
    expect(after).toEqual(before);
  });
});
