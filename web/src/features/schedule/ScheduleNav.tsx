import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { Role } from '../../../../shared/roles.ts';
import { me } from '../../app/session.ts';

interface ScheduleLink {
  href: string;
  label: string;
  /** Roles that see the link; the API refuses the others anyway. */
  roles?: readonly Role[];
}

const LINKS: ScheduleLink[] = [
  { href: '/app/schedule', label: 'Day' },
  { href: '/app/schedule/week', label: 'Week' },
  { href: '/app/schedule/waitlist', label: 'Waitlist & recalls' },
  { href: '/app/schedule/patients', label: 'Patients' },
  { href: '/app/schedule/reports', label: 'Measures', roles: ['owner', 'manager', 'billing'] },
  { href: '/app/schedule/import', label: 'Import', roles: ['owner', 'manager'] },
  { href: '/app/schedule/setup', label: 'Setup', roles: ['owner', 'manager'] },
];

/** The schedule area's own navigation: one link per page, the current one marked for screen readers. */
export function ScheduleNav() {
  const links = () => {
    const role = me()?.user.role;
    return LINKS.filter((l) => !l.roles || (role && l.roles.includes(role)));
  };
  return (
    <nav class="tabs sub-nav" aria-label="Schedule pages">
      <For each={links()}>
        {(l) => (
          <A href={l.href} class="tab" end>
            {l.label}
          </A>
        )}
      </For>
    </nav>
  );
}
