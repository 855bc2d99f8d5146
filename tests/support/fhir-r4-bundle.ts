/**
 * The Bundle rules of the FHIR R4 test validator (tests/support/fhir-r4.ts): the Bundle's own
 * invariants (bdl-*), the entry fullUrl rules and reference resolution of bundle.html.
 */
import { type FhirIssue, isObject, type Json, list, referencesIn } from './fhir-r4-json.ts';
import { PRIMITIVE } from './fhir-r4-structure.ts';

const UUID_URN = PRIMITIVE.uuid!;
const OID_URN = PRIMITIVE.oid!;
/** bundle.html: a RESTful URL is [base]/[type]/[id], optionally with /_history/[vid]. */
const RESTFUL =
  /^(https?:\/\/\S+)\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The Bundle's invariants (bundle.html, constraints on Bundle and Bundle.entry). */
export function bundleInvariants(bundle: Json): FhirIssue[] {
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
export function references(bundle: Json, targets: WeakMap<object, string[]>, closed: boolean): FhirIssue[] {
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
