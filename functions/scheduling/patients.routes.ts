import * as z from 'zod/mini';
import { PatientAccessQuerySchema, PatientAccessReportSchema } from '../../shared/schemas/audit.ts';
import { IdSchema, PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  AppointmentSchema,
  PatientFindQuerySchema,
  PatientInputSchema,
  PatientMatchSchema,
  PatientSchema,
  PatientSearchSchema,
  UpdatePatientSchema,
} from '../../shared/schemas/scheduling.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import * as accessReport from './access-report.service.ts';
import * as patients from './patients.service.ts';

const IdParams = z.object({ id: IdSchema });

type Route = ReturnType<typeof defineDomain>['route'];

/** Patients: search, record, visits and the access report. */
export function patientRoutes(route: Route, tag: string) {
  // --- patients ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/patients',
      summary: 'Find patients by last name',
      roles: 'practice',
      query: PatientSearchSchema,
      response: pageOf(PatientSchema),
    },
    (r) => patients.searchPatients(r.db, r.query.q || undefined, pageArgs(r.query)),
  );
  // Registered before /scheduling/patients/:id, which would otherwise take "search" for an id.
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/patients/search',
      summary:
        'Find patients as you type: last name, "last, first", "first last", birth date (MM/DD/YYYY or YYYY-MM-DD) or phone (audited)',
      roles: 'practice',
      query: PatientFindQuerySchema,
      response: pageOf(PatientMatchSchema),
    },
    (r) => patients.findPatients(r.db, r.query.q || undefined, pageArgs(r.query)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/patients',
      summary: 'Add a patient',
      roles: 'frontDesk',
      body: PatientInputSchema,
      response: PatientSchema,
      status: 201,
    },
    (r) => patients.createPatient(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/patients/:id',
      summary: 'Get a patient (audited)',
      roles: 'practice',
      params: IdParams,
      response: PatientSchema,
    },
    (r) => patients.getPatient(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/patients/:id/visits',
      summary: 'A patient’s visits, latest first (audited)',
      roles: 'practice',
      params: IdParams,
      query: PageQuerySchema,
      response: pageOf(AppointmentSchema),
    },
    (r) => patients.patientVisits(r.db, r.params.id, pageArgs(r.query, 10)),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/patients/:id/access-report',
      summary:
        'Who read or changed this patient’s data, when and what, newest first (owner and manager; running it is audited)',
      roles: 'practiceAdmins',
      params: IdParams,
      query: PatientAccessQuerySchema,
      response: PatientAccessReportSchema,
    },
    (r) => accessReport.patientAccessReport(r.db, r.params.id, r.query),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/patients/:id',
      summary: 'Update a patient',
      roles: 'frontDesk',
      params: IdParams,
      body: UpdatePatientSchema,
      response: PatientSchema,
    },
    (r) => patients.updatePatient(r.db, r.params.id, r.body),
  );
}
