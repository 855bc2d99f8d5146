import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { inRoleGroup } from '../../../../shared/roles.ts';
import {
  CONSENT,
  JoinInputSchema,
  type JoinPreview,
  JoinPreviewInputSchema,
  type Membership,
} from '../../../../shared/schemas/membership.ts';
import { REGIONS } from '../../../../shared/schemas/tenants.ts';
import { me } from '../../app/session.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Checkbox, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, labelOf } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { join, leave, listMemberships, previewJoin } from './api.ts';

/** A practice's associations: current memberships, and (owner only) join with explicit consent. */
export function MembershipPage() {
  const isOwner = () => inRoleGroup(me()?.user.role ?? '', 'practiceOwner');
  return (
    <div class="page">
      <PageHeader
        title="Associations"
        description="Regional associations your practice belongs to. They see monthly aggregates only, never patient or staff data."
      />
      <div class="stack-lg">
        <MembershipsSection canLeave={isOwner()} />
        <Show
          when={isOwner()}
          fallback={
            <Alert tone="info" title="Read-only">
              Only the practice owner can join or leave an association.
            </Alert>
          }
        >
          <JoinSection />
        </Show>
      </div>
    </div>
  );
}

function MembershipsSection(props: { canLeave: boolean }) {
  const [busyId, setBusyId] = createSignal<string | null>(null);
  const list = createPagedList(
    () => 'all',
    (cursor) => listMemberships(cursor, PAGE_SIZE),
    'associationId',
  );
  const onLeave = async (m: Membership) => {
    const ok = await confirm({
      title: `Leave ${m.associationName}?`,
      message: (
        <>
          <p>{CONSENT.leave}</p>
          <p>To join again later you will need a new invite code from the association.</p>
        </>
      ),
      confirmLabel: 'Leave association',
    });
    if (!ok) return;
    setBusyId(m.associationId);
    try {
      await leave(m.associationId);
      toast.success(`You left ${m.associationName}`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusyId(null);
    }
  };
  return (
    <Section title="Your memberships" id="memberships">
      <DataTable
        caption="Association memberships"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <EmptyState
            title="Not a member of any association"
            action={
              <a href="#join" class="btn btn-secondary">
                Enter an invite code
              </a>
            }
          >
            <p>If a regional association invited your practice, it gave you an invite code to enter below.</p>
          </EmptyState>
        }
        columns={[
          { header: 'Association', cell: (m) => <span class="strong">{m.associationName}</span> },
          { header: 'Joined', cell: (m) => formatDate(m.joinedAt) },
          { header: 'Consent version', cell: (m) => <span class="mono">{m.consentVersion}</span> },
          {
            header: 'Actions',
            headerHidden: true,
            class: 'cell-actions',
            cell: (m) => (
              <Show when={props.canLeave}>
                <Button
                  size="sm"
                  variant="danger"
                  busy={busyId() === m.associationId}
                  onClick={() => onLeave(m)}
                  aria-label={`Leave ${m.associationName}`}
                >
                  Leave
                </Button>
              </Show>
            ),
          },
        ]}
      />
      <ListPager label="Memberships" list={list} />
    </Section>
  );
}

/** Step 1: the code. Step 2: the consent screen for exactly what is shared. */
function JoinSection() {
  const [code, setCode] = createSignal('');
  const [preview, setPreview] = createSignal<JoinPreview | null>(null);
  let headingRef: HTMLHeadingElement | undefined;

  const back = () => {
    setPreview(null);
  };

  return (
    <Section
      title="Join an association"
      id="join"
      description="Enter the invite code the association gave you. You will see exactly what is shared before anything happens."
    >
      <Switch>
        <Match when={!preview()}>
          <CodeForm
            code={code()}
            setCode={setCode}
            onPreview={(p) => {
              setPreview(p);
              queueMicrotask(() => headingRef?.focus());
            }}
          />
        </Match>
        <Match when={preview()} keyed>
          {(p) => (
            <ConsentForm
              preview={p}
              code={code()}
              headingRef={(el) => {
                headingRef = el;
              }}
              onCancel={back}
              onJoined={() => {
                setPreview(null);
                setCode('');
              }}
            />
          )}
        </Match>
      </Switch>
    </Section>
  );
}

function CodeForm(props: {
  code: string;
  setCode: (v: string) => void;
  onPreview: (p: JoinPreview) => void;
}) {
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    await form.submit(
      formRef,
      JoinPreviewInputSchema,
      { code: props.code.trim().toUpperCase() },
      async (data) => {
        props.onPreview(await previewJoin(data.code));
      },
    );
  };
  return (
    <form
      ref={formRef}
      novalidate
      onSubmit={onSubmit}
      class="code-form"
      aria-label="Join with an invite code"
    >
      <div class="form-row">
        <TextField
          label="Invite code"
          name="code"
          value={props.code}
          onInput={(v) => {
            props.setCode(v.toUpperCase());
            form.clearError('code');
          }}
          error={form.error('code')}
          hint="Looks like ABCD-2345"
          autocomplete="off"
          spellcheck={false}
          autocapitalize="characters"
          inputClass="mono"
          maxLength={20}
        />
        <div class="form-row-submit">
          <Button type="submit" variant="primary" busy={form.sending()}>
            Review what is shared
          </Button>
        </div>
      </div>
      <FormAlert message={form.formError()} />
    </form>
  );
}

function ConsentForm(props: {
  preview: JoinPreview;
  code: string;
  headingRef: (el: HTMLHeadingElement) => void;
  onCancel: () => void;
  onJoined: () => void;
}) {
  const [agreed, setAgreed] = createSignal(false);
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const shared = () => (props.preview.shared.length ? props.preview.shared : [...CONSENT.shared]);
  const neverShared = () =>
    props.preview.neverShared.length ? props.preview.neverShared : [...CONSENT.neverShared];

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      code: props.code.trim().toUpperCase(),
      consent: agreed(),
      consentVersion: props.preview.consentVersion,
    };
    await form.submit(formRef, JoinInputSchema, body, async (data) => {
      await join(data);
      toast.success(`Your practice joined ${props.preview.associationName}`);
      props.onJoined();
    });
  };

  return (
    <form ref={formRef} novalidate onSubmit={onSubmit} class="consent" aria-labelledby="consent-title">
      <h3 id="consent-title" class="consent-title" tabindex="-1" ref={props.headingRef}>
        Join {props.preview.associationName}?
      </h3>
      <p class="muted">
        {labelOf(REGIONS, props.preview.region)} · consent version{' '}
        <span class="mono">{props.preview.consentVersion}</span>
      </p>
      <div class="consent-columns">
        <div class="consent-box consent-shared">
          <h4>What {props.preview.associationName} will see</h4>
          <ul>
            <For each={shared()}>{(item) => <li>{item}</li>}</For>
          </ul>
        </div>
        <div class="consent-box consent-never">
          <h4>Never shared</h4>
          <ul>
            <For each={neverShared()}>{(item) => <li>{item}</li>}</For>
          </ul>
        </div>
      </div>
      <p>{CONSENT.leave}</p>
      <Checkbox
        name="consent"
        label="I agree to share exactly this"
        checked={agreed()}
        onChange={(c) => {
          setAgreed(c);
          form.clearError('consent');
        }}
        error={form.error('consent')}
      />
      <FormAlert message={form.formError()} />
      <div class="button-row">
        <Button onClick={() => props.onCancel()}>Use a different code</Button>
        <Button type="submit" variant="primary" busy={form.sending()}>
          {form.sending() ? 'Joining…' : `Join ${props.preview.associationName}`}
        </Button>
      </div>
    </form>
  );
}
