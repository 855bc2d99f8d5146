import { createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  CreateInviteCodeSchema,
  type InviteCode,
  MEMBER_ORDERS,
  type MemberOrder,
} from '../../../../shared/schemas/membership.ts';
import { PRACTICE_SIZES, REGIONS, SPECIALTIES } from '../../../../shared/schemas/tenants.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { StatusBadge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, labelOf } from '../../lib/format.ts';
import { createForm, numberOrUndefined } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { createCode, listAssociationMembers, listCodes, revokeCode } from './api.ts';

/** An association's member practices (listing fields only) and, for admins, invite codes. */
export function MembersPage() {
  const isAdmin = () => me()?.user.role === 'assoc_admin';
  return (
    <div class="page">
      <PageHeader
        title="Member practices"
        description="Practices that joined your association. You see their listing and, later, monthly aggregates: never their patients or staff."
      />
      <div class="stack-lg">
        <MembersSection />
        <Show when={isAdmin()}>
          <CodesSection />
        </Show>
      </div>
    </div>
  );
}

function MembersSection() {
  const [order, setOrder] = createSignal<MemberOrder>('joined-desc');
  const list = createPagedList(
    order,
    (cursor) => listAssociationMembers(cursor, PAGE_SIZE, order()),
    'practiceId',
  );
  return (
    <Section title="Members" id="member-practices">
      <SelectField
        label="Order"
        name="order"
        class="members-order"
        value={order()}
        options={optionsOf(MEMBER_ORDERS)}
        onChange={(v) => setOrder(v as MemberOrder)}
      />
      <DataTable
        caption="Member practices"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <EmptyState title="No member practices yet">
            <p>Create an invite code below and send it to the practices you want to invite.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Practice', cell: (m) => <span class="strong">{m.practiceName}</span> },
          { header: 'Specialty', cell: (m) => labelOf(SPECIALTIES, m.specialty) },
          { header: 'Region', cell: (m) => labelOf(REGIONS, m.region) },
          { header: 'Size', cell: (m) => labelOf(PRACTICE_SIZES, m.size) },
          { header: 'Joined', cell: (m) => formatDate(m.joinedAt) },
        ]}
      />
      <ListPager label="Member practices" list={list} />
    </Section>
  );
}

function CodesSection() {
  const [busy, setBusy] = createSignal<string | null>(null);
  const [created, setCreated] = createSignal<InviteCode | null>(null);
  const list = createPagedList(
    () => 'all',
    (cursor) => listCodes(cursor, PAGE_SIZE),
    'code',
  );

  const revoke = async (c: InviteCode) => {
    const ok = await confirm({
      title: `Revoke code ${c.code}?`,
      message: (
        <p>Practices can no longer join with this code. Practices that already joined stay members.</p>
      ),
      confirmLabel: 'Revoke code',
    });
    if (!ok) return;
    setBusy(c.code);
    try {
      await revokeCode(c.code);
      if (created()?.code === c.code) setCreated(null);
      toast.success(`Code ${c.code} revoked`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section
      title="Invite codes"
      id="invite-codes"
      description="A practice owner enters a code in Rounds, reviews exactly what is shared, and joins."
    >
      <CreateCodeForm onCreated={setCreated} />
      <Show when={created()} keyed>
        {(c) => <NewCode code={c} />}
      </Show>
      <DataTable
        caption="Invite codes"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <EmptyState title="No invite codes yet">
            <p>Create one above; each code works for a number of practices until it expires.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Code', cell: (c) => <span class="mono strong">{c.code}</span> },
          { header: 'Created', cell: (c) => formatDate(c.createdAt) },
          { header: 'Expires', cell: (c) => formatDate(c.expiresAt) },
          {
            header: 'Uses',
            cell: (c) => (
              <span>
                {c.uses} of {c.maxUses}
              </span>
            ),
          },
          { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'cell-actions',
            cell: (c) => (
              <Show when={c.status === 'active'}>
                <Button
                  size="sm"
                  variant="danger"
                  busy={busy() === c.code}
                  onClick={() => revoke(c)}
                  aria-label={`Revoke code ${c.code}`}
                >
                  Revoke
                </Button>
              </Show>
            ),
          },
        ]}
      />
      <ListPager label="Invite codes" list={list} />
    </Section>
  );
}

function CreateCodeForm(props: { onCreated: (c: InviteCode) => void }) {
  const [values, setValues] = createStore({ expiresInDays: '30', maxUses: '10' });
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      expiresInDays: numberOrUndefined(values.expiresInDays),
      maxUses: numberOrUndefined(values.maxUses),
    };
    await form.submit(formRef, CreateInviteCodeSchema, body, async (data) => {
      const code = await createCode(data);
      props.onCreated(code);
      toast.success(`Code ${code.code} created`);
    });
  };
  return (
    <form
      ref={formRef}
      novalidate
      onSubmit={onSubmit}
      class="code-create"
      aria-labelledby="create-code-title"
    >
      <h3 id="create-code-title" class="subheading">
        Create a code
      </h3>
      <div class="form-row">
        <TextField
          label="Valid for (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          value={values.expiresInDays}
          onInput={(v) => {
            setValues('expiresInDays', v);
            form.clearError('expiresInDays');
          }}
          error={form.error('expiresInDays')}
          hint="1 to 90"
        />
        <TextField
          label="Number of practices"
          name="maxUses"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          value={values.maxUses}
          onInput={(v) => {
            setValues('maxUses', v);
            form.clearError('maxUses');
          }}
          error={form.error('maxUses')}
          hint="1 to 500"
        />
        <div class="form-row-submit">
          <Button type="submit" variant="primary" busy={form.sending()}>
            {form.sending() ? 'Creating…' : 'Create code'}
          </Button>
        </div>
      </div>
      <FormAlert message={form.formError()} />
    </form>
  );
}

function NewCode(props: { code: InviteCode }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.code.code);
      toast.success('Code copied to the clipboard');
    } catch {
      toast.info(`Copy the code by hand: ${props.code.code}`);
    }
  };
  return (
    <div class="new-code" role="status">
      <p class="new-code-label">New invite code</p>
      <p class="new-code-value mono" data-testid="new-code">
        {props.code.code}
      </p>
      <p class="muted small">
        Works for {props.code.maxUses} practice{props.code.maxUses === 1 ? '' : 's'} until{' '}
        {formatDate(props.code.expiresAt)}.
      </p>
      <Button size="sm" onClick={copy}>
        Copy code
      </Button>
    </div>
  );
}
