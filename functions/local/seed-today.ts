import { addDays, localParts } from '../../shared/time.ts';
import type { TenantScope } from '../platform/db/keys.ts';
import { TenantDb } from '../platform/db/tenant-db.ts';
import type { Platform } from '../platform/platform.ts';
import { actOnItem, addRequest } from '../today/today.service.ts';

/**
 * A believable Today for the demo: what a practice manager jotted down this week (some for
 * herself, some for the front desk) and one she already finished. Scheduling's recalls add theirs.
 */
export async function seedToday(
  p: Platform,
  scope: TenantScope,
  people: { manager: string; frontDesk: string },
  timeZone: string,
): Promise<void> {
  const today = localParts(p.clock.now().getTime(), timeZone).date;
  const day = (n: number) => addDays(today, n);
  const maria = new TenantDb(
    p.store,
    scope,
    { userId: people.manager, name: 'Maria Lopez', role: 'manager' },
    'seed',
    p.clock,
  );
  const desk = { role: 'staff' as const };
  const requests = [
    {
      title: 'Call Aetna rep re: denials on 99214 claims',
      dueDate: day(3),
      priority: 'high' as const,
      requestedBy: 'Tom Becker',
    },
    {
      title: 'Renew CLIA certificate',
      dueDate: day(-2),
      detail: 'Renewal form and fee are in the compliance binder.',
    },
    { title: 'Order flu vaccine for the clinic', dueDate: today, requestedBy: 'Dr. Priya Raman' },
    { title: 'Schedule the fire extinguisher inspection', dueDate: day(8) },
    { title: 'Review the new cleaning service quote' },
    {
      title: 'Fax records to Dr. Nguyen (cardiology)',
      dueDate: day(1),
      assignee: desk,
      requestedBy: 'Dr. Marcus Chen',
      forWhom: 'Harper Jones',
    },
    {
      title: 'Confirm a Spanish interpreter for the 2:00 PM new patient',
      dueDate: today,
      assignee: desk,
      priority: 'high' as const,
      requestedBy: 'Dr. Elena Alvarez',
    },
    {
      title: 'Restock the Westside waiting room brochures',
      dueDate: day(2),
      assignee: { userId: people.frontDesk },
    },
  ];
  for (const r of requests) await addRequest(maria, r);
  const finished = await addRequest(maria, {
    title: 'Approve Luis Ortega’s time off for Dec 24',
    dueDate: day(-1),
  });
  await actOnItem(maria, { userId: people.manager, role: 'manager' }, finished.id, {
    action: 'done',
    version: 1,
  });
}
