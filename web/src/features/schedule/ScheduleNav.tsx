import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { type Area, canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';

interface ScheduleLink {
  href: string;
  label: string;
  /** The area a user must be able to open to see the link; the API refuses the others anyway. */
  area?: Area;
}

const LINKS: ScheduleLink[] = [
  { href: '/app/schedule', label: 'Day' },
  { href: '/app/schedule/week', label: 'Week' },
  { href: '/app/schedule/waitlist', label: 'Waitlist & recalls' },
  { href: '/app/schedule/patients', label: 'Patients' },
  { href: '/app/schedule/reports', label: 'Measures', area: 'schedule-reports' },
  { href: '/app/schedule/import', label: 'Import', area: 'schedule-admin' },
  { href: '/app/schedule/setup', label: 'Setup', area: 'schedule-admin' },
];

/** The schedule area's own navigation: one link per page, the current one marked for screen readers. */
export function ScheduleNav() {
  const links = () => {
    const m = me();
    return LINKS.filter((l) => !l.area || (m && canAccess(m, l.area)));
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
