import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Provider } from '../../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../../shared/schemas/tenants.ts';
import { Badge, StatusBadge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { confirm } from '../../../components/ui/Dialog.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { Checkbox } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { DataTable } from '../../../components/ui/Table.tsx';
import { rowAction } from '../../../lib/row-action.ts';
import { listProviders } from '../api.ts';
import { listPeople, setProviderActive } from './api.ts';
import { FeedDialog } from './FeedDialog.tsx';
import { ProviderDialog } from './ProviderDialog.tsx';

/** Providers: add, edit, deactivate / reactivate, and each one's calendar feed. */
export function ProvidersTab(props: { locations: Location[]; location: Location }) {
  const providers = createAsync(() => listProviders());
  const people = createAsync(() => listPeople());
  const [showInactive, setShowInactive] = createSignal(false);
  const [editing, setEditing] = createSignal<Provider | 'new'>();
  // By id, so the dialog always sees the provider's current version after a change.
  const [feedForId, setFeedForId] = createSignal<string>();
  const [busyId, setBusyId] = createSignal<string>();
  const rows = () => (providers()?.items ?? []).filter((p) => showInactive() || p.active);
  const locationNames = (p: Provider) =>
    p.locationIds
      .map((id) => props.locations.find((l) => l.id === id)?.name ?? 'Archived location')
      .join(', ');
  const personName = (p: Provider) => people()?.items.find((u) => u.id === p.userId)?.name;

  const toggle = async (p: Provider) => {
    const stopping = p.active;
    const ok = await confirm({
      title: stopping ? `Stop booking ${p.name}?` : `Book ${p.name} again?`,
      message: stopping ? (
        <p>
          {p.name} disappears from the day view and the slot finder. Visits already booked stay on the
          schedule; move or cancel them if needed. You can reactivate the provider later.
        </p>
      ) : (
        <p>{p.name} comes back to the day view and the slot finder, with the weekly hours on file.</p>
      ),
      confirmLabel: stopping ? 'Deactivate' : 'Reactivate',
      danger: stopping,
    });
    if (!ok) return;
    await rowAction(
      p.id,
      setBusyId,
      () => setProviderActive(p, !stopping),
      `${p.name} ${stopping ? 'deactivated' : 'reactivated'}`,
    );
  };

  return (
    <Section
      title="Providers"
      id="providers"
      description="Who sees patients, where, and whether they sign in to Rounds."
      actions={
        <Button variant="primary" onClick={() => setEditing('new')}>
          Add provider
        </Button>
      }
    >
      <Checkbox
        label="Show deactivated providers"
        name="showInactive"
        checked={showInactive()}
        onChange={setShowInactive}
      />
      <DataTable
        caption="Providers"
        rows={rows()}
        empty={
          <EmptyState title="No providers yet">
            <p>Add the doctors, nurse practitioners and other clinicians patients book with.</p>
          </EmptyState>
        }
        columns={[
          {
            header: 'Provider',
            cell: (p) => (
              <span class="strong">
                <span class="sched-dot" style={{ background: p.color }} aria-hidden="true" />
                {p.name}
                <Show when={p.title}>
                  <span class="muted">, {p.title}</span>
                </Show>
              </span>
            ),
          },
          { header: 'Locations', cell: (p) => locationNames(p) },
          { header: 'Signs in as', cell: (p) => personName(p) ?? <span class="muted">Not linked</span> },
          {
            header: 'Calendar feed',
            cell: (p) => (
              <Show when={p.feedShowsNames !== undefined} fallback={<span class="muted">Off</span>}>
                <Badge tone="info">{p.feedShowsNames ? 'On, with names' : 'On, “Booked” only'}</Badge>
              </Show>
            ),
          },
          { header: 'Status', cell: (p) => <StatusBadge status={p.active ? 'active' : 'deactivated'} /> },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'actions',
            cell: (p) => (
              <div class="row-actions">
                <Button size="sm" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                  Edit
                </Button>
                <Button
                  size="sm"
                  onClick={() => setFeedForId(p.id)}
                  aria-label={`Calendar feed for ${p.name}`}
                >
                  Calendar feed
                </Button>
                <Button
                  size="sm"
                  variant={p.active ? 'danger' : undefined}
                  busy={busyId() === p.id}
                  onClick={() => toggle(p)}
                  aria-label={`${p.active ? 'Deactivate' : 'Reactivate'} ${p.name}`}
                >
                  {p.active ? 'Deactivate' : 'Reactivate'}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <Show when={providers()?.nextCursor}>
        <p class="muted">Showing the first 100 providers.</p>
      </Show>
      <ProviderDialog
        editing={editing()}
        locations={props.locations}
        defaultLocationId={props.location.id}
        people={people()?.items ?? []}
        onClose={() => setEditing(undefined)}
      />
      <FeedDialog
        provider={providers()?.items.find((p) => p.id === feedForId())}
        onClose={() => setFeedForId(undefined)}
      />
    </Section>
  );
}
