import { A } from '@solidjs/router';
import { For } from 'solid-js';

const LINKS = [
  { href: '/app/billing', label: 'Overview', end: true },
  { href: '/app/billing/aging', label: 'A/R aging', end: true },
  { href: '/app/billing/patients', label: 'Patient balances', end: true },
  // A claim's own page keeps "Claims" marked as the current section.
  { href: '/app/billing/claims', label: 'Claims', end: false },
  { href: '/app/billing/payers', label: 'Payers', end: true },
  { href: '/app/billing/import', label: 'Import X12', end: true },
  { href: '/app/billing/import-csv', label: 'Import CSV', end: true },
  { href: '/app/billing/credentialing', label: 'Credentialing', end: true },
] as const;

/** The billing area's own navigation: one link per page, the current one marked for screen readers. */
export function BillingNav() {
  return (
    <nav class="tabs sub-nav billing-nav" aria-label="Billing pages">
      <For each={LINKS}>
        {(l) => (
          <A href={l.href} class="tab" end={l.end}>
            {l.label}
          </A>
        )}
      </For>
    </nav>
  );
}
