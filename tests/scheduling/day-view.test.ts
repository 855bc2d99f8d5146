import { describe, expect, it } from 'vitest';
import { loadAppointments } from '../support/appointment-load.ts';
import { schedulingWorld } from './world.ts';

describe('day view cost', () => {
  it('a location with 10 providers and 300 appointments is read with at most 2 DynamoDB queries', async () => {
    const w = await schedulingWorld('America/New_York');
    const providerIds = [w.provider.id, ...Array.from({ length: 9 }, (_, i) => `extra-provider-${i}`)];
    const store = w.t.platform.store;
    const loaded = await loadAppointments(store.doc, store.tableName, {
      tenantId: w.owner.tenantId,
      locationId: w.location.id,
      timeZone: 'America/New_York',
      providerIds,
      dates: ['2027-06-01'],
      perDay: 30,
    });
    expect(loaded).toBe(300);
    const calls: string[] = [];
    store.doc.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    const day = await w.t.call('GET', `/api/scheduling/day?locationId=${w.location.id}&date=2027-06-01`, {
      token: w.owner.token,
    });
    store.doc.middlewareStack.remove('countCalls');
    expect(day.status).toBe(200);
    expect(day.body.appointments).toHaveLength(300);
    expect(new Set(day.body.appointments.map((a: { providerId: string }) => a.providerId)).size).toBe(10);
    expect(calls.filter((c) => c === 'QueryCommand').length).toBeLessThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(2);
  }, 60_000);
});
