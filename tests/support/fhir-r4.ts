/**
 * FHIR R4 (4.0.1) validation for tests, offline. The HL7 validator is Java and downloads the spec
 * package at run time, which this machine cannot, so validation has two layers:
 *
 * 1. Structure, from the official R4 StructureDefinitions and value sets that the `fhir` npm
 *    package (FHIR.js) ships pre-parsed: element names (unknown ones are errors), min/max
 *    cardinality, required value-set bindings, reference target types. FHIR.js's own primitive
 *    regexes are unanchored ("x2027-03-01" passes as a date), so its property hook is used to test
 *    every primitive against the anchored regexes of the R4 datatypes page (the same as the
 *    official JSON schema's).
 * 2. The invariants FHIR.js does not evaluate (it runs no FHIRPath constraints), written out in
 *    the fhir-r4-*.ts siblings with the spec's keys: the Bundle's own (bdl-*), the entry fullUrl
 *    and reference-resolution rules of bundle.html, ele-1 and the JSON rules, dom-*, ref-1, per-1,
 *    cpt-2, pat-1, app-*.
 *    Resources without invariants in R4 (Location, Practitioner, Schedule, Slot,
 *    HealthcareService) are fully covered by layer 1.
 */
import { bundleInvariants, references } from './fhir-r4-bundle.ts';
import { type FhirIssue, isObject, jsonRules, list } from './fhir-r4-json.ts';
import { resourceInvariants } from './fhir-r4-resource.ts';
import { structural } from './fhir-r4-structure.ts';

/** One finding of the validator: an error, or a warning for a guideline. */
export type { FhirIssue } from './fhir-r4-json.ts';

/**
 * Validates a Bundle and every resource in it. `closed`: every reference must resolve to an entry
 * (an export that promises a self-contained file); otherwise absolute http(s) references may point
 * outside the bundle.
 */
export function validateBundle(bundle: unknown, options: { closed?: boolean } = {}): FhirIssue[] {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    return [{ severity: 'error', rule: 'structure', path: 'Bundle', message: 'not a Bundle resource' }];
  }
  const { issues, referenceTargets } = structural(bundle);
  issues.push(...jsonRules(bundle, 'Bundle'));
  issues.push(...bundleInvariants(bundle));
  const entries = list(bundle.entry).filter(isObject);
  entries.forEach((entry, i) => {
    if (isObject(entry.resource)) {
      issues.push(...resourceInvariants(entry.resource, `Bundle.entry[${i}].resource`));
    }
  });
  issues.push(...references(bundle, referenceTargets, options.closed ?? false));
  return issues;
}

/** Validates one resource on its own (no bundle rules; local "#" references only). */
export function validateResource(resource: unknown): FhirIssue[] {
  if (!isObject(resource) || typeof resource.resourceType !== 'string') {
    return [{ severity: 'error', rule: 'structure', path: '', message: 'not a FHIR resource' }];
  }
  const { issues } = structural(resource);
  issues.push(...jsonRules(resource, resource.resourceType));
  issues.push(...resourceInvariants(resource, resource.resourceType));
  return issues;
}

/** "path: message [rule]" for every error: what a failing expect should print. */
export const errorsIn = (issues: FhirIssue[]) =>
  issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message} [${i.rule}]`);
