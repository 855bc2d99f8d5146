import { describe, expect, it } from 'vitest';
import { errorsIn, validateBundle, validateResource } from './fhir-r4.ts';

// The validator must fail what R4 fails, or a green export test proves nothing.
const PATIENT = 'urn:uuid:0b7e1c2a-4d5f-4a8b-9c0d-1e2f3a4b5c6d';
const PRACTITIONER = 'urn:uuid:1c8f2d3b-5e6a-4b9c-8d1e-2f3a4b5c6d7e';
const SLOT = 'urn:uuid:2d9a3e4c-6f7b-4cad-9e2f-3a4b5c6d7e8f';
const SCHEDULE = 'urn:uuid:3eab4f5d-7a8c-4dbe-8f3a-4b5c6d7e8f9a';

function bundle(): any {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: '2027-03-01T12:00:00.000Z',
    entry: [
      {
        fullUrl: PATIENT,
        resource: { resourceType: 'Patient', id: 'p1', name: [{ family: 'Lovelace', given: ['Ada'] }] },
      },
      {
        fullUrl: PRACTITIONER,
        resource: { resourceType: 'Practitioner', id: 'dr1', active: true, name: [{ text: 'Dr. Hopper' }] },
      },
      {
        fullUrl: SCHEDULE,
        resource: {
          resourceType: 'Schedule',
          id: 's1',
          actor: [{ reference: PRACTITIONER, type: 'Practitioner' }],
          planningHorizon: { start: '2027-03-01', end: '2027-03-07' },
        },
      },
      {
        fullUrl: SLOT,
        resource: {
          resourceType: 'Slot',
          id: 'slot1',
          schedule: { reference: SCHEDULE },
          status: 'busy',
          start: '2027-03-01T14:00:00.000Z',
          end: '2027-03-01T14:30:00.000Z',
        },
      },
      {
        fullUrl: 'urn:uuid:4fbc5a6e-8b9d-4ecf-9a4b-5c6d7e8f9a0b',
        resource: {
          resourceType: 'Appointment',
          id: 'a1',
          status: 'booked',
          start: '2027-03-01T14:00:00.000Z',
          end: '2027-03-01T14:30:00.000Z',
          minutesDuration: 30,
          slot: [{ reference: SLOT }],
          participant: [
            { actor: { reference: PATIENT }, status: 'accepted' },
            { actor: { reference: PRACTITIONER }, status: 'accepted' },
          ],
        },
      },
    ],
  };
}
const appointment = (b: any) => b.entry[4].resource;
/** The rules broken, each once. */
const broken = (b: unknown, closed = true) => [
  ...new Set(
    validateBundle(b, { closed })
      .filter((i) => i.severity === 'error')
      .map((i) => i.rule),
  ),
];

describe('FHIR R4 validation helper', () => {
  it('passes a valid collection bundle, with only the narrative guideline as a warning', () => {
    const issues = validateBundle(bundle(), { closed: true });
    expect(errorsIn(issues)).toEqual([]);
    expect(issues.every((i) => i.rule === 'dom-6' && i.severity === 'warning')).toBe(true);
  });

  it('enforces the Bundle invariants', () => {
    const cases: [string, (b: any) => void][] = [
      ['bdl-1', (b) => (b.total = 5)],
      ['bdl-2', (b) => (b.entry[0].search = { mode: 'match' })],
      ['bdl-3', (b) => (b.entry[0].request = { method: 'GET', url: 'Patient/p1' })],
      ['bdl-4', (b) => (b.entry[0].response = { status: '200' })],
      ['bdl-5', (b) => b.entry.push({ fullUrl: 'urn:uuid:5acd6b7f-9cae-4fd0-8b5c-6d7e8f9a0b1c' })],
      ['bdl-7', (b) => (b.entry[1].fullUrl = PATIENT)],
      ['bdl-8', (b) => (b.entry[0].fullUrl = 'https://ehr.example/fhir/Patient/p1/_history/2')],
      ['bdl-12', (b) => (b.type = 'message')],
    ];
    for (const [rule, spoil] of cases) {
      const b = bundle();
      spoil(b);
      expect(broken(b), rule).toContain(rule);
    }
    const doc = bundle();
    doc.type = 'document';
    delete doc.timestamp;
    expect(broken(doc)).toEqual(expect.arrayContaining(['bdl-9', 'bdl-10', 'bdl-11']));
  });

  it('checks fullUrls and resolves references the way bundle.html says', () => {
    const b = bundle();
    b.entry[0].fullUrl = 'urn:uuid:0B7E1C2A-4D5F-4A8B-9C0D-1E2F3A4B5C6D';
    expect(broken(b)).toContain('fullUrl');
    b.entry[0].fullUrl = 'urn:rounds:Patient/p1';
    expect(broken(b)).toContain('fullUrl');
    b.entry[0].fullUrl = 'https://ehr.example/fhir/Patient/p2';
    expect(broken(b)).toContain('fullUrl');

    // Relative references resolve against a RESTful fullUrl's base, and only then.
    const restful = bundle();
    restful.entry[0].fullUrl = 'https://ehr.example/fhir/Patient/p1';
    restful.entry[4].fullUrl = 'https://ehr.example/fhir/Appointment/a1';
    appointment(restful).participant[0].actor.reference = 'Patient/p1';
    expect(broken(restful)).not.toContain('reference');
    restful.entry[4].fullUrl = 'urn:uuid:4fbc5a6e-8b9d-4ecf-9a4b-5c6d7e8f9a0b';
    expect(broken(restful)).toContain('reference');

    const dangling = bundle();
    appointment(dangling).participant[0].actor.reference = 'urn:uuid:9fbc5a6e-8b9d-4ecf-9a4b-5c6d7e8f9a0b';
    expect(broken(dangling)).toContain('reference');
    const external = bundle();
    appointment(external).participant[0].actor.reference = 'https://ehr.example/fhir/Patient/p9';
    expect(broken(external, false)).not.toContain('reference');
    expect(broken(external, true)).toContain('reference');

    const wrongType = bundle();
    wrongType.entry[2].resource.actor[0].reference = SLOT;
    wrongType.entry[2].resource.actor[0].type = 'Slot';
    expect(errorsIn(validateBundle(wrongType)).join('\n')).toMatch(/is a Slot; this element admits/);
    const lyingType = bundle();
    lyingType.entry[2].resource.actor[0].type = 'Patient';
    expect(errorsIn(validateBundle(lyingType)).join('\n')).toMatch(/says Patient but .* is a Practitioner/);
  });

  it('checks structure, value sets and primitives against the R4 definitions', () => {
    const cases: [string, (a: any) => void, RegExp][] = [
      ['status outside the value set', (a) => (a.status = 'scheduled'), /Code "scheduled" not found/],
      ['no status', (a) => delete a.status, /Appointment\.status.*Missing property/],
      ['no participant', (a) => delete a.participant, /Appointment\.participant.*Missing property/],
      ['participant status', (a) => (a.participant[0].status = 'yes'), /Code "yes" not found/],
      ['an unknown element', (a) => (a.startTime = 'x'), /Unexpected property/],
      ['an instant without a zone', (a) => (a.start = '2027-03-01T14:00:00'), /is not a valid instant/],
      ['an instant without seconds', (a) => (a.end = '2027-03-01T14:30Z'), /is not a valid instant/],
      ['an id with _', (a) => (a.id = 'a_1'), /is not a valid id/],
      ['a number for a string', (a) => (a.comment = 42), /42 is not a valid string \(a JSON string\)/],
      ['a zero duration', (a) => (a.minutesDuration = 0), /positive integer|not a valid positiveInt/],
      ['an empty string', (a) => (a.comment = ''), /empty strings/],
      ['an empty object', (a) => (a.appointmentType = {}), /needs a value or children/],
    ];
    for (const [what, spoil, message] of cases) {
      const b = bundle();
      spoil(appointment(b));
      expect(errorsIn(validateBundle(b)).join('\n'), what).toMatch(message);
    }
    const slot = bundle().entry[3].resource;
    slot.status = 'booked';
    expect(errorsIn(validateResource(slot)).join('\n')).toMatch(/Code "booked" not found/);
  });

  it('enforces the resource invariants the export can meet', () => {
    const cases: [string, (b: any) => void][] = [
      ['app-1', (b) => (appointment(b).participant[0] = { status: 'accepted' })],
      ['app-2', (b) => delete appointment(b).end],
      [
        'app-3',
        (b) => {
          delete appointment(b).start;
          delete appointment(b).end;
        },
      ],
      ['app-4', (b) => (appointment(b).cancelationReason = { text: 'Patient ill' })],
      ['per-1', (b) => (b.entry[2].resource.planningHorizon = { start: '2027-03-07', end: '2027-03-01' })],
      ['cpt-2', (b) => (b.entry[0].resource.telecom = [{ value: '555-0100' }])],
      ['pat-1', (b) => (b.entry[0].resource.contact = [{ gender: 'female' }])],
      ['ref-1', (b) => (appointment(b).participant[0].actor.reference = '#nobody')],
    ];
    for (const [rule, spoil] of cases) {
      const b = bundle();
      spoil(b);
      expect(broken(b), rule).toContain(rule);
    }
    const cancelled = bundle();
    appointment(cancelled).status = 'cancelled';
    appointment(cancelled).cancelationReason = { text: 'Patient ill' };
    delete appointment(cancelled).start;
    delete appointment(cancelled).end;
    expect(errorsIn(validateBundle(cancelled, { closed: true }))).toEqual([]);
  });
});
