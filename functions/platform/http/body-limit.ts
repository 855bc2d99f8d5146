import { bodyLimit } from 'hono/body-limit';
import { payloadTooLarge } from '../errors.ts';

/**
 * Largest JSON body a route takes unless its spec says otherwise (`maxBodyBytes`). Forms are small:
 * the largest (a signature request naming 200 people) is about 14 KB, so 64 KB leaves room without
 * letting a caller make the API parse megabytes. Files never come through the API: the browser
 * sends their bytes to the file store's signed link (a logo too, since issue 11).
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A chunk of a CSV import (shared/schemas/imports.ts): up to 90,000 characters of CSV, which JSON
 * carries as up to three bytes each (accented and non-Latin names, escaped quotes and line breaks),
 * plus the envelope.
 */
export const IMPORT_BODY_BYTES = 3 * 90_000 + 8 * 1024;

/**
 * A document's text (a new document or a draft save, up to 2,000 blocks): a 25,000-word handbook is
 * about 190 KB of JSON and a 50,000-word one about 385 KB. 400 KB is also the most one DynamoDB item
 * holds, so a longer draft could not be stored in one item anyway.
 */
export const DOCUMENT_BODY_BYTES = 400 * 1024;

/**
 * An X12 file's text (an 835 remittance or an 837 claim batch). A 5,000-claim 835 is about 1.5 MB;
 * 5 MB stays under Lambda's 6 MB request limit with the JSON envelope around it.
 */
export const X12_BODY_BYTES = 5 * 1024 * 1024 + 16 * 1024;

const kb = (bytes: number) => `${Math.floor(bytes / 1024)} KB`;

/** Refuses a body over `maxBytes` with 413 before it is parsed (a declared length before any byte is read). */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge(`The request body is larger than ${kb(maxBytes)}, the most this request takes`);
    },
  });
}
