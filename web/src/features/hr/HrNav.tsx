import { A } from '@solidjs/router';
import { For } from 'solid-js';

const LINKS = [
  // A person's own page keeps "Staff" marked as the current section.
  { href: '/app/hr/staff', label: 'Staff', end: false },
  { href: '/app/hr/shifts', label: 'Shifts', end: true },
  { href: '/app/hr/time-off', label: 'Time off', end: true },
  { href: '/app/hr/payroll', label: 'Payroll', end: true },
  { href: '/app/hr/reviews', label: 'Reviews', end: true },
  { href: '/app/hr/checklists', label: 'Checklists', end: true },
  { href: '/app/hr/meetings', label: 'Meetings', end: false },
] as const;

/** The HR area's own navigation: one link per page, the current one marked for screen readers. */
export function HrNav() {
  return (
    <nav class="tabs sub-nav hr-nav" aria-label="HR pages">
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
