import { createUniqueId, For, Show } from 'solid-js';
import {
  RATING_LABELS,
  REVIEW_AREA_LABELS,
  REVIEW_AREAS,
  type ReviewArea,
  type ReviewForm,
} from '../../../../shared/schemas/hr-reviews.ts';
import { SelectField } from '../../components/ui/Field.tsx';
import type { Form } from '../../lib/forms.ts';

/** What the form holds while it is filled in: ratings as select values, texts as typed. */
export interface ReviewDraft {
  ratings: Record<ReviewArea, { rating: string; comment: string }>;
  goals: string;
  summary: string;
}

export const emptyDraft = (): ReviewDraft => ({
  ratings: Object.fromEntries(
    REVIEW_AREAS.map((a) => [a, { rating: '', comment: '' }]),
  ) as ReviewDraft['ratings'],
  goals: '',
  summary: '',
});

const trimmed = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** The draft as the API's form: an unchosen rating stays undefined so the schema names it. */
export function draftToForm(d: ReviewDraft): unknown {
  return {
    ratings: Object.fromEntries(
      REVIEW_AREAS.map((a) => [
        a,
        {
          rating: d.ratings[a].rating ? Number(d.ratings[a].rating) : undefined,
          comment: trimmed(d.ratings[a].comment),
        },
      ]),
    ),
    goals: trimmed(d.goals),
    summary: trimmed(d.summary),
  };
}

const RATING_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: `${n} · ${RATING_LABELS[n]}`,
}));

/** A labelled multi-line text box whose `name` is its schema path (server errors find it). */
export function TextArea(props: {
  label: string;
  name: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  optional?: boolean;
  maxLength: number;
  rows?: number;
}) {
  const id = `ta-${createUniqueId()}`;
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={id} class="field-label">
        {props.label}
        <Show when={props.optional}>
          <span class="field-optional"> (optional)</span>
        </Show>
      </label>
      <textarea
        id={id}
        name={props.name}
        class="input"
        rows={props.rows ?? 3}
        value={props.value}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <Show when={props.error}>
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">! </span>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** Each area rated 1–5 with a comment, then goals and a summary. `prefix` is the path in the body. */
export function ReviewFormFields(props: {
  draft: ReviewDraft;
  onChange: (d: ReviewDraft) => void;
  form: Form;
  prefix: string;
}) {
  const setArea = (a: ReviewArea, patch: Partial<{ rating: string; comment: string }>) =>
    props.onChange({
      ...props.draft,
      ratings: { ...props.draft.ratings, [a]: { ...props.draft.ratings[a], ...patch } },
    });
  const path = (p: string) => `${props.prefix}${p}`;
  return (
    <div class="stack reviews-form">
      <For each={[...REVIEW_AREAS]}>
        {(a) => (
          <fieldset class="reviews-area">
            <legend>{REVIEW_AREA_LABELS[a]}</legend>
            <SelectField
              label="Rating"
              name={path(`ratings.${a}.rating`)}
              value={props.draft.ratings[a].rating}
              placeholder="Choose 1 to 5"
              options={RATING_OPTIONS}
              error={props.form.error(path(`ratings.${a}.rating`))}
              onChange={(v) => {
                props.form.clearError(path(`ratings.${a}.rating`));
                setArea(a, { rating: v });
              }}
            />
            <TextArea
              label="Comment"
              name={path(`ratings.${a}.comment`)}
              optional
              rows={2}
              maxLength={1000}
              value={props.draft.ratings[a].comment}
              error={props.form.error(path(`ratings.${a}.comment`))}
              onInput={(v) => setArea(a, { comment: v })}
            />
          </fieldset>
        )}
      </For>
      <TextArea
        label="Goals for the next year"
        name={path('goals')}
        optional
        maxLength={2000}
        value={props.draft.goals}
        error={props.form.error(path('goals'))}
        onInput={(v) => props.onChange({ ...props.draft, goals: v })}
      />
      <TextArea
        label="Summary"
        name={path('summary')}
        optional
        maxLength={2000}
        value={props.draft.summary}
        error={props.form.error(path('summary'))}
        onInput={(v) => props.onChange({ ...props.draft, summary: v })}
      />
    </div>
  );
}

/** A submitted form, read-only. */
export function ReviewFormView(props: { form: ReviewForm }) {
  return (
    <dl class="reviews-view">
      <For each={[...REVIEW_AREAS]}>
        {(a) => (
          <div class="reviews-view-row">
            <dt>{REVIEW_AREA_LABELS[a]}</dt>
            <dd>
              <span class="strong">
                {props.form.ratings[a].rating} · {RATING_LABELS[props.form.ratings[a].rating]}
              </span>
              <Show when={props.form.ratings[a].comment}>
                <span class="reviews-comment">{props.form.ratings[a].comment}</span>
              </Show>
            </dd>
          </div>
        )}
      </For>
      <Show when={props.form.goals}>
        <div class="reviews-view-row">
          <dt>Goals</dt>
          <dd class="reviews-comment">{props.form.goals}</dd>
        </div>
      </Show>
      <Show when={props.form.summary}>
        <div class="reviews-view-row">
          <dt>Summary</dt>
          <dd class="reviews-comment">{props.form.summary}</dd>
        </div>
      </Show>
    </dl>
  );
}
