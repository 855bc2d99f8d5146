import { createSignal, For, Show } from 'solid-js';
import {
  type Approver,
  type DocumentDetail,
  ReviewDecisionSchema,
} from '../../../../shared/schemas/documents.ts';
import { me } from '../../app/session.ts';
import { Alert, FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { TextAreaField } from '../../components/ui/TextAreaField.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm } from '../../lib/forms.ts';
import { reviewVersion } from './api.ts';
import { approverState } from './version-events.ts';

/** Whether the signed-in person is asked to decide on the version in review. */
export function isPendingApprover(doc: DocumentDetail): boolean {
  const id = me()?.user.id;
  return (
    doc.latest.status === 'in_review' &&
    doc.latest.approvers.some((a) => a.userId === id && a.decision === 'pending')
  );
}

/** The approvers of the version in review and where each stands. */
export function ApprovalStatus(props: { doc: DocumentDetail }) {
  const waiting = () => props.doc.latest.approvers.filter((a) => a.decision === 'pending').length;
  return (
    <div class="stack doc-approvals">
      <p>
        <Show when={waiting() > 0} fallback="Every approver has decided.">
          Waiting for {waiting()} of {props.doc.latest.approvers.length}{' '}
          {props.doc.latest.approvers.length === 1 ? 'approver' : 'approvers'}. The text is locked while they
          review it.
        </Show>
      </p>
      <ul class="doc-approver-list">
        <For each={props.doc.latest.approvers}>{(a) => <ApproverLine approver={a} />}</For>
      </ul>
    </div>
  );
}

/** One approver, where they stand, and their comment if any. */
function ApproverLine(props: { approver: Approver }) {
  return (
    <li>
      <span class="strong">{props.approver.name}</span> {approverState(props.approver)}
      <Show when={props.approver.comment}>
        <span class="doc-comment">“{props.approver.comment}”</span>
      </Show>
    </li>
  );
}

/** On a draft that came back from review: what the approvers asked to change. */
export function SentBackNotice(props: { doc: DocumentDetail }) {
  const back = () => props.doc.latest.approvers.filter((a) => a.decision === 'sent_back');
  return (
    <Show when={props.doc.latest.status === 'draft' && back().length > 0}>
      <Alert tone="warning" title="Sent back for changes">
        <ul class="doc-approver-list">
          <For each={back()}>{(a) => <ApproverLine approver={a} />}</For>
        </ul>
      </Alert>
    </Show>
  );
}

/** The approver's part: approve the version in review, or send it back saying what should change. */
export function ReviewPanel(props: { doc: DocumentDetail }) {
  const [comment, setComment] = createSignal('');
  const form = createForm();
  let formRef: HTMLFormElement | undefined;
  const decide = async (decision: 'approve' | 'send_back') => {
    const ok = await form.submit(
      formRef,
      ReviewDecisionSchema,
      { decision, comment: comment().trim() || undefined, version: props.doc.version },
      async (data) => {
        await reviewVersion(props.doc.id, data);
      },
    );
    if (ok) {
      toast.success(
        decision === 'approve'
          ? `You approved version ${props.doc.latest.number}.`
          : `Version ${props.doc.latest.number} went back to its author with your comment.`,
      );
      setComment('');
    }
  };
  return (
    <section class="card doc-review" aria-labelledby="doc-review-title">
      <div class="card-body">
        <form
          ref={formRef}
          class="stack"
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            void decide('approve');
          }}
        >
          <h2 id="doc-review-title" class="card-title">
            Your approval is requested
          </h2>
          <p>
            Read version {props.doc.latest.number} above, then approve it or send it back. Sending it back
            needs a comment that says what should change.
          </p>
          <FormAlert message={form.formError()} />
          <TextAreaField
            label="Comment"
            name="comment"
            value={comment()}
            onInput={(v) => {
              setComment(v);
              form.clearError('comment');
            }}
            optional
            hint="Required when you send it back."
            maxLength={1000}
            error={form.error('comment')}
          />
          <div class="button-row">
            <Button busy={form.sending()} onClick={() => decide('send_back')}>
              Send back
            </Button>
            <Button type="submit" variant="primary" busy={form.sending()}>
              Approve
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
