import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { grantableRoles, ROLE_LABELS, type Role } from '../../../../shared/roles.ts';
import { type Invite, InviteInputSchema } from '../../../../shared/schemas/team.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatDate } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { rowAction } from '../../lib/row-action.ts';
import { invite, listInvites, revokeInvite } from './api.ts';

function defaultRole(kind: 'practice' | 'association'): Role {
  return kind === 'practice' ? 'staff' : 'analyst';
}

export function InviteForm() {
  const kind = () => me()?.tenant.kind ?? 'practice';
  const [values, setValues] = createStore({ email: '', role: defaultRole(kind()) as string, name: '' });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  let emailRef: HTMLElement | null = null;

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = { email: values.email.trim(), role: values.role, name: optional(values.name) };
    await form.submit(formRef, InviteInputSchema, body, async (data) => {
      const created = await invite(data);
      toast.success(`Invitation sent to ${created.email}. You can read it in the Outbox.`);
      setValues({ email: '', role: defaultRole(kind()), name: '' });
      emailRef = formRef?.elements.namedItem('email') as HTMLElement | null;
      emailRef?.focus();
    });
  };

  return (
    <form
      ref={formRef}
      class="invite-form"
      novalidate
      onSubmit={onSubmit}
      aria-labelledby="invite-form-title"
    >
      <h3 id="invite-form-title" class="subheading">
        Invite someone
      </h3>
      <div class="form-row">
        <TextField
          label="Email"
          name="email"
          type="email"
          value={values.email}
          onInput={(v) => {
            setValues('email', v);
            form.clearError('email');
          }}
          error={form.error('email')}
          autocomplete="off"
          required
          class="grow"
        />
        <SelectField
          label="Role"
          name="role"
          value={values.role}
          onChange={(v) => {
            setValues('role', v);
            form.clearError('role');
          }}
          options={grantableRoles(kind(), me()?.user.role ?? 'staff').map((r) => ({
            value: r,
            label: ROLE_LABELS[r],
          }))}
          error={form.error('role')}
        />
        <TextField
          label="Name"
          name="name"
          value={values.name}
          onInput={(v) => {
            setValues('name', v);
            form.clearError('name');
          }}
          error={form.error('name')}
          optional
          autocomplete="off"
          class="grow"
        />
        <div class="form-row-submit">
          <Button type="submit" variant="primary" busy={form.sending()}>
            {form.sending() ? 'Sending…' : 'Send invitation'}
          </Button>
        </div>
      </div>
      <FormAlert message={form.formError()} />
    </form>
  );
}

/** Pending and past invitations, the invite form, and revoke (after confirmation). */
export function InvitesSection() {
  const [busyId, setBusyId] = createSignal<string | undefined>();
  const list = createPagedList(
    () => 'all',
    (cursor) => listInvites(cursor, PAGE_SIZE),
  );

  const revoke = async (inv: Invite) => {
    const who = inv.name ? `${inv.name} (${inv.email})` : inv.email;
    const ok = await confirm({
      title: `Revoke the invitation for ${inv.name ?? inv.email}?`,
      message: (
        <p>
          {who} was invited as {ROLE_LABELS[inv.role]}. The link in their email stops working; you can invite
          them again later.
        </p>
      ),
      confirmLabel: 'Revoke invitation',
      cancelLabel: 'Keep invitation',
    });
    if (!ok) return;
    await rowAction(inv.id, setBusyId, () => revokeInvite(inv.id), `Invitation for ${inv.email} revoked`);
  };

  return (
    <Section
      title="Invitations"
      id="invitations"
      description={
        <>
          Invitations are emailed from Rounds; copies are in the{' '}
          <A href="/app/outbox" class="link">
            Outbox
          </A>
          .
        </>
      }
    >
      <InviteForm />
      <DataTable
        caption="Invitations"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <EmptyState title="No invitations yet">
            <p>Invite a colleague above. They choose their own password when they accept.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Email', cell: (i) => <span class="break strong">{i.email}</span> },
          { header: 'Name', cell: (i) => i.name ?? <span class="muted">—</span> },
          { header: 'Role', cell: (i) => ROLE_LABELS[i.role] },
          { header: 'Status', cell: (i) => <StatusBadge status={i.status} /> },
          { header: 'Invited by', cell: (i) => i.invitedBy },
          { header: 'Expires', cell: (i) => formatDate(i.expiresAt) },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'cell-actions',
            cell: (i) => (
              <Show when={i.status === 'pending'}>
                <Button
                  size="sm"
                  variant="danger"
                  busy={busyId() === i.id}
                  onClick={() => revoke(i)}
                  aria-label={`Revoke invitation for ${i.email}`}
                >
                  Revoke
                </Button>
              </Show>
            ),
          },
        ]}
      />
      <ListPager label="Invitations" list={list} />
    </Section>
  );
}
