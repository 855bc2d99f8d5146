import { revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { inRoleGroup } from '../../../../shared/roles.ts';
import type { Location } from '../../../../shared/schemas/tenants.ts';
import { me } from '../../app/session.ts';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Checkbox } from '../../components/ui/Field.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { archiveLocation, listLocations } from './api.ts';
import { LocationForm } from './LocationForm.tsx';

/** Locations: a paged list with archive, and the create/edit form in place of the list. */
export function LocationsPanel() {
  const [showArchived, setShowArchived] = createSignal(false);
  const [editing, setEditing] = createSignal<Location | 'new' | null>(null);
  const [busyId, setBusyId] = createSignal<string | null>(null);
  const list = createPagedList(
    () => String(showArchived()),
    (cursor) => listLocations(showArchived(), cursor, PAGE_SIZE),
  );
  const canEdit = () => inRoleGroup(me()?.user.role ?? '', 'practiceAdmins');
  let addButton: HTMLButtonElement | undefined;

  const archive = async (loc: Location) => {
    const ok = await confirm({
      title: `Archive ${loc.name}?`,
      message: (
        <p>
          The location disappears from lists and new schedules. Its history is kept, and nothing is deleted.
        </p>
      ),
      confirmLabel: 'Archive location',
    });
    if (!ok) return;
    setBusyId(loc.id);
    try {
      await archiveLocation(loc.id, loc.version);
      toast.success(`${loc.name} archived`);
    } catch (err) {
      if (isStale(err)) {
        toast.error(STALE_MESSAGE);
        await revalidate(listLocations.key);
      } else toast.error(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };

  const close = () => {
    setEditing(null);
    queueMicrotask(() => addButton?.focus());
  };

  return (
    <Switch>
      <Match when={editing()} keyed>
        {(target) => (
          <LocationForm location={target === 'new' ? undefined : target} onDone={close} onCancel={close} />
        )}
      </Match>
      <Match when={!editing()}>
        <section class="card" aria-labelledby="locations-title">
          <div class="card-header">
            <div>
              <h2 id="locations-title" class="card-title">
                Locations
              </h2>
              <p class="card-description">Addresses, phone numbers and opening hours of your offices.</p>
            </div>
            <Show when={canEdit()}>
              <div class="card-actions">
                <Button ref={addButton} variant="primary" onClick={() => setEditing('new')}>
                  Add location
                </Button>
              </div>
            </Show>
          </div>
          <div class="card-body">
            <div class="toolbar">
              <Checkbox
                name="includeArchived"
                label="Show archived locations"
                checked={showArchived()}
                onChange={setShowArchived}
              />
            </div>
            <DataTable
              caption="Locations"
              loading={list.loading()}
              rows={list.items()}
              empty={
                <EmptyState title={showArchived() ? 'No locations yet' : 'No active locations'}>
                  <p>
                    Add your first office so schedules and printed materials can use its address and hours.
                  </p>
                </EmptyState>
              }
              columns={[
                {
                  header: 'Name',
                  cell: (l) => <span class="strong">{l.name}</span>,
                },
                {
                  header: 'Address',
                  cell: (l) => (
                    <span>
                      {l.address.line1}
                      {l.address.line2 ? `, ${l.address.line2}` : ''}, {l.address.city}, {l.address.state}{' '}
                      {l.address.postalCode}
                    </span>
                  ),
                },
                { header: 'Phone', cell: (l) => l.phone },
                {
                  header: 'Status',
                  cell: (l) => <StatusBadge status={l.archived ? 'archived' : 'active'} />,
                },
                {
                  header: 'Actions',
                  headerHidden: true,
                  class: 'cell-actions',
                  cell: (l) => (
                    <Show when={canEdit() && !l.archived}>
                      <div class="row-actions">
                        <Button size="sm" onClick={() => setEditing(l)} aria-label={`Edit ${l.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="danger"
                          busy={busyId() === l.id}
                          onClick={() => archive(l)}
                          aria-label={`Archive ${l.name}`}
                        >
                          Archive
                        </Button>
                      </div>
                    </Show>
                  ),
                },
              ]}
            />
            <ListPager label="Locations" list={list} />
          </div>
        </section>
      </Match>
    </Switch>
  );
}
