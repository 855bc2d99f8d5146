import { type ModuleFixture, poster } from './module-fixture.ts';

export const SCHEDULING = {
  type: {
    name: 'Follow-up',
    durationMinutes: 20,
    color: '#884422',
    patientKind: 'established',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    needsRoom: false,
  },
  patient: {
    firstName: 'Pat',
    lastName: 'Sample',
    dateOfBirth: '1980-01-01',
    preferredContact: 'phone',
    phone: '(503) 555-0199',
  },
};

/**
 * Scheduling in practice A: a provider (linked to the provider-role user, so that role may cancel and
 * move its visits) with weekday hours, a visit type, a room, a holiday, a patient, a booking, a
 * waitlist entry and a recall.
 */
export const schedulingFixture: ModuleFixture = {
  seed: async ({ t, a, roles, ids }) => {
    const post = poster(t, a);
    const locationId = ids.locationId!;
    const providerUserId = roles.provider.userId;
    const providerId = await post('/scheduling/providers', {
      name: 'Dr. Ada Provider',
      userId: providerUserId,
      color: '#336699',
      locationIds: [locationId],
    });
    const typeId = await post('/scheduling/types', SCHEDULING.type);
    const resourceId = await post('/scheduling/resources', { locationId, name: 'Exam 1', kind: 'room' });
    const templateId = await post('/scheduling/templates', {
      providerId,
      locationId,
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
      effectiveFrom: '2026-01-01',
    });
    const exceptionId = await post('/scheduling/exceptions', {
      kind: 'holiday',
      startDate: '2027-12-24',
      endDate: '2027-12-26',
      reason: 'Winter holiday',
    });
    const patientId = await post('/scheduling/patients', SCHEDULING.patient);
    const appointmentId = await post('/scheduling/appointments', {
      patientId,
      providerId,
      locationId,
      typeId,
      date: '2027-03-02',
      time: '09:00',
    });
    const waitlistId = await post('/scheduling/waitlist', {
      patientId,
      locationId,
      typeId,
      earliestDate: '2027-03-01',
      latestDate: '2027-03-31',
    });
    const recallId = await post('/scheduling/recalls', {
      patientId,
      reason: 'Annual physical',
      dueDate: '2027-05-01',
    });
    const scheduleSourceId = await post('/scheduling/imports/sources', {
      kind: 'patients',
      name: 'Old EHR export',
      mapping: { last_name: 'Surname' },
    });
    return {
      scheduleSourceId,
      providerId,
      typeId,
      resourceId,
      templateId,
      exceptionId,
      patientId,
      appointmentId,
      waitlistId,
      recallId,
    };
  },
  idPrefixes: {
    '/scheduling/providers': 'providerId',
    '/scheduling/types': 'typeId',
    '/scheduling/resources': 'resourceId',
    '/scheduling/templates': 'templateId',
    '/scheduling/exceptions': 'exceptionId',
    '/scheduling/patients': 'patientId',
    '/scheduling/appointments': 'appointmentId',
    '/scheduling/waitlist': 'waitlistId',
    '/scheduling/recalls': 'recallId',
    '/scheduling/imports/sources': 'scheduleSourceId',
  },
  // The patient's access report reads the practice's zone for a date range, then one keyed Query.
  queries: (ids) => ({
    '/scheduling/patients/:id/access-report': '?from=2026-01-01&limit=5',
    '/scheduling/measures/months': `?locationId=${ids.locationId}&months=1`,
    '/scheduling/measures': `?locationId=${ids.locationId}&weekOf=2027-03-02&weeks=2`,
    '/scheduling/fhir': `?locationId=${ids.locationId}&from=2027-03-01&to=2027-03-07`,
    '/scheduling/week': `?providerId=${ids.providerId}&weekOf=2027-03-02`,
    '/scheduling/day/hours': `?locationId=${ids.locationId}&date=2027-03-02`,
    '/scheduling/day': `?locationId=${ids.locationId}&date=2027-03-02`,
    '/scheduling/slots': `?typeId=${ids.typeId}&locationId=${ids.locationId}&from=2027-03-01`,
  }),
  bodies: (ids) => {
    const provider = { name: 'Dr. Sample Provider', color: '#336699', locationIds: [ids.locationId] };
    return {
      'POST /scheduling/providers': provider,
      'PUT /scheduling/providers/:id': { ...provider, version: 1 },
      'POST /scheduling/providers/:id/deactivate': { version: 1 },
      'POST /scheduling/providers/:id/feed': { showNames: false, version: 1 },
      'POST /scheduling/providers/:id/feed/revoke': { version: 1 },
      'POST /scheduling/providers/:id/reactivate': { version: 1 },
      'POST /scheduling/resources': { locationId: ids.locationId, name: 'Room 9', kind: 'room' },
      'PUT /scheduling/resources/:id': {
        locationId: ids.locationId,
        name: 'Exam 1A',
        kind: 'room',
        version: 1,
      },
      'POST /scheduling/resources/:id/deactivate': { version: 1 },
      'POST /scheduling/resources/:id/reactivate': { version: 1 },
      'POST /scheduling/types': SCHEDULING.type,
      'PUT /scheduling/types/:id': { ...SCHEDULING.type, version: 1 },
      'POST /scheduling/types/:id/deactivate': { version: 1 },
      'POST /scheduling/types/:id/reactivate': { version: 1 },
      'POST /scheduling/templates': {
        providerId: ids.providerId,
        locationId: ids.locationId,
        blocks: [{ weekday: 6, start: '09:00', end: '12:00' }],
        effectiveFrom: '2027-01-01',
      },
      'POST /scheduling/exceptions': {
        kind: 'time_off',
        providerId: ids.providerId,
        startDate: '2027-07-01',
        endDate: '2027-07-02',
        reason: 'Conference',
      },
      'POST /scheduling/patients': SCHEDULING.patient,
      'PUT /scheduling/patients/:id': { ...SCHEDULING.patient, version: 1 },
      'POST /scheduling/appointments': {
        patientId: ids.patientId,
        providerId: ids.providerId,
        locationId: ids.locationId,
        typeId: ids.typeId,
        date: '2027-03-03',
        time: '10:00',
      },
      'POST /scheduling/appointments/:id/reschedule': { date: '2027-03-04', time: '11:00', version: 1 },
      'POST /scheduling/appointments/:id/cancel': { by: 'practice', version: 1 },
      'POST /scheduling/appointments/:id/status': { status: 'confirmed', version: 1 },
      'POST /scheduling/appointments/:id/undo': { version: 1 },
      'POST /scheduling/waitlist': {
        patientId: ids.patientId,
        locationId: ids.locationId,
        typeId: ids.typeId,
        providerIds: [ids.providerId],
        earliestDate: '2027-04-01',
        latestDate: '2027-04-30',
        fromTime: '08:00',
        toTime: '12:00',
      },
      'POST /scheduling/waitlist/:id/close': { status: 'removed', version: 1 },
      'POST /scheduling/imports/sources': { kind: 'patients', name: 'Kareo export', mapping: {} },
      'PUT /scheduling/imports/sources/:id': { name: 'Old EHR patients', version: 1 },
      'POST /scheduling/imports': {
        kind: 'patients',
        csv: 'first_name,last_name,date_of_birth,email\nIvy,Import,1970-02-03,ivy@example.test\n',
        dryRun: true,
      },
      'PUT /scheduling/reminder-settings': { enabled: true, hoursBefore: [48, 2], version: 0 },
      'POST /scheduling/reminder-links/:token': { action: 'confirm' },
      'POST /scheduling/recalls': { patientId: ids.patientId, reason: 'Follow-up', dueDate: '2027-06-01' },
      'POST /scheduling/recalls/:id/outreach': { channel: 'phone', outcome: 'left_message', version: 1 },
    };
  },
};
