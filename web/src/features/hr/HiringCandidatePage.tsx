import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  CANDIDATE_STAGE_LABELS,
  type CandidateDetail,
  CandidateNoteInputSchema,
  CandidateStageInputSchema,
  MOVABLE_STAGES,
  OfferInputSchema,
  RECOMMENDATION_LABELS,
  ScorecardInputSchema,
} from '../../../../shared/schemas/hr-hiring.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage, isStale } from '../../lib/errors.ts';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { createForm, optional } from '../../lib/forms.ts';
import { openingHref } from './HiringPage.tsx';
import { HrNav } from './HrNav.tsx';
import {
  addNote,
  getCandidate,
  hireCandidate,
  makeOffer,
  moveCandidate,
  saveScorecard,
} from './hiring-api.ts';
import { payText, today } from './staff-format.ts';
import './hiring.css';

const AREAS = ['Communication', 'Experience', 'Reliability', 'Team fit'];
const SCORES = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));
const staleToast = () => toast.error('Someone else changed this candidate meanwhile; reloaded. Try again.');

function StageForm(props: { c: CandidateDetail }) {
  const form = createForm();
  const [stage, setStage] = createSignal('');
  const [date, setDate] = createSignal(today());
  let formRef: HTMLFormElement | undefined;
  const options = MOVABLE_STAGES.filter((s) => s !== 'applied').map((s) => ({
    value: s,
    label: CANDIDATE_STAGE_LABELS[s],
  }));
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = { stage: stage() || undefined, date: date(), version: props.c.version };
    if (
      (stage() === 'rejected' || stage() === 'withdrew') &&
      !(await confirm({
        title: `Mark ${props.c.name} as ${CANDIDATE_STAGE_LABELS[stage() as 'rejected']?.toLowerCase()}?`,
        message: 'Their record closes: no more stages, offer or hire.',
        confirmLabel: 'Close the record',
        danger: true,
      }))
    )
      return;
    let stale = false;
    const ok = await form.submit(formRef, CandidateStageInputSchema, body, async (data) => {
      try {
        await moveCandidate(props.c.id, data);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) staleToast();
    else if (ok) toast.success('Stage recorded.');
  };
  return (
    <form ref={formRef} class="hire-inline" onSubmit={send} novalidate aria-label="Move to a stage">
      <FormAlert message={form.formError()} />
      <SelectField
        label="Move to"
        name="stage"
        value={stage()}
        placeholder="Choose a stage"
        options={options}
        onChange={(v) => {
          setStage(v);
          form.clearError('stage');
        }}
        error={form.error('stage')}
      />
      <TextField
        label="On"
        name="date"
        type="date"
        value={date()}
        onInput={(v) => {
          setDate(v);
          form.clearError('date');
        }}
        error={form.error('date')}
      />
      <Button type="submit" busy={form.sending()}>
        Move
      </Button>
    </form>
  );
}

function NoteForm(props: { id: string }) {
  const form = createForm();
  const [text, setText] = createSignal('');
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.submit(formRef, CandidateNoteInputSchema, { text: text() }, async (d) => {
      await addNote(props.id, d.text);
    });
    if (ok) setText('');
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Add an interview note">
      <FormAlert message={form.formError()} />
      <TextAreaField
        label="Interview note"
        name="text"
        value={text()}
        onInput={(v) => {
          setText(v);
          form.clearError('text');
        }}
        error={form.error('text')}
        maxLength={4000}
      />
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Add note
        </Button>
      </div>
    </form>
  );
}

/** The signed-in interviewer's own scorecard (saving again replaces it). */
function ScorecardForm(props: { c: CandidateDetail }) {
  const mine = () => props.c.scorecards.find((s) => s.interviewerUserId === me()?.user.id);
  const initial = (area: string) => String(mine()?.ratings.find((r) => r.area === area)?.score ?? '');
  const [scores, setScores] = createSignal<Record<string, string>>(
    Object.fromEntries(AREAS.map((a) => [a, initial(a)])),
  );
  const [rec, setRec] = createSignal<string>(mine()?.recommendation ?? '');
  const [comment, setComment] = createSignal(mine()?.comment ?? '');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const ratings = AREAS.filter((a) => scores()[a]).map((a) => ({ area: a, score: Number(scores()[a]) }));
    const body = { ratings, recommendation: rec() || undefined, comment: optional(comment()) };
    const ok = await form.submit(formRef, ScorecardInputSchema, body, async (d) => {
      await saveScorecard(props.c.id, d);
    });
    if (ok) toast.success('Scorecard saved.');
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Your scorecard">
      <FormAlert message={form.formError()} />
      <div class="hire-scores">
        <For each={AREAS}>
          {(a) => (
            <SelectField
              label={a}
              name={`score-${a}`}
              value={scores()[a] ?? ''}
              placeholder="Not rated"
              options={SCORES}
              onChange={(v) => setScores((s) => ({ ...s, [a]: v }))}
            />
          )}
        </For>
      </div>
      <SelectField
        label="Recommendation"
        name="recommendation"
        value={rec()}
        placeholder="Choose"
        options={optionsOf(RECOMMENDATION_LABELS)}
        onChange={(v) => {
          setRec(v);
          form.clearError('recommendation');
        }}
        error={form.error('recommendation')}
      />
      <TextAreaField
        label="Comment"
        name="comment"
        value={comment()}
        onInput={setComment}
        maxLength={2000}
        optional
      />
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          Save my scorecard
        </Button>
      </div>
    </form>
  );
}

function OfferForm(props: { c: CandidateDetail }) {
  const form = createForm();
  const [type, setType] = createSignal<string>(props.c.offer?.pay.type ?? 'hourly');
  const [rate, setRate] = createSignal(props.c.offer ? String(props.c.offer.pay.rateCents / 100) : '');
  const [start, setStart] = createSignal(props.c.offer?.startDate ?? '');
  let formRef: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const dollars = Number(rate());
    const body = {
      pay: {
        type: type(),
        rateCents: rate().trim() && Number.isFinite(dollars) ? Math.round(dollars * 100) : undefined,
      },
      startDate: start(),
      version: props.c.version,
    };
    let stale = false;
    const ok = await form.submit(formRef, OfferInputSchema, body, async (d) => {
      try {
        await makeOffer(props.c.id, d);
      } catch (err) {
        if (!isStale(err)) throw err;
        stale = true;
      }
    });
    if (stale) staleToast();
    else if (ok) toast.success('Offer recorded.');
  };
  return (
    <form ref={formRef} class="stack" onSubmit={send} novalidate aria-label="Offer">
      <FormAlert message={form.formError()} />
      <div class="hire-row">
        <SelectField
          label="Pay"
          name="pay.type"
          value={type()}
          options={[
            { value: 'hourly', label: 'Hourly' },
            { value: 'salary', label: 'Yearly salary' },
          ]}
          onChange={setType}
        />
        <TextField
          label={type() === 'hourly' ? 'Dollars an hour' : 'Dollars a year'}
          name="pay.rateCents"
          inputMode="decimal"
          value={rate()}
          onInput={(v) => {
            setRate(v);
            form.clearError('pay.rateCents');
          }}
          error={form.error('pay.rateCents') ? 'Enter the pay' : undefined}
        />
        <TextField
          label="Start date"
          name="startDate"
          type="date"
          value={start()}
          onInput={(v) => {
            setStart(v);
            form.clearError('startDate');
          }}
          error={form.error('startDate')}
        />
      </div>
      <div class="button-row">
        <Button type="submit" busy={form.sending()}>
          {props.c.offer ? 'Change the offer' : 'Make the offer'}
        </Button>
      </div>
    </form>
  );
}

function CandidateBody(props: { id: string }) {
  const candidate = createAsync(() => getCandidate(props.id));
  const [hiring, setHiring] = createSignal(false);
  const hire = async (c: CandidateDetail) => {
    const offer = c.offer;
    if (!offer) return;
    const ok = await confirm({
      title: `Hire ${c.name}?`,
      message: `${c.name} is added to the staff directory as ${c.openingTitle}, starting ${formatCalendarDate(offer.startDate)} at ${payText(offer.pay)}, and the opening is marked filled.`,
      confirmLabel: 'Hire',
    });
    if (!ok) return;
    setHiring(true);
    try {
      await hireCandidate(c.id, { version: c.version });
      toast.success(`Hired ${c.name}: they are in the staff directory.`);
    } catch (err) {
      if (isStale(err)) staleToast();
      else toast.error(errorMessage(err));
    } finally {
      setHiring(false);
    }
  };
  const closed = (c: CandidateDetail) => ['hired', 'rejected', 'withdrew'].includes(c.stage);
  return (
    <Show when={candidate()}>
      {(c) => (
        <>
          <PageHeader
            title={c().name}
            description={
              <>
                Candidate for <A href={openingHref(c().openingId)}>{c().openingTitle}</A>
                {c().email ? ` · ${c().email}` : ''}
                {c().phone ? ` · ${c().phone}` : ''}
              </>
            }
            actions={
              <Show when={c().stage === 'offer' && c().offer}>
                <Button variant="primary" busy={hiring()} onClick={() => hire(c())}>
                  Hire
                </Button>
              </Show>
            }
          />
          <HrNav />
          <div class="hire-grid">
            <section class="card" aria-labelledby="cand-stages">
              <div class="card-header">
                <h2 id="cand-stages" class="card-title">
                  Stages{' '}
                  <Badge tone={c().stage === 'hired' ? 'success' : 'info'}>
                    {CANDIDATE_STAGE_LABELS[c().stage]}
                  </Badge>
                </h2>
              </div>
              <div class="card-body stack">
                <ol class="hire-history">
                  <For each={c().history}>
                    {(h) => (
                      <li>
                        {CANDIDATE_STAGE_LABELS[h.stage]} · {formatCalendarDate(h.date)}
                      </li>
                    )}
                  </For>
                </ol>
                <Show when={c().staffId}>
                  {(sid) => <A href={`/app/hr/staff/${encodeURIComponent(sid())}`}>Their staff record</A>}
                </Show>
                <Show when={!closed(c())}>
                  <StageForm c={c()} />
                </Show>
              </div>
            </section>
            <section class="card" aria-labelledby="cand-offer">
              <div class="card-header">
                <h2 id="cand-offer" class="card-title">
                  Offer
                </h2>
              </div>
              <div class="card-body stack">
                <Show when={c().offer}>
                  {(o) => (
                    <p>
                      {payText(o().pay)}, starting {formatCalendarDate(o().startDate)}
                    </p>
                  )}
                </Show>
                <Show
                  when={!closed(c())}
                  fallback={
                    <Show when={!c().offer}>
                      <p class="muted small">No offer was made.</p>
                    </Show>
                  }
                >
                  <OfferForm c={c()} />
                </Show>
              </div>
            </section>
            <section class="card" aria-labelledby="cand-cards">
              <div class="card-header">
                <h2 id="cand-cards" class="card-title">
                  Scorecards
                </h2>
              </div>
              <div class="card-body stack">
                <For each={c().scorecards} fallback={<p class="muted small">No scorecards yet.</p>}>
                  {(s) => (
                    <div class="hire-card">
                      <span class="strong">
                        {s.interviewerName}: {RECOMMENDATION_LABELS[s.recommendation]}
                      </span>
                      <span class="small">{s.ratings.map((r) => `${r.area} ${r.score}/5`).join(' · ')}</span>
                      <Show when={s.comment}>
                        <span class="small muted">{s.comment}</span>
                      </Show>
                    </div>
                  )}
                </For>
                <ScorecardForm c={c()} />
              </div>
            </section>
            <section class="card" aria-labelledby="cand-notes">
              <div class="card-header">
                <h2 id="cand-notes" class="card-title">
                  Interview notes
                </h2>
              </div>
              <div class="card-body stack">
                <For each={c().notes} fallback={<p class="muted small">No notes yet.</p>}>
                  {(n) => (
                    <div class="hire-note">
                      <p class="hire-note-text">{n.text}</p>
                      <span class="small muted">
                        {n.byName} · {formatDateTime(n.at)}
                      </span>
                    </div>
                  )}
                </For>
                <NoteForm id={c().id} />
              </div>
            </section>
          </div>
        </>
      )}
    </Show>
  );
}

/** A candidate: stages with dates, offer, scorecards, interview notes, and the hire (asks first). */
export function HiringCandidatePage() {
  const params = useParams<{ id: string }>();
  return (
    <div class="page hr">
      <p class="small">
        <A href="/app/hr/hiring">← All openings</A>
      </p>
      <LoadBoundary what="candidate" keys={[getCandidate.key]}>
        <CandidateBody id={params.id} />
      </LoadBoundary>
    </div>
  );
}
