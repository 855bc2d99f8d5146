import { describe, expect, it } from 'vitest';
import { zonedInstant, zoneOffsetMs } from '../../shared/time.ts';

describe('zoned time', () => {
  it('knows New York offsets on both sides of the DST changes', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * 3600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * 3600_000);
  });

  it('finds local midnight and opening times across spring-forward and fall-back', () => {
    expect(new Date(zonedInstant('2026-03-08', '00:00', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-03-08', '08:00', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-11-01', '08:00', 'America/New_York')).toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    );
    expect(new Date(zonedInstant('2026-07-01', '08:00', 'America/Phoenix')).toISOString()).toBe(
      '2026-07-01T15:00:00.000Z',
    );
  });
});
