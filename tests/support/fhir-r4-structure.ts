/**
 * Layer 1 of the FHIR R4 test validator (tests/support/fhir-r4.ts): FHIR.js against the official
 * R4 definitions, with every primitive tested against the anchored regexes of the R4 datatypes page.
 */
import { Fhir, type ValidatorOptions } from 'fhir';
import { type FhirIssue, isObject, type Json, list } from './fhir-r4-json.ts';

type Property = Parameters<NonNullable<ValidatorOptions['onBeforeValidateProperty']>>[1];

// One parse of the bundled definitions (~0.2 s) serves every validation in a test file.
let fhirJs: Fhir | undefined;
const structure = () => {
  fhirJs ??= new Fhir();
  return fhirJs;
};

// R4 datatypes.html, anchored whole-value.
const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const whole = (source: string) => new RegExp(`^(?:${source})$`);
/** The R4 primitive types' value regexes, anchored whole-value. */
export const PRIMITIVE: Record<string, RegExp> = {
  string: /^[ \r\n\t\S]+$/,
  markdown: /^[ \r\n\t\S]+$/,
  code: /^[^\s]+(\s[^\s]+)*$/,
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  uri: /^\S+$/,
  url: /^\S+$/,
  canonical: /^\S+$/,
  oid: /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/,
  uuid: /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  base64Binary: /^(\s*([0-9a-zA-Z+/=]){4}\s*)+$/,
  date: whole(`${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?`),
  dateTime: whole(`${YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T${TIME}${ZONE})?)?)?`),
  instant: whole(`${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T${TIME}${ZONE}`),
  time: whole(TIME),
};
const NUMERIC: Record<string, (n: number) => boolean> = {
  integer: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647,
  unsignedInt: (n) => Number.isInteger(n) && n >= 0 && n <= 2147483647,
  positiveInt: (n) => Number.isInteger(n) && n >= 1 && n <= 2147483647,
  decimal: (n) => Number.isFinite(n),
};

/** Layer 1: FHIR.js against the R4 definitions, plus anchored primitives, per-1 and cpt-2 from its hook. */
export function structural(root: Json) {
  const issues: FhirIssue[] = [];
  // Reference element → the resource types its definition admits, for resolution checks later.
  const referenceTargets = new WeakMap<object, string[]>();
  const onBeforeValidateProperty = (_resource: unknown, property: Property, path: string, value: unknown) => {
    for (const item of list(value)) {
      const type = property._type;
      const pattern = PRIMITIVE[type];
      if (pattern && (typeof item !== 'string' || !pattern.test(item))) {
        issues.push({
          severity: 'error',
          rule: 'primitive',
          path,
          message: `${JSON.stringify(item)} is not a valid ${type}${typeof item === 'string' ? '' : ' (a JSON string)'}`,
        });
      }
      const numeric = NUMERIC[type];
      if (numeric && typeof item === 'number' && !numeric(item)) {
        issues.push({
          severity: 'error',
          rule: 'primitive',
          path,
          message: `${item} is not a valid ${type}`,
        });
      }
      if (!isObject(item)) continue;
      if (type === 'Reference') {
        referenceTargets.set(
          item,
          (property._targetProfiles ?? []).map((url) => url.slice(url.lastIndexOf('/') + 1)),
        );
      }
      if (type === 'Period' && !periodInOrder(item)) {
        issues.push({
          severity: 'error',
          rule: 'per-1',
          path,
          message: `start ${item.start} is after end ${item.end}`,
        });
      }
      if (type === 'ContactPoint' && item.value !== undefined && item.system === undefined) {
        issues.push({ severity: 'error', rule: 'cpt-2', path, message: 'a value needs a system' });
      }
    }
    return [];
  };
  const result = structure().validate(root, { errorOnUnexpected: true, onBeforeValidateProperty });
  for (const m of result.messages) {
    if (m.severity !== 'error' && m.severity !== 'fatal' && m.severity !== 'warning') continue;
    issues.push({
      severity: m.severity === 'warning' ? 'warning' : 'error',
      rule: 'structure',
      path: `${m.location ?? ''} (${m.resourceId ?? '?'})`,
      message: m.message ?? '',
    });
  }
  return { issues, referenceTargets };
}

/** per-1 compares only values of the same precision, as FHIRPath does (a mixed comparison is empty: no error). */
function periodInOrder(period: Json): boolean {
  const { start, end } = period;
  if (typeof start !== 'string' || typeof end !== 'string') return true;
  if (start.includes('T') && end.includes('T')) return Date.parse(start) <= Date.parse(end);
  if (start.length === end.length && !start.includes('T')) return start <= end;
  return true;
}
