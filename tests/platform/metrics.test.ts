import { describe, expect, it } from 'vitest';
import { emfMetrics, memoryMetrics } from '../../functions/platform/metrics.ts';
import { createTestApp, signUpPractice } from '../support/app.ts';

describe('EMF metrics (cloud adapter)', () => {
  it('writes one Embedded Metric Format line: every figure per service, marked ones per tenant too', () => {
    const lines: string[] = [];
    emfMetrics(
      'tenants',
      (l) => lines.push(l),
      () => 1_700_000_000_000,
    ).record(
      {
        Requests: { value: 1, unit: 'Count', perTenant: true },
        Latency: { value: 12.5, unit: 'Milliseconds' },
      },
      { tenantId: '01JTENANT' },
    );
    expect(JSON.parse(lines[0]!)).toEqual({
      _aws: {
        Timestamp: 1_700_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Rounds',
            Dimensions: [['Service']],
            Metrics: [
              { Name: 'Requests', Unit: 'Count' },
              { Name: 'Latency', Unit: 'Milliseconds' },
            ],
          },
          {
            Namespace: 'Rounds',
            Dimensions: [['Service', 'TenantId']],
            Metrics: [{ Name: 'Requests', Unit: 'Count' }],
          },
        ],
      },
      Service: 'tenants',
      TenantId: '01JTENANT',
      Requests: 1,
      Latency: 12.5,
    });
  });

  it('omits the tenant dimension when no tenant is known (sign-in, sign-up)', () => {
    const lines: string[] = [];
    emfMetrics('tenants', (l) => lines.push(l)).record(
      { Requests: { value: 1, unit: 'Count', perTenant: true } },
      {},
    );
    const line = JSON.parse(lines[0]!);
    expect(line._aws.CloudWatchMetrics).toHaveLength(1);
    expect(line._aws.CloudWatchMetrics[0].Dimensions).toEqual([['Service']]);
    expect(line).not.toHaveProperty('TenantId');
  });
});

describe('request metrics (local adapter)', () => {
  it('counts requests, client and server errors per tenant', async () => {
    const metrics = memoryMetrics();
    const t = await createTestApp({ metrics });
    const a = await signUpPractice(t);
    const before = metrics.totals(a.tenantId);
    await t.call('GET', '/api/tenant', { token: a.token });
    await t.call('GET', '/api/locations/NOPE', { token: a.token });
    const mine = metrics.totals(a.tenantId);
    expect(mine.Requests! - (before.Requests ?? 0)).toBe(2);
    expect(mine.ClientErrors! - (before.ClientErrors ?? 0)).toBe(1);
    expect(mine.ServerErrors).toBe(0);
    expect(mine.Latency).toBeGreaterThan(0);
    expect(metrics.totals().Requests).toBeGreaterThan(mine.Requests!);
  });
});
