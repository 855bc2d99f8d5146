import { describe, expect, it } from 'vitest';
import {
  bucketRange,
  serviceDatesOf,
  serviceRangeText,
  tileDrillDown,
} from '../../web/src/features/billing/drill-down.ts';
import { claimsHref } from '../../web/src/features/billing/links.ts';

/** The links from a billing figure to the claims behind it, and the list's date filter in words. */

const query = (href: string) => Object.fromEntries(new URL(href, 'https://x.test').searchParams);

describe('claimsHref', () => {
  it('names only the filters it sets, and leaves out the default open state', () => {
    expect(claimsHref()).toBe('/app/billing/claims');
    expect(claimsHref({ state: 'open', payer: '' })).toBe('/app/billing/claims');
    expect(
      claimsHref({
        state: 'denied',
        payer: 'UHC 01',
        location: '-',
        serviceFrom: '2026-09-01',
        serviceTo: '2026-09-30',
      }),
    ).toBe(
      '/app/billing/claims?state=denied&payer=UHC+01&location=-&serviceFrom=2026-09-01&serviceTo=2026-09-30',
    );
  });
});

describe('each KPI tile drills down to the claims list that stands behind it', () => {
  it('a month of services for charges, with the overview filters carried along', () => {
    const link = tileDrillDown('billing.charges', '2026-02', { payer: 'UHC01' })!;
    expect(query(link.href)).toEqual({ payer: 'UHC01', serviceFrom: '2026-02-01', serviceTo: '2026-02-28' });
    expect(link.label).toBe('See the open claims of February 2026 services');
  });

  it('A/R over 90 days: open claims of services three months back and earlier', () => {
    const link = tileDrillDown('billing.ar_over_90', '2026-06')!;
    expect(query(link.href)).toEqual({ serviceTo: '2026-03-31' });
    expect(link.label).toBe('See the open claims from March 2026 and earlier');
  });

  it('says which claims a rate by decision or payment month links to', () => {
    expect(tileDrillDown('billing.denial_rate', '2026-06')).toEqual({
      href: '/app/billing/claims?state=denied',
      label: 'See the claims still denied',
    });
    expect(query(tileDrillDown('billing.payment_lag', '2024-02')!.href)).toEqual({
      state: 'closed',
      serviceFrom: '2024-02-01',
      serviceTo: '2024-02-29',
    });
    expect(tileDrillDown('billing.days_in_ar', '2026-06')!.href).toBe('/app/billing/claims');
    expect(tileDrillDown('billing.payments', '2026-06')!.href).toBe('/app/billing/import#billing-imported');
  });
});

describe('aging buckets as dates of service', () => {
  it('counts days since service as the aging report does, both ends included', () => {
    expect(bucketRange('2026-12-01', 0)).toEqual({ serviceFrom: '2026-11-01', serviceTo: '2026-12-01' });
    expect(bucketRange('2026-12-01', 1)).toEqual({ serviceFrom: '2026-10-02', serviceTo: '2026-10-31' });
    expect(bucketRange('2026-12-01', 3)).toEqual({ serviceFrom: '2026-08-03', serviceTo: '2026-09-01' });
    // Over 120 days: 121 days old and older, no first day.
    expect(bucketRange('2026-12-01', 4)).toEqual({ serviceTo: '2026-08-02' });
  });
});

describe('the date filter in words', () => {
  it('reads a range, one day and an open end', () => {
    expect(serviceRangeText('2026-09-01', '2026-09-30')).toBe('Service Sep 1 – Sep 30, 2026');
    expect(serviceRangeText('2025-12-01', '2026-01-31')).toBe('Service Dec 1, 2025 – Jan 31, 2026');
    expect(serviceRangeText('2026-09-30', '2026-09-30')).toBe('Service on Sep 30, 2026');
    expect(serviceRangeText(undefined, '2026-06-30')).toBe('Service up to Jun 30, 2026');
    expect(serviceRangeText('2026-06-01')).toBe('Service from Jun 1, 2026 on');
    expect(serviceRangeText()).toBeUndefined();
  });

  it('drops dates from the address the API would refuse', () => {
    expect(serviceDatesOf('2026-09-01', '2026-09-30')).toEqual({
      serviceFrom: '2026-09-01',
      serviceTo: '2026-09-30',
      dropped: false,
    });
    expect(serviceDatesOf('2026-02-30', undefined)).toEqual({ dropped: true });
    expect(serviceDatesOf('2026-10-01', '2026-09-01')).toEqual({ dropped: true });
    expect(serviceDatesOf(undefined, undefined)).toEqual({ dropped: false });
  });
});
