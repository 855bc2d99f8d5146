import { For, type JSX, Show } from 'solid-js';
import { carcText } from '../../../../shared/billing/adjustment-codes.ts';
import { BILLING_METRICS } from '../../../../shared/metrics.ts';
import { CLAIM_STATE_LABELS, type ClaimState } from '../../../../shared/schemas/billing.ts';
import { MetricDefinitions } from '../../components/charts/MetricDefinitions.tsx';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { formatCalendarDate, formatDateTime } from '../../lib/format.ts';
import { formatCents, formatPercent } from '../../lib/number-format.ts';

/** A dash for sighted readers, words for screen readers: a missing figure is never read as "dash". */
export function Missing(props: { why: string }) {
  return (
    <span class="muted">
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{props.why}</span>
    </span>
  );
}

/** A 0..1 rate as a percentage, with what it is out of when known ("12% (9 of 75 claims)"). */
export function Rate(props: { rate: number | null; count?: string; missing?: string }) {
  return (
    <Show when={props.rate !== null} fallback={<Missing why={props.missing ?? 'Nothing to measure'} />}>
      <span class="nowrap">{formatPercent(props.rate!)}</span>
      <Show when={props.count}>
        {' '}
        <span class="muted small">({props.count})</span>
      </Show>
    </Show>
  );
}

/** An amount in cents; negative amounts (reversals, take-backs) keep their minus sign. */
export function Money(props: { cents: number; class?: string }) {
  return <span class={`nowrap${props.class ? ` ${props.class}` : ''}`}>{formatCents(props.cents)}</span>;
}

const STATE_TONES: Record<ClaimState, Tone> = {
  submitted: 'info',
  partial: 'warning',
  denied: 'danger',
  appealed: 'warning',
  patient: 'neutral',
  closed: 'success',
};

export function StateBadge(props: { state: ClaimState }) {
  return <Badge tone={STATE_TONES[props.state]}>{CLAIM_STATE_LABELS[props.state]}</Badge>;
}

/** A denial the front desk could have prevented (eligibility, authorization, registration). */
/** A claim billed for a provider not (yet) effective with its payer: the words say which and why. */
export function CredentialingBadge(props: { issue: string }) {
  return (
    <span title={props.issue}>
      <Badge tone="danger">Not credentialed</Badge>
    </span>
  );
}

export function PreventableBadge() {
  return (
    <span title="The front desk could have prevented this denial: coverage, authorization or registration">
      <Badge tone="warning">Preventable</Badge>
    </span>
  );
}

/** Denial reasons (CARC) with their plain words: short on a list, whole where there is room. */
export function DenialReasons(props: { codes: string[]; compact?: boolean }) {
  return (
    <Show when={props.codes.length > 0} fallback={<Missing why="No denial" />}>
      <ul class={props.compact ? 'billing-reasons billing-reasons-compact' : 'billing-reasons'}>
        <For each={props.codes}>
          {(code) => (
            <li title={props.compact ? carcText(code) : undefined}>
              <span class="billing-code">{code}</span>{' '}
              <span class="billing-reason-text">{carcText(code)}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** An event's time: a calendar day as it is ("Mar 10, 2026"), or a moment in local time. */
export function When(props: { at: string }) {
  const text = () => (props.at.length === 10 ? formatCalendarDate(props.at) : formatDateTime(props.at));
  return <time datetime={props.at}>{text()}</time>;
}

/** A calendar date ("2026-03-10") or a dash. */
export function Day(props: { date: string | undefined; missing?: string }) {
  return (
    <Show when={props.date} fallback={<Missing why={props.missing ?? 'No date'} />}>
      {(d) => (
        <time class="nowrap" datetime={d()}>
          {formatCalendarDate(d())}
        </time>
      )}
    </Show>
  );
}

/** BPR04 in words. */
const PAYMENT_METHODS: Record<string, string> = {
  ACH: 'Electronic transfer',
  CHK: 'Check',
  FWT: 'Wire transfer',
  BOP: 'Bank transfer',
  NON: 'No payment',
};
export const paymentMethodText = (code: string) => PAYMENT_METHODS[code] ?? code;

/** The billing KPIs' definitions. */
export function Definitions(props: { children?: JSX.Element }) {
  return (
    <MetricDefinitions metrics={BILLING_METRICS} class="billing-definitions">
      {props.children}
    </MetricDefinitions>
  );
}
