import { A } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import type {
  SetupGuide as SetupGuideData,
  SetupStep,
  SetupStepId,
} from '../../../../shared/schemas/setup-guide.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { fetchSetupGuide } from './api.ts';
import './setup-guide.css';

interface StepCopy {
  title: string;
  why: string;
  action: string;
  href: (step: SetupStep) => string;
}

/** What each step is for and where its form is; the guide's state comes from the API. */
const COPY: Record<SetupStepId, StepCopy> = {
  location: {
    title: 'Add your location and its opening hours',
    why: 'Visits are booked at a location, in its time zone and inside its opening hours.',
    action: 'Add a location',
    href: () => '/app/settings?tab=locations',
  },
  providers: {
    title: 'Add providers and their weekly hours',
    why: 'Who sees patients, and when they can be booked. Hours start from the location’s opening hours.',
    action: 'Set up providers',
    href: (s) =>
      s.detail?.includes('weekly hours')
        ? '/app/schedule/setup?tab=hours'
        : '/app/schedule/setup?tab=providers',
  },
  types: {
    title: 'Create visit types',
    why: 'What patients come for and how long it takes, for example “Well child, 30 min”.',
    action: 'Add visit types',
    href: () => '/app/schedule/setup?tab=types',
  },
  rooms: {
    title: 'Add rooms, if a visit type needs one',
    why: 'A visit that needs an exam or procedure room is only booked when a room is free.',
    action: 'Add rooms',
    href: () => '/app/schedule/setup?tab=rooms',
  },
  team: {
    title: 'Invite your team',
    why: 'Front desk, providers and billing sign in with their own accounts and see what their role allows.',
    action: 'Invite people',
    href: () => '/app/team',
  },
  patients: {
    title: 'Import your patients',
    why: 'Bring patients over from your old system with a CSV file, or add them as you book.',
    action: 'Import patients',
    href: () => '/app/schedule/import',
  },
  first_visit: {
    title: 'Book your first visit',
    why: 'Find a free time and book a patient into it: the schedule is ready.',
    action: 'Book a visit',
    href: () => '/app/schedule?book=1',
  },
};

const STATUS_TEXT = { done: 'Done', todo: 'To do', not_needed: 'Not needed' } as const;

/**
 * A new practice's way to its first booking. Each step says what it is for, links to its form and
 * ticks itself off from the data; the next required step gets the primary button.
 */
export function SetupGuide(props: { hideWhenComplete?: boolean }) {
  // Read fresh on every visit (it is progress the user just made on another page). A plain signal,
  // not a resource: a resource created while the router's transition back to this page runs stayed
  // "ready" with no value here, and the guide never showed after in-app navigation.
  const [guide, setGuide] = createSignal<SetupGuideData>();
  const [failed, setFailed] = createSignal<string>();
  const load = () => {
    setFailed(undefined);
    fetchSetupGuide().then(setGuide, (err: unknown) => setFailed(errorMessage(err)));
  };
  onMount(load);
  const required = () => (guide()?.steps ?? []).filter((s) => !s.optional && s.status !== 'not_needed');
  const doneCount = () => required().filter((s) => s.status === 'done').length;
  const next = () => guide()?.steps.find((s) => s.status === 'todo' && !s.optional)?.id;
  return (
    <>
      <Show when={failed()}>
        <Alert title="Couldn't load the setup guide">
          <p>{failed()}</p>
          <Button size="sm" onClick={load}>
            Try again
          </Button>
        </Alert>
      </Show>
      <Show when={guide() && !(props.hideWhenComplete && guide()!.complete) && guide()}>
        {(g) => (
          <section class="card setup-guide" aria-labelledby="setup-guide-title">
            <div class="card-header">
              <div>
                <h2 id="setup-guide-title" class="card-title">
                  {g().complete ? 'Your practice is set up' : 'Set up your practice'}
                </h2>
                <p class="card-description">
                  {g().complete
                    ? 'Every step needed to book is done. You can come back to this guide from Schedule setup.'
                    : 'About ten minutes from here to your first booking. Each step ticks itself off when it is done.'}
                </p>
              </div>
            </div>
            <div class="card-body stack">
              <div class="setup-progress">
                <progress
                  class="setup-progress-bar"
                  max={Math.max(required().length, 1)}
                  value={doneCount()}
                  aria-labelledby="setup-progress-text"
                />
                <p id="setup-progress-text" class="muted small">
                  {doneCount()} of {required().length} required steps done
                </p>
              </div>
              <ol class="setup-steps">
                <For each={g().steps}>
                  {(step, i) => {
                    const copy = COPY[step.id];
                    return (
                      <li
                        class={`setup-step setup-step-${step.status}`}
                        aria-current={next() === step.id ? 'step' : undefined}
                      >
                        <span class="setup-step-mark" aria-hidden="true">
                          {step.status === 'done' ? '✓' : step.status === 'not_needed' ? '–' : i() + 1}
                        </span>
                        <div class="setup-step-text">
                          <h3 class="setup-step-title">
                            {copy.title}
                            <Show when={step.optional}>
                              <span class="badge badge-neutral">Optional</span>
                            </Show>
                          </h3>
                          <p class="muted">{copy.why}</p>
                          <Show when={step.detail}>
                            <p class="setup-step-detail">{step.detail}</p>
                          </Show>
                        </div>
                        <div class="setup-step-action">
                          <Show when={step.status === 'todo'}>
                            <span class="visually-hidden">{STATUS_TEXT.todo}</span>
                            <A
                              href={copy.href(step)}
                              class={`btn ${next() === step.id ? 'btn-primary' : 'btn-secondary'}`}
                            >
                              {copy.action}
                            </A>
                          </Show>
                          <Show when={step.status !== 'todo'}>
                            <span
                              class={`badge ${step.status === 'done' ? 'badge-success' : 'badge-neutral'}`}
                            >
                              {STATUS_TEXT[step.status]}
                            </span>
                          </Show>
                        </div>
                      </li>
                    );
                  }}
                </For>
              </ol>
            </div>
          </section>
        )}
      </Show>
    </>
  );
}
