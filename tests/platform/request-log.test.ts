import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/platform/logger.ts';
import { createTestApp, PASSWORD, signUpPractice, type TestApp } from '../support/app.ts';

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ logger: createLogger('info', (l) => lines.push(l)) });
});

describe('request log', () => {
  it('writes one JSON line per request with tenant, user, route, status and ms, and no secrets', async () => {
    const owner = await signUpPractice(t, 'Logged Practice');
    lines.length = 0;
    const res = await t.call('GET', '/api/locations?limit=5', {
      token: owner.token,
      headers: { 'x-request-id': 'req-abcdef12' },
    });
    expect(res.headers.get('x-request-id')).toBe('req-abcdef12');
    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      requestId: 'req-abcdef12',
      method: 'GET',
      route: '/api/locations',
      status: 200,
      tenant: owner.tenantId,
      user: owner.userId,
      ms: expect.any(Number),
    });
    const all = lines.join('\n');
    expect(all).not.toContain(owner.token);
    expect(all).not.toContain(PASSWORD);
  });

  it('logs failures without the raw request body', async () => {
    lines.length = 0;
    await t.call('POST', '/api/auth/login', {
      json: { email: 'nobody@example.test', password: 'secret-password-here' },
      ip: '10.70.0.1',
    });
    const all = lines.join('\n');
    expect(all).toContain('"status":401');
    expect(all).not.toContain('secret-password-here');
    expect(all).not.toContain('nobody@example.test');
  });
});
