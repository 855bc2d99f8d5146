import { createAsync } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import {
  REVIEW_KIND_LABELS,
  REVIEW_STATUS_LABELS,
  type Review,
  ReviewAcknowledgeSchema,
  ReviewManagerSchema,
  ReviewSelfSchema,
} from '../../../../shared/schemas/hr-reviews.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { createForm } from '../../lib/forms.ts';
import { draftToForm, emptyDraft, ReviewFormFields, ReviewFormView, TextArea } from './ReviewForm.tsx';
import { acknowledgeReview, getReview, submitManagerReview, submitSelfReview } from './reviews-api.ts';

const STEPS = [
  { status: 'self_review', label: 'Self-review' },
  { status: 'manager_review', label: 'Manager review' },
  { status: 'acknowledgment', label: 'Sign-off' },
  { status: 'done', label: 'Done' },
] as const;

/** Where the review stands: each step done, current or ahead (the self-review skipped without a login). */
function Steps(props: { review: Review }) {
  const at = () => STEPS.findIndex((s) => s.status === props.review.status);
  return (
    <ol class="reviews-steps" aria-label="Review steps">
      <For each={[...STEPS]}>
        {(s, i) => (
          <li
            class={i() < at() ? 'is-done' : i() === at() ? 'is-current' : undefined}
            aria-current={i() === at() ? 'step' : undefined}
          >
            {s.label}
            <Show when={i() === 0 && !props.review.hasLogin}>
              <span class="muted small"> (no login)</span>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}

/** The person's self-review form. */
function SelfStep(props: { review: Review }) {
  const form = createForm();
  const [draft, setDraft] = createSignal(emptyDraft());
  let ref: HTMLFormElement | undefined;
  return (
    <form
      ref={ref}
      class="stack"
      aria-label="Your self-review"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await form.submit(
          ref,
          ReviewSelfSchema,
          { form: draftToForm(draft()), version: props.review.version },
          async (body) => {
            await submitSelfReview(props.review.id, body);
          },
        );
        if (ok) toast.success('Self-review sent to your manager');
      }}
    >
      <h3 class="reviews-h">Your self-review</h3>
      <p class="small muted">Rate yourself in each area; your manager sees this before writing theirs.</p>
      <FormAlert message={form.formError()} />
      <ReviewFormFields draft={draft()} onChange={setDraft} form={form} prefix="form." />
      <div>
        <Button type="submit" variant="primary" busy={form.sending()}>
          Send my self-review
        </Button>
      </div>
    </form>
  );
}

/** The manager's review form, with private notes the person never sees. */
function ManagerStep(props: { review: Review }) {
  const form = createForm();
  const [draft, setDraft] = createSignal(emptyDraft());
  const [notes, setNotes] = createSignal('');
  let ref: HTMLFormElement | undefined;
  return (
    <form
      ref={ref}
      class="stack"
      aria-label="Manager review"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await form.submit(
          ref,
          ReviewManagerSchema,
          {
            form: draftToForm(draft()),
            privateNotes: notes().trim() || undefined,
            version: props.review.version,
          },
          async (body) => {
            await submitManagerReview(props.review.id, body);
          },
        );
        if (ok) {
          toast.success(
            props.review.hasLogin
              ? `Review sent to ${props.review.staffName} to sign off`
              : 'Review recorded',
          );
        }
      }}
    >
      <h3 class="reviews-h">Manager review</h3>
      <Show when={props.review.status === 'self_review'}>
        <p class="small muted">
          {props.review.staffName} has not sent a self-review yet. Sending yours now closes it.
        </p>
      </Show>
      <FormAlert message={form.formError()} />
      <ReviewFormFields draft={draft()} onChange={setDraft} form={form} prefix="form." />
      <TextArea
        label="Private notes (owners and managers only)"
        name="privateNotes"
        optional
        maxLength={2000}
        value={notes()}
        error={form.error('privateNotes')}
        onInput={setNotes}
      />
      <div>
        <Button type="submit" variant="primary" busy={form.sending()}>
          Send the review
        </Button>
      </div>
    </form>
  );
}

/** The person signs off: they have read it, and may add a comment. */
function AcknowledgeStep(props: { review: Review }) {
  const form = createForm();
  const [comment, setComment] = createSignal('');
  let ref: HTMLFormElement | undefined;
  return (
    <form
      ref={ref}
      class="stack"
      aria-label="Sign off"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await form.submit(
          ref,
          ReviewAcknowledgeSchema,
          { comment: comment().trim() || undefined, version: props.review.version },
          async (body) => {
            await acknowledgeReview(props.review.id, body);
          },
        );
        if (ok) toast.success('Review signed off');
      }}
    >
      <h3 class="reviews-h">Sign off</h3>
      <p class="small muted">Signing says you have read the review, not that you agree with all of it.</p>
      <FormAlert message={form.formError()} />
      <TextArea
        label="Your comment"
        name="comment"
        optional
        maxLength={1000}
        value={comment()}
        error={form.error('comment')}
        onInput={setComment}
      />
      <div>
        <Button type="submit" variant="primary" busy={form.sending()}>
          I have read my review
        </Button>
      </div>
    </form>
  );
}

function ReviewBody(props: { id: string; admin: boolean; myStaffId: string | undefined }) {
  const review = createAsync(() => getReview(props.id));
  const own = () => review()?.staffId === props.myStaffId;
  return (
    <Show when={review()}>
      {(r) => (
        <div class="stack">
          <p class="reviews-meta">
            <span class="strong">{r().staffName}</span> · {REVIEW_KIND_LABELS[r().kind]} · due{' '}
            {formatCalendarDate(r().dueDate)}{' '}
            <Badge tone={r().status === 'done' ? 'success' : 'info'}>
              {REVIEW_STATUS_LABELS[r().status]}
            </Badge>
          </p>
          <Steps review={r()} />
          <Show when={r().selfReview}>
            {(s) => (
              <section class="reviews-part" aria-label="Self-review">
                <h3 class="reviews-h">Self-review</h3>
                <p class="small muted">Sent {formatDateTime(s().submittedAt)}</p>
                <ReviewFormView form={s().form} />
              </section>
            )}
          </Show>
          <Show when={r().managerReview}>
            {(m) => (
              <section class="reviews-part" aria-label="Manager review">
                <h3 class="reviews-h">Manager review</h3>
                <p class="small muted">
                  By {m().submittedBy}, {formatDateTime(m().submittedAt)}
                </p>
                <ReviewFormView form={m().form} />
                <Show when={r().privateNotes}>
                  <p class="reviews-private">
                    <span class="strong">Private notes: </span>
                    {r().privateNotes}
                  </p>
                </Show>
              </section>
            )}
          </Show>
          <Show when={r().acknowledgment}>
            {(a) => (
              <section class="reviews-part" aria-label="Sign-off">
                <h3 class="reviews-h">Signed off</h3>
                <p class="small muted">
                  By {a().by}, {formatDateTime(a().at)}
                </p>
                <Show when={a().comment}>
                  <p class="reviews-comment">{a().comment}</p>
                </Show>
              </section>
            )}
          </Show>
          <Switch>
            <Match when={r().status === 'self_review' && own()}>
              <SelfStep review={r()} />
            </Match>
            <Match
              when={
                (r().status === 'self_review' || r().status === 'manager_review') && props.admin && !own()
              }
            >
              <ManagerStep review={r()} />
            </Match>
            <Match when={r().status === 'acknowledgment' && own()}>
              <AcknowledgeStep review={r()} />
            </Match>
            <Match when={r().status !== 'done'}>
              <p class="small muted">
                {r().status === 'self_review'
                  ? `Waiting for ${r().staffName}'s self-review.`
                  : r().status === 'manager_review'
                    ? 'Waiting for the manager’s review.'
                    : `Waiting for ${r().staffName} to sign off.`}
              </p>
            </Match>
          </Switch>
        </div>
      )}
    </Show>
  );
}

/** One review: what is written so far, and the step the viewer may take. */
export function ReviewDialog(props: {
  id: string | undefined;
  admin: boolean;
  myStaffId: string | undefined;
  onClose: () => void;
}) {
  return (
    <Dialog open={Boolean(props.id)} title="Performance review" onClose={props.onClose}>
      <Show when={props.id}>
        {(id) => (
          <LoadBoundary what="review" keys={[getReview.key]}>
            <Suspense>
              <ReviewBody id={id()} admin={props.admin} myStaffId={props.myStaffId} />
            </Suspense>
          </LoadBoundary>
        )}
      </Show>
    </Dialog>
  );
}
