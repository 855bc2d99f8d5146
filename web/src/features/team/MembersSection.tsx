import { createSignal, For, Show } from 'solid-js';
import { canManageMember, grantableRoles, ROLE_LABELS, type Role } from '../../../../shared/roles.ts';
import type { User } from '../../../../shared/schemas/team.ts';
import { me } from '../../app/session.ts';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { rowAction } from '../../lib/row-action.ts';
import { changeRole, listTeam, type StatusFilter, setActive } from './api.ts';

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
  { value: 'all', label: 'Everyone' },
];

/** What each role may do, in a sentence for the confirmation (mirrors the API's route role lists). */
const ROLE_SCOPE: Record<Role, string> = {
  owner: 'full control of the practice, including owners and association membership',
  manager: 'runs the practice: team, settings, schedule setup, reports and the audit log',
  staff: 'front desk: books, moves, cancels and checks in visits, and keeps the waitlist',
  provider: 'sees the schedule, moves visits through the day, and cancels or moves their own visits',
  billing: 'sees the schedule and its reports',
  assoc_admin: 'full control of the association: team, settings, invite codes and members',
  analyst: 'sees member practices and benchmarks',
};

/**
 * Team members. A role is chosen in the row's select, which only stages it: "Apply" asks first,
 * naming the person and the change. Deactivate / reactivate ask first too. Only what the caller's
 * role may do is offered (an owner's row is read-only to a manager; nobody acts on themselves).
 */
export function MembersSection() {
  const [status, setStatus] = createSignal<StatusFilter>('active');
  const [busyId, setBusyId] = createSignal<string | undefined>();
  const [staged, setStaged] = createSignal<Record<string, Role>>({});
  const list = createPagedList(
    () => status(),
    (cursor) => listTeam(status(), cursor, PAGE_SIZE),
  );
  const kind = () => me()?.tenant.kind ?? 'practice';
  const myRole = (): Role => me()?.user.role ?? 'staff';
  const isSelf = (u: User) => u.id === me()?.user.id;
  const canManage = (u: User) => !isSelf(u) && canManageMember(kind(), myRole(), u.role);
  const roleOptions = () => grantableRoles(kind(), myRole());
  const stagedRole = (u: User): Role | undefined => {
    const role = staged()[u.id];
    return role && role !== u.role ? role : undefined;
  };
  const unstage = (u: User) =>
    setStaged((s) => {
      const { [u.id]: _dropped, ...rest } = s;
      return rest;
    });

  const applyRole = async (u: User) => {
    const role = stagedRole(u);
    if (!role) return;
    const ok = await confirm({
      title: `Change ${u.name}'s role to ${ROLE_LABELS[role]}?`,
      message: (
        <>
          <p>
            {u.name} ({u.email}) goes from <strong>{ROLE_LABELS[u.role]}</strong> to{' '}
            <strong>{ROLE_LABELS[role]}</strong>: {ROLE_SCOPE[role]}.
          </p>
          <p>The change is recorded in the audit log.</p>
        </>
      ),
      confirmLabel: `Make ${ROLE_LABELS[role]}`,
      danger: false,
    });
    if (!ok) {
      unstage(u);
      return;
    }
    await rowAction(
      u.id,
      setBusyId,
      () => changeRole(u.id, role, u.version),
      `${u.name} is now ${ROLE_LABELS[role]}`,
    );
    unstage(u);
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
    await rowAction(
      u.id,
      setBusyId,
      () => setActive(u, !deactivating),
      `${u.name} ${deactivating ? 'deactivated' : 'reactivated'}`,
    );
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
              <Show
                when={canManage(u) && u.status === 'active'}
                fallback={<span>{ROLE_LABELS[u.role]}</span>}
              >
                <div class="row-actions" style={{ 'align-items': 'center' }}>
                  <div class="select-wrap select-compact">
                    <select
                      class="input select"
                      aria-label={`Role for ${u.name}`}
                      value={stagedRole(u) ?? u.role}
                      disabled={busyId() === u.id}
                      onChange={(e) => {
                        const role = e.currentTarget.value as Role;
                        setStaged((s) => ({ ...s, [u.id]: role }));
                      }}
                    >
                      <For each={roleOptions()}>
                        {(r) => (
                          <option value={r} selected={r === (stagedRole(u) ?? u.role)}>
                            {ROLE_LABELS[r]}
                          </option>
                        )}
                      </For>
                    </select>
                  </div>
                  <Show when={stagedRole(u)}>
                    <Button
                      size="sm"
                      variant="primary"
                      busy={busyId() === u.id}
                      onClick={() => applyRole(u)}
                      aria-label={`Apply role change for ${u.name}`}
                    >
                      Apply…
                    </Button>
                  </Show>
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
              <Show when={canManage(u)}>
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
