import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { EMPLOYMENT_TYPE_LABELS, STAFF_ROLE_LABELS } from '../../../../shared/schemas/hr.ts';
import {
  CANDIDATE_STAGE_LABELS,
  CANDIDATE_STAGES,
  type Candidate,
  CandidateInputSchema,
  type CandidateStage,
  type Opening,
} from '../../../../shared/schemas/hr-hiring.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm, Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { candidateHref } from './HiringPage.tsx';
import { HrNav } from './HrNav.tsx';
import { addCandidate, getOpening, listAllCandidates, updateOpening } from './hiring-api.ts';
import { today } from './staff-format.ts';
import './hiring.css';

function CandidateDialog(props: { openingId: string; open: boolean; onClose: () => void }) {
  const form = createForm();
  const [first, setFirst] = createSignal('');
  const [last, setLast] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [source, setSource] = createSignal('');
  const [applied, setApplied] = createSignal(today());
  let formRef: HTMLFormElement | undefined;
  const field = (name: string, set: (v: string) => void) => (v: string) => {
    set(v);
    form.clearError(name);
  };
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      firstName: first(),
      lastName: last(),
      email: optional(email()),
      phone: optional(phone()),
      source: optional(source()),
      appliedOn: applied(),
    };
    const ok = await form.submit(formRef, CandidateInputSchema, body, async (data) => {
      await addCandidate(props.openingId, data);
    });
    if (ok) {
      toast.success(`Added ${first()} ${last()}.`);
      for (const set of [setFirst, setLast, setEmail, setPhone, setSource]) set('');
      props.onClose();
    }
  };
  return (
    <Dialog open={props.open} title="Add a candidate" onClose={props.onClose}>
      <form ref={formRef} class="stack" onSubmit={send} novalidate>
        <FormAlert message={form.formError()} />
        <div class="hire-row">
          <TextField
            label="First name"
            name="firstName"
            value={first()}
            onInput={field('firstName', setFirst)}
            error={form.error('firstName')}
            maxLength={60}
            required
          />
          <TextField
            label="Last name"
            name="lastName"
            value={last()}
            onInput={field('lastName', setLast)}
            error={form.error('lastName')}
            maxLength={60}
            required
          />
        </div>
        <div class="hire-row">
          <TextField
            label="Email"
            name="email"
            type="email"
            value={email()}
            onInput={field('email', setEmail)}
            error={form.error('email')}
            optional
          />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            value={phone()}
            onInput={field('phone', setPhone)}
            error={form.error('phone')}
            optional
          />
        </div>
        <div class="hire-row">
          <TextField
            label="Where they heard of us"
            name="source"
            value={source()}
            onInput={field('source', setSource)}
            error={form.error('source')}
            placeholder="Indeed, referral…"
            maxLength={80}
            optional
          />
          <TextField
            label="Applied on"
            name="appliedOn"
            type="date"
            value={applied()}
            onInput={field('appliedOn', setApplied)}
            error={form.error('appliedOn')}
            required
          />
        </div>
        <div class="button-row">
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={form.sending()}>
            Add candidate
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The pipeline: one column per stage (stacked on a phone), each candidate a card. */
function Pipeline(props: { openingId: string; open: boolean; onAdd: () => void }) {
  const candidates = createAsync(() => listAllCandidates(props.openingId));
  const at = (stage: CandidateStage) => (candidates() ?? []).filter((c) => c.stage === stage);
  const since = (c: Candidate) => c.history[c.history.length - 1]?.date ?? '';
  return (
    <Show
      when={(candidates() ?? []).length > 0}
      fallback={
        <EmptyState
          title="No candidates yet"
          action={
            <Show when={props.open}>
              <Button variant="primary" onClick={() => props.onAdd()}>
                Add the first candidate
              </Button>
            </Show>
          }
        >
          Add people as they apply, then move them through phone screen, interview and offer.
        </EmptyState>
      }
    >
      <div class="hire-pipeline">
        <For
          each={CANDIDATE_STAGES.filter(
            (s) => at(s).length > 0 || !['rejected', 'withdrew', 'hired'].includes(s),
          )}
        >
          {(stage) => (
            <section class="hire-stage" aria-label={`${CANDIDATE_STAGE_LABELS[stage]}: ${at(stage).length}`}>
              <h3 class="hire-stage-title">
                {CANDIDATE_STAGE_LABELS[stage]} <span class="muted">({at(stage).length})</span>
              </h3>
              <ul class="hire-cards">
                <For each={at(stage)} fallback={<li class="muted small">No one</li>}>
                  {(c) => (
                    <li class="hire-card">
                      <A href={candidateHref(c.id)} class="strong">
                        {c.name}
                      </A>
                      <span class="muted small">since {formatCalendarDate(since(c))}</span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </div>
    </Show>
  );
}

function OpeningBody(props: { id: string }) {
  const opening = createAsync(() => getOpening(props.id));
  const [adding, setAdding] = createSignal(false);
  const setStatus = async (o: Opening, status: 'open' | 'closed') => {
    if (
      status === 'closed' &&
      !(await confirm({
        title: `Close ${o.title}?`,
        message: 'No more candidates can be added. You can reopen it later.',
        confirmLabel: 'Close the opening',
        danger: true,
      }))
    )
      return;
    try {
      const { id: _i, status: _s, openedOn: _d, filledByStaffId: _f, candidateCount: _c, ...fields } = o;
      await updateOpening(o.id, { ...fields, status });
      toast.success(status === 'closed' ? 'Closed the opening.' : 'Reopened.');
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  return (
    <Show when={opening()}>
      {(o) => (
        <>
          <PageHeader
            title={o().title}
            description={`${STAFF_ROLE_LABELS[o().staffRole]} · ${EMPLOYMENT_TYPE_LABELS[o().employmentType]} · opened ${formatCalendarDate(o().openedOn)}`}
            actions={
              <>
                <Show when={o().status === 'open'}>
                  <Button variant="primary" onClick={() => setAdding(true)}>
                    Add a candidate
                  </Button>
                  <Button onClick={() => setStatus(o(), 'closed')}>Close</Button>
                </Show>
                <Show when={o().status === 'closed'}>
                  <Button onClick={() => setStatus(o(), 'open')}>Reopen</Button>
                </Show>
              </>
            }
          />
          <HrNav />
          <Show when={o().status !== 'open'}>
            <p>
              <Badge tone={o().status === 'filled' ? 'success' : 'neutral'}>
                {o().status === 'filled' ? 'Filled' : 'Closed'}
              </Badge>
            </p>
          </Show>
          <section class="card" aria-labelledby="hire-pipeline-title">
            <div class="card-header">
              <h2 id="hire-pipeline-title" class="card-title">
                Candidates by stage
              </h2>
            </div>
            <div class="card-body">
              <LoadBoundary what="candidates" keys={[listAllCandidates.key]}>
                <Pipeline openingId={o().id} open={o().status === 'open'} onAdd={() => setAdding(true)} />
              </LoadBoundary>
            </div>
          </section>
          <CandidateDialog openingId={o().id} open={adding()} onClose={() => setAdding(false)} />
        </>
      )}
    </Show>
  );
}

/** One opening and its pipeline of candidates. */
export function HiringOpeningPage() {
  const params = useParams<{ id: string }>();
  return (
    <div class="page hr">
      <p class="small">
        <A href="/app/hr/hiring">← All openings</A>
      </p>
      <LoadBoundary what="opening" keys={[getOpening.key]}>
        <OpeningBody id={params.id} />
      </LoadBoundary>
    </div>
  );
}
