import { beforeAll, describe, expect, it } from 'vitest';
import {
  IMPORT_BODY_BYTES,
  MAX_BODY_BYTES,
  X12_BODY_BYTES,
} from '../../functions/platform/http/body-limit.ts';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Body Limit Practice');
});

/** A JSON body of exactly `bytes` bytes: `{"padding":"xxx…"}`. */
const padded = (bytes: number) => `{"padding":"${'x'.repeat(bytes - 14)}"}`;
const send = (method: string, path: string, body: string) =>
  t.call(method, path, { token: owner.token, body, headers: { 'content-type': 'application/json' } });

describe('request body limits', () => {
  it('a JSON body over 64 KB is refused with 413 before it is parsed, saying the limit', async () => {
    expect(MAX_BODY_BYTES).toBe(64 * 1024);
    const res = await send('PUT', '/api/tenant/branding', padded(MAX_BODY_BYTES + 1));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'payload_too_large',
      message: 'The request body is larger than 64 KB, the most this request takes',
    });
    expect(res.headers.get('connection')).toBe('close');
    // At the limit the body is read (and then refused for what it says, not for its size).
    const atLimit = await send('PUT', '/api/tenant/branding', padded(MAX_BODY_BYTES));
    expect(atLimit.status).toBe(400);
  });

  it('a route may take more: an import chunk of 90,000 characters of non-Latin names', async () => {
    const rows = ['first_name,last_name,date_of_birth'];
    while (rows.join('\r\n').length < 89_000) rows.push('Nguyễn,Thị Hương,1980-02-03');
    const csv = rows.slice(0, 101).join('\r\n');
    const body = JSON.stringify({
      kind: 'patients',
      csv: `${csv}${'é'.repeat(90_000 - csv.length)}`,
      dryRun: true,
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES * 2);
    const res = await send('POST', '/api/scheduling/imports', body);
    expect(res.status).not.toBe(413);
    const over = await send('POST', '/api/scheduling/imports', padded(IMPORT_BODY_BYTES + 1));
    expect(over.status).toBe(413);
    expect(over.body.error.message).toBe(
      `The request body is larger than ${Math.floor(IMPORT_BODY_BYTES / 1024)} KB, the most this request takes`,
    );
  });

  it('a path no route serves is bounded too, by the largest route limit (an X12 file)', async () => {
    const res = await send('POST', '/api/nowhere', padded(X12_BODY_BYTES + 1024));
    expect(res.status).toBe(413);
  });
});
