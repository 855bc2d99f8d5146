import { Show } from 'solid-js';
import type { Payer } from '../../../../shared/schemas/billing-payers.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { formatCents, formatCentsShort, formatCount, formatPercent } from '../../lib/number-format.ts';
import { Day, Missing } from './parts.tsx';
import { daysUntil, NOTICE_SOON_DAYS, noticeDeadline } from './payer-sort.tsx';

/** A rate over its two lines: the percentage, then what it is out of ("46 of 716"). */
export function RateCell(props: { rate: number | null; count: string; missing: string }) {
  return (
    <Show when={props.rate !== null} fallback={<Missing why={props.missing} />}>
      <span class="who">
        <span>{formatPercent(props.rate!)}</span>
        <span class="muted small">{props.count}</span>
      </span>
    </Show>
  );
}

/** A 12-month total, short ("$412K"); the exact amount on hover and for screen readers. */
export function ShortMoney(props: { cents: number }) {
  return (
    <span class="nowrap" title={formatCents(props.cents)}>
      <span aria-hidden="true">{formatCentsShort(props.cents)}</span>
      <span class="visually-hidden">{formatCents(props.cents)}</span>
    </span>
  );
}

/** The contract's term, its renewal and the notice deadline, highlighted when it is close or missed. */
export function ContractCell(props: { payer: Payer }) {
  return (
    <Show when={props.payer.contract} fallback={<span class="muted small">No contract on file</span>}>
      {(c) => {
        const deadline = () => noticeDeadline(props.payer);
        const left = () => (deadline() ? daysUntil(deadline()!) : 0);
        const renewed = () => (c().renewalDate ? daysUntil(c().renewalDate!) < 0 : false);
        return (
          <span class="who small">
            <span>
              {c().effectiveTo ? '' : 'Since '}
              <Day date={c().effectiveFrom} />
              <Show when={c().effectiveTo}>
                {' – '}
                <Day date={c().effectiveTo} />
              </Show>
            </span>
            <Show when={c().renewalDate} fallback={<span class="muted">No renewal date</span>}>
              <span>
                Renews <Day date={c().renewalDate} />
              </span>
              <Show
                when={!renewed()}
                fallback={<span class="muted">Renewal passed: update the contract</span>}
              >
                <span class={left() <= NOTICE_SOON_DAYS ? 'strong' : undefined}>
                  Notice by <Day date={deadline()} />
                </span>
                <Show when={left() < 0}>
                  <span>
                    <Badge tone="danger">Notice deadline passed</Badge>
                  </span>
                </Show>
                <Show when={left() >= 0 && left() <= NOTICE_SOON_DAYS}>
                  <span>
                    <Badge tone="warning">
                      {left() === 0 ? 'Due today' : `Due in ${formatCount(left(), 'day')}`}
                    </Badge>
                  </span>
                </Show>
              </Show>
            </Show>
          </span>
        );
      }}
    </Show>
  );
}

export function FeeScheduleCell(props: {
  payer: Payer;
  admin: boolean;
  onImport: () => void;
  onShow: () => void;
}) {
  return (
    <Show
      when={props.payer.hasFeeSchedule}
      fallback={
        <span class="who">
          <span>
            <Badge tone="neutral">None</Badge>
          </span>
          <Show when={props.admin} fallback={<span class="muted small">A manager can import one</span>}>
            <button type="button" class="link-button link small" onClick={() => props.onImport()}>
              Import one<span class="visually-hidden"> for {props.payer.name}</span>
            </button>
          </Show>
        </span>
      }
    >
      <span class="who">
        <span>
          <Badge tone="success">On file</Badge>
        </span>
        <button type="button" class="link-button link small" onClick={() => props.onShow()}>
          See fees<span class="visually-hidden"> of {props.payer.name}</span>
        </button>
      </span>
    </Show>
  );
}
