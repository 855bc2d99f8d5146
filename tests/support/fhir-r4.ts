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
 * 2. The invariants FHIR.js does not evaluate (it runs no FHIRPath constraints), written out below
 *    with the spec's keys: the Bundle's own (bdl-*), the entry fullUrl and reference-resolution
 *    rules of bundle.html, ele-1 and the JSON rules, dom-*, ref-1, per-1, cpt-2, pat-1, app-*.
 *    Resources without invariants in R4 (Location, Practitioner, Schedule, Slot,
 *    HealthcareService) are fully covered by layer 1.
 */
import { Fhir, type ValidatorOptions } from 'fhir';

export interface FhirIssue {
  severity: 'error' | 'warning';
  /** The spec's invariant key ("bdl-1"), or "structure", "primitive", "reference", "fullUrl", "json". */
  rule: string;
  path: string;
  message: string;
}

type Json = Record<string, unknown>;
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
const PRIMITIVE: Record<string, RegExp> = {
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
const UUID_URN = PRIMITIVE.uuid!;
const OID_URN = PRIMITIVE.oid!;
/** bundle.html: a RESTful URL is [base]/[type]/[id], optionally with /_history/[vid]. */
const RESTFUL =
  /^(https?:\/\/\S+)\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

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

/** Layer 1: FHIR.js against the R4 definitions, plus anchored primitives, per-1 and cpt-2 from its hook. */
function structural(root: Json) {
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

/** ele-1 and json.html: no nulls, no empty strings, arrays or objects anywhere. */
function jsonRules(node: unknown, path: string): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const walk = (value: unknown, at: string) => {
    if (value === null)
      issues.push({ severity: 'error', rule: 'json', path: at, message: 'null is not allowed' });
    else if (value === '') {
      issues.push({ severity: 'error', rule: 'json', path: at, message: 'empty strings are not allowed' });
    } else if (Array.isArray(value)) {
      if (!value.length) issues.push({ severity: 'error', rule: 'json', path: at, message: 'empty array' });
      value.forEach((v, i) => {
        walk(v, `${at}[${i}]`);
      });
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      if (!keys.length || (keys.length === 1 && keys[0] === 'id')) {
        issues.push({
          severity: 'error',
          rule: 'ele-1',
          path: at,
          message: 'an element needs a value or children',
        });
      }
      for (const k of keys) if (k !== 'div') walk(value[k], `${at}.${k}`);
    }
  };
  walk(node, path);
  return issues;
}

/** The Bundle's invariants (bundle.html, constraints on Bundle and Bundle.entry). */
function bundleInvariants(bundle: Json): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const fail = (rule: string, path: string, message: string) =>
    issues.push({ severity: 'error', rule, path, message });
  const type = bundle.type;
  const entries = list(bundle.entry).filter(isObject);
  if (bundle.total !== undefined && type !== 'searchset' && type !== 'history') {
    fail('bdl-1', 'Bundle.total', 'total only when a search or history');
  }
  const needsRequest = type === 'batch' || type === 'transaction' || type === 'history';
  const needsResponse = type === 'batch-response' || type === 'transaction-response' || type === 'history';
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const at = `Bundle.entry[${i}]`;
    if (entry.search !== undefined && type !== 'searchset') {
      fail('bdl-2', `${at}.search`, 'entry.search only when a search');
    }
    if ((entry.request !== undefined) !== needsRequest) {
      fail(
        'bdl-3',
        `${at}.request`,
        'entry.request mandatory for batch/transaction/history, otherwise prohibited',
      );
    }
    if ((entry.response !== undefined) !== needsResponse) {
      fail(
        'bdl-4',
        `${at}.response`,
        'entry.response mandatory for batch-response/transaction-response/history, otherwise prohibited',
      );
    }
    if (entry.resource === undefined && entry.request === undefined && entry.response === undefined) {
      fail('bdl-5', at, "must be a resource unless there's a request or response");
    }
    const fullUrl = entry.fullUrl;
    if (typeof fullUrl === 'string') {
      if (fullUrl.includes('/_history/'))
        fail('bdl-8', `${at}.fullUrl`, 'fullUrl cannot be a version specific reference');
      const resource = isObject(entry.resource) ? entry.resource : undefined;
      const versionId = isObject(resource?.meta) ? resource.meta.versionId : undefined;
      const key = `${fullUrl}|${versionId ?? ''}`;
      if (type !== 'history' && seen.has(key)) {
        fail('bdl-7', `${at}.fullUrl`, `same fullUrl and meta.versionId as entry[${seen.get(key)}]`);
      }
      seen.set(key, i);
      issues.push(...fullUrlRules(fullUrl, resource, `${at}.fullUrl`));
    } else if (entry.resource !== undefined && type !== 'transaction' && type !== 'batch') {
      // bundle.html: fullUrl SHALL have a value except on a POST or for an operation's unidentified results.
      fail('fullUrl', `${at}.fullUrl`, 'an entry with a resource needs a fullUrl');
    }
  });
  if (type === 'document') {
    const identifier = isObject(bundle.identifier) ? bundle.identifier : {};
    if (identifier.system === undefined || identifier.value === undefined) {
      fail('bdl-9', 'Bundle.identifier', 'a document must have an identifier with a system and a value');
    }
    if (bundle.timestamp === undefined) fail('bdl-10', 'Bundle.timestamp', 'a document must have a date');
    if (!isObject(entries[0]?.resource) || entries[0].resource.resourceType !== 'Composition') {
      fail('bdl-11', 'Bundle.entry[0]', 'a document must have a Composition as the first resource');
    }
  }
  if (type === 'message') {
    if (!isObject(entries[0]?.resource) || entries[0].resource.resourceType !== 'MessageHeader') {
      fail('bdl-12', 'Bundle.entry[0]', 'a message must have a MessageHeader as the first resource');
    }
  }
  return issues;
}

/**
 * bundle.html, Bundle.entry.fullUrl: "if the fullUrl is not a urn:uuid, the URL shall be
 * version-independent URL consistent with the Resource.id". A urn:uuid must be a valid, lower-case
 * UUID (the uuid datatype); anything else must be a RESTful URL ending in the resource's type and id.
 */
function fullUrlRules(fullUrl: string, resource: Json | undefined, path: string): FhirIssue[] {
  const fail = (message: string): FhirIssue[] => [{ severity: 'error', rule: 'fullUrl', path, message }];
  if (fullUrl.startsWith('urn:uuid:')) {
    return UUID_URN.test(fullUrl) ? [] : fail(`${fullUrl} is not a valid lower-case urn:uuid`);
  }
  if (fullUrl.startsWith('urn:oid:'))
    return OID_URN.test(fullUrl) ? [] : fail(`${fullUrl} is not a valid urn:oid`);
  const restful = RESTFUL.exec(fullUrl);
  if (!restful) {
    return fail(`${fullUrl} is neither a urn:uuid, a urn:oid nor a RESTful URL ([base]/[type]/[id])`);
  }
  if (resource && (restful[2] !== resource.resourceType || restful[3] !== resource.id)) {
    return fail(`${fullUrl} disagrees with ${resource.resourceType}/${resource.id}`);
  }
  return [];
}

/**
 * bundle.html "Resolving references in Bundles": an absolute reference matches an entry's fullUrl;
 * a relative one resolves only against the containing entry's RESTful fullUrl base; "#x" needs a
 * contained resource (ref-1). The entry found must be a type the element admits.
 */
function references(bundle: Json, targets: WeakMap<object, string[]>, closed: boolean): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const fail = (rule: string, path: string, message: string) =>
    issues.push({ severity: 'error', rule, path, message });
  const entries = list(bundle.entry).filter(isObject);
  const byFullUrl = new Map<string, Json>();
  for (const e of entries) {
    if (typeof e.fullUrl === 'string' && isObject(e.resource)) byFullUrl.set(e.fullUrl, e.resource);
  }
  entries.forEach((entry, i) => {
    if (!isObject(entry.resource)) return;
    const resource = entry.resource;
    const containedIds = new Set(list(resource.contained).flatMap((c) => (isObject(c) ? [c.id] : [])));
    const base = typeof entry.fullUrl === 'string' ? RESTFUL.exec(entry.fullUrl)?.[1] : undefined;
    for (const { ref, path } of referencesIn(resource, `Bundle.entry[${i}].resource`)) {
      const reference = ref.reference as string;
      if (reference.startsWith('#')) {
        if (!containedIds.has(reference.slice(1))) {
          fail('ref-1', path, `${reference}: a local reference needs a contained resource`);
        }
        continue;
      }
      let found: Json | undefined;
      if (ABSOLUTE.test(reference)) {
        found = byFullUrl.get(reference.replace(/\/_history\/[^/]+$/, ''));
        const external = /^https?:\/\//.test(reference);
        if (!found && (!external || closed)) {
          fail('reference', path, `${reference} resolves to no entry's fullUrl`);
        }
      } else if (RELATIVE.test(reference)) {
        found = base ? byFullUrl.get(`${base}/${reference.replace(/\/_history\/[^/]+$/, '')}`) : undefined;
        if (!found) {
          fail(
            'reference',
            path,
            base
              ? `${reference} resolves to no entry under ${base}`
              : `${reference} is relative but the entry's fullUrl is not a RESTful URL, so it cannot resolve in the bundle`,
          );
        }
      } else {
        fail('reference', path, `${reference} is neither absolute, [type]/[id] nor #local`);
      }
      if (!found) continue;
      const admitted = targets.get(ref) ?? [];
      const actual = found.resourceType as string;
      if (admitted.length && !admitted.includes('Resource') && !admitted.includes(actual)) {
        fail('reference', path, `${reference} is a ${actual}; this element admits ${admitted.join(', ')}`);
      }
      if (ref.type !== undefined && ref.type !== actual) {
        fail('reference', `${path}.type`, `says ${ref.type} but ${reference} is a ${actual}`);
      }
    }
  });
  return issues;
}

function referencesIn(node: unknown, path: string, out: { ref: Json; path: string }[] = []) {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      referencesIn(v, `${path}[${i}]`, out);
    });
  } else if (isObject(node)) {
    if (typeof node.reference === 'string') out.push({ ref: node, path });
    for (const [k, v] of Object.entries(node)) {
      // A contained resource's references are its container's business, checked the same way.
      if (k !== 'reference') referencesIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** dom-2..6 for every DomainResource, then the invariants of the resource's own type. */
function resourceInvariants(resource: Json, path: string): FhirIssue[] {
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
