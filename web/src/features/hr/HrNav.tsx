import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';

const LINKS = [
  // A person's own page keeps "Staff" marked as the current section.
  { href: '/app/hr/staff', label: 'Staff', end: false },
  { href: '/app/hr/shifts', label: 'Shifts', end: true },
  { href: '/app/hr/time-off', label: 'Time off', end: true },
  { href: '/app/hr/leave', label: 'Leave', end: true, admin: true },
  { href: '/app/hr/payroll', label: 'Payroll', end: true, admin: true },
  { href: '/app/hr/reviews', label: 'Reviews', end: true },
  { href: '/app/hr/checklists', label: 'Checklists', end: true },
  { href: '/app/hr/meetings', label: 'Meetings', end: false },
] as const;

/**
 * The HR area's own navigation: one link per page, the current one marked for screen readers.
 * Pages only owners and managers may open are left out for everyone else (a link to "no access" helps nobody).
 */
export function HrNav() {
  const links = () => {
    const m = me();
    const admin = m ? canAccess(m, 'hr-admin') : false;
    return LINKS.filter((l) => admin || !('admin' in l));
  };
  return (
    <nav class="tabs sub-nav hr-nav" aria-label="HR pages">
      <For each={links()}>
        {(l) => (
          <A href={l.href} class="tab" end={l.end}>
            {l.label}
          </A>
        )}
      </For>
    </nav>
  );
}
