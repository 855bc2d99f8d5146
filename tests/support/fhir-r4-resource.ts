/**
 * The resource invariants of the FHIR R4 test validator (tests/support/fhir-r4.ts) that FHIR.js
 * does not evaluate: dom-* for every DomainResource, then app-* (Appointment) and pat-1 (Patient).
 */
import { type FhirIssue, isObject, type Json, list, referencesIn } from './fhir-r4-json.ts';

/** dom-2..6 for every DomainResource, then the invariants of the resource's own type. */
export function resourceInvariants(resource: Json, path: string): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const fail = (rule: string, at: string, message: string) =>
    issues.push({ severity: 'error', rule, path: at, message });
  const contained = list(resource.contained).filter(isObject);
  contained.forEach((c, i) => {
    const at = `${path}.contained[${i}]`;
    if (c.contained !== undefined) fail('dom-2', at, 'a contained resource cannot contain resources');
    const meta = isObject(c.meta) ? c.meta : {};
    if (meta.versionId !== undefined || meta.lastUpdated !== undefined) {
      fail('dom-4', `${at}.meta`, 'a contained resource cannot have meta.versionId or meta.lastUpdated');
    }
    if (meta.security !== undefined)
      fail('dom-5', `${at}.meta`, 'a contained resource cannot have security labels');
    const referenced = referencesIn(resource, path).some((r) => r.ref.reference === `#${c.id}`);
    if (!referenced)
      fail('dom-3', at, 'a contained resource must be referenced from elsewhere in the resource');
  });
  const text = isObject(resource.text) ? resource.text : undefined;
  if (resource.resourceType !== 'Bundle' && !text?.div) {
    // dom-6 is a guideline: the HL7 validator reports it as a best-practice warning, not an error.
    issues.push({ severity: 'warning', rule: 'dom-6', path, message: 'a resource should have narrative' });
  }
  if (resource.resourceType === 'Appointment') {
    const participants = list(resource.participant).filter(isObject);
    participants.forEach((p, i) => {
      if (p.type === undefined && p.actor === undefined) {
        fail(
          'app-1',
          `${path}.participant[${i}]`,
          'either the type or actor on the participant SHALL be specified',
        );
      }
    });
    const hasStart = resource.start !== undefined;
    const hasEnd = resource.end !== undefined;
    if (hasStart !== hasEnd) fail('app-2', path, 'either start and end are specified, or neither');
    if (!(hasStart && hasEnd) && !['proposed', 'cancelled', 'waitlist'].includes(resource.status as string)) {
      fail('app-3', path, 'only proposed or cancelled appointments can be missing start/end dates');
    }
    if (
      resource.cancelationReason !== undefined &&
      !['noshow', 'cancelled'].includes(resource.status as string)
    ) {
      fail(
        'app-4',
        `${path}.cancelationReason`,
        'cancelation reason is only for cancelled or no-show appointments',
      );
    }
  }
  if (resource.resourceType === 'Patient') {
    list(resource.contact)
      .filter(isObject)
      .forEach((c, i) => {
        if (
          c.name === undefined &&
          c.telecom === undefined &&
          c.address === undefined &&
          c.organization === undefined
        ) {
          fail('pat-1', `${path}.contact[${i}]`, 'a contact needs details or a reference to an organization');
        }
      });
  }
  return issues;
}
