import { createSignal, For, Show } from 'solid-js';
import { ROLE_LABELS, type Role, rolesForKind } from '../../../../shared/roles.ts';
import type { User } from '../../../../shared/schemas/team.ts';
import { me } from '../../app/session.ts';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale, STALE_MESSAGE } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { changeRole, listTeam, type StatusFilter, setActive } from './api.ts';

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
  { value: 'all', label: 'Everyone' },
];

/** Team members: change role (versioned), deactivate / reactivate after confirmation. */
export function MembersSection() {
  const [status, setStatus] = createSignal<StatusFilter>('active');
  const [busyId, setBusyId] = createSignal<string | null>(null);
  const list = createPagedList(
    () => status(),
    (cursor) => listTeam(status(), cursor, PAGE_SIZE),
  );
  const roles = () => rolesForKind(me()?.tenant.kind ?? 'practice');
  const isSelf = (u: User) => u.id === me()?.user.id;

  const onRole = async (u: User, select: HTMLSelectElement) => {
    const role = select.value as Role;
    if (role === u.role) return;
    setBusyId(u.id);
    try {
      await changeRole(u.id, role, u.version);
      toast.success(`${u.name} is now ${ROLE_LABELS[role]}`);
    } catch (err) {
      select.value = u.role;
      toast.error(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };

  const onStatus = async (u: User) => {
    const deactivating = u.status === 'active';
    const ok = await confirm({
      title: deactivating ? `Deactivate ${u.name}?` : `Reactivate ${u.name}?`,
      message: deactivating ? (
        <p>
          {u.name} will be signed out and can no longer sign in to Rounds. Their history stays in the audit
          log. You can reactivate them later.
        </p>
      ) : (
        <p>
          {u.name} will be able to sign in again with their existing password, as {ROLE_LABELS[u.role]}.
        </p>
      ),
      confirmLabel: deactivating ? 'Deactivate' : 'Reactivate',
      danger: deactivating,
    });
    if (!ok) return;
    setBusyId(u.id);
    try {
      await setActive(u, !deactivating);
      toast.success(`${u.name} ${deactivating ? 'deactivated' : 'reactivated'}`);
    } catch (err) {
      toast.error(isStale(err) ? STALE_MESSAGE : errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Section
      title="Members"
      id="members"
      description="Everyone who can sign in to this workspace."
      actions={
        <SelectField
          label="Show"
          name="status"
          value={status()}
          onChange={(v) => setStatus(v as StatusFilter)}
          options={FILTERS}
          class="inline-field"
        />
      }
    >
      <DataTable
        caption="Team members"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <EmptyState title={status() === 'deactivated' ? 'No deactivated members' : 'No members to show'}>
            <p>Invite your team below; each person gets an email with a link to set a password.</p>
          </EmptyState>
        }
        columns={[
          {
            header: 'Name',
            cell: (u) => (
              <span class="strong">
                {u.name}
                <Show when={isSelf(u)}>
                  <span class="muted"> (you)</span>
                </Show>
              </span>
            ),
          },
          { header: 'Email', cell: (u) => <span class="break">{u.email}</span> },
          {
            header: 'Role',
            cell: (u) => (
              <Show when={!isSelf(u) && u.status === 'active'} fallback={<span>{ROLE_LABELS[u.role]}</span>}>
                <div class="select-wrap select-compact">
                  <select
                    class="input select"
                    aria-label={`Role for ${u.name}`}
                    value={u.role}
                    disabled={busyId() === u.id}
                    onChange={(e) => onRole(u, e.currentTarget)}
                  >
                    <For each={roles()}>
                      {(r) => (
                        <option value={r} selected={r === u.role}>
                          {ROLE_LABELS[r]}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              </Show>
            ),
          },
          { header: 'Status', cell: (u) => <StatusBadge status={u.status} /> },
          {
            header: 'Last sign-in',
            cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span class="muted">Never</span>),
          },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'cell-actions',
            cell: (u) => (
              <Show when={!isSelf(u)}>
                <Button
                  size="sm"
                  variant={u.status === 'active' ? 'danger' : 'secondary'}
                  busy={busyId() === u.id}
                  onClick={() => onStatus(u)}
                  aria-label={`${u.status === 'active' ? 'Deactivate' : 'Reactivate'} ${u.name}`}
                >
                  {u.status === 'active' ? 'Deactivate' : 'Reactivate'}
                </Button>
              </Show>
            ),
          },
        ]}
      />
      <ListPager label="Members" list={list} />
    </Section>
  );
}
