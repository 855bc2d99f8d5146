/**
 * The JSON side of the FHIR R4 test validator (tests/support/fhir-r4.ts): the issue it reports,
 * walking helpers, the references in a resource, and ele-1 with the JSON rules of json.html.
 */

/** One finding: an error, or a warning for a guideline the HL7 validator reports as best practice. */
export interface FhirIssue {
  severity: 'error' | 'warning';
  /** The spec's invariant key ("bdl-1"), or "structure", "primitive", "reference", "fullUrl", "json". */
  rule: string;
  path: string;
  message: string;
}

/** A FHIR resource or element as parsed JSON. */
export type Json = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A FHIR element that may repeat, as a list: absent is empty, one value is a list of one. */
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** ele-1 and json.html: no nulls, no empty strings, arrays or objects anywhere. */
export function jsonRules(node: unknown, path: string): FhirIssue[] {
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

/** Every Reference (an object with a string `reference`) under a node, with its path. */
export function referencesIn(node: unknown, path: string, out: { ref: Json; path: string }[] = []) {
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
