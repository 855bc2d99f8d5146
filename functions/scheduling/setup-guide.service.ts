/**
 * The setup guide: where a new practice stands on its way to a first booking, read from the data
 * itself (nothing to tick by hand). Cross-domain reads: `listLocations` from
 * tenants/settings.service.ts, `listUsers` from tenants/members.service.ts and `listInvites`
 * from tenants/team.service.ts.
 */

import type { SetupGuide, SetupStep } from '../../shared/schemas/setup-guide.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { listUsers } from '../tenants/members.service.ts';
import { listLocations } from '../tenants/settings.service.ts';
import { listInvites } from '../tenants/team.service.ts';
import { appointmentRepo } from './appointments.repo.ts';
import { patientRepo } from './patients.repo.ts';
import { listProviders, listResources, listTemplates, listTypes } from './setup.service.ts';

const names = (list: { name: string }[]) =>
  list.length <= 2 ? list.map((x) => x.name).join(' and ') : `${list[0]!.name} and ${list.length - 1} others`;

/** Each step's state; bounded reads (a page of each setup list, one item for "any patient/visit"). */
export async function setupGuide(db: TenantDb): Promise<SetupGuide> {
  const page = { limit: 100 };
  const [locations, providers, templates, types, resources, users, invites, patients] = await Promise.all([
    listLocations(db, { ...page, includeArchived: false }),
    listProviders(db, page),
    listTemplates(db, page),
    listTypes(db, page),
    listResources(db, page),
    listUsers(db, { limit: 2, status: 'active' }),
    listInvites(db, { limit: 1 }),
    patientRepo.search(db, undefined, { limit: 1 }),
  ]);
  const activeProviders = providers.items.filter((p) => p.active);
  const withHours = new Set(templates.items.map((t) => t.providerId));
  const noHours = activeProviders.filter((p) => !withHours.has(p.id));
  const activeTypes = types.items.filter((t) => t.active);
  const roomTypes = activeTypes.filter((t) => t.needsRoom);
  const rooms = resources.items.filter((r) => r.active && r.kind === 'room');
  const booked = await anyVisit(
    db,
    activeProviders.map((p) => p.id),
  );

  const steps: SetupStep[] = [
    locations.items.length
      ? done('location', `${names(locations.items)}`)
      : todo('location', 'No location yet'),
    !activeProviders.length
      ? todo('providers', 'No provider yet')
      : noHours.length
        ? todo('providers', `${names(noHours)} ${noHours.length === 1 ? 'has' : 'have'} no weekly hours yet`)
        : done('providers', `${activeProviders.length} with weekly hours`),
    activeTypes.length ? done('types', `${activeTypes.length} offered`) : todo('types', 'No visit type yet'),
    !roomTypes.length
      ? { id: 'rooms', status: 'not_needed', optional: false, detail: 'No visit type needs a room' }
      : rooms.length
        ? done('rooms', `${rooms.length} room${rooms.length === 1 ? '' : 's'}`)
        : todo('rooms', `${names(roomTypes)} need${roomTypes.length === 1 ? 's' : ''} a room`),
    { ...(users.items.length > 1 || invites.items.length ? done('team') : todo('team')), optional: true },
    { ...(patients.items.length ? done('patients') : todo('patients')), optional: true },
    booked ? done('first_visit') : todo('first_visit'),
  ];
  return { steps, complete: steps.every((s) => s.optional || s.status !== 'todo') };
}

const done = (id: SetupStep['id'], detail?: string): SetupStep => ({
  id,
  status: 'done',
  optional: false,
  detail,
});
const todo = (id: SetupStep['id'], detail?: string): SetupStep => ({
  id,
  status: 'todo',
  optional: false,
  detail,
});

/** Any visit booked with any of these providers (stops at the first one found). */
async function anyVisit(db: TenantDb, providerIds: string[]): Promise<boolean> {
  const found = await Promise.all(
    providerIds.slice(0, 20).map((id) => appointmentRepo.anyOfProvider(db, id)),
  );
  return found.some(Boolean);
}
