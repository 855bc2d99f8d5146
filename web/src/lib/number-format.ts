/** Numbers as people read them on a page: shares, counts of things, durations (US style, as the practices are). */

/** A 0..1 rate as a whole percentage ("12%"). */
export const formatPercent = (rate: number) => `${Math.round(rate * 100)}%`;

/** A count with its noun, singular or plural ("1 resource", "1,204 resources"). */
export const formatCount = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Minutes as hours to one decimal ("12.5 h"). */
export const formatMinutesAsHours = (minutes: number) =>
  `${(Math.round((minutes / 60) * 10) / 10).toLocaleString('en-US')} h`;

/** Built on first use: an Intl formatter costs milliseconds to make, and this module loads with the shell. */
let dollars: Intl.NumberFormat | undefined;
let dollarsShort: Intl.NumberFormat | undefined;
let wholeDollars: Intl.NumberFormat | undefined;

/** Integer cents as dollars and cents ("$1,234.50", "-$12.00"): what a remittance or a claim says. */
export function formatCents(cents: number): string {
  dollars ??= new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  return dollars.format(cents / 100);
}

/** Integer cents as a short amount for chart axes and tiles ("$950", "$12K", "$1.2M"). */
export function formatCentsShort(cents: number): string {
  if (Math.abs(cents) < 100_000) {
    wholeDollars ??= new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    });
    return wholeDollars.format(Math.round(cents / 100));
  }
  dollarsShort ??= new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return dollarsShort.format(cents / 100);
}
