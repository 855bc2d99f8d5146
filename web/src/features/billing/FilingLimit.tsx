import { Show } from 'solid-js';
import type { ClaimDetail } from '../../../../shared/schemas/billing.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { formatCount } from '../../lib/number-format.ts';

/** Within this many days the limit is a warning, not a note. */
const WARN_DAYS = 30;

/**
 * The payer's timely-filing limit for an unpaid claim: a quiet note while far off, a warning within
 * 30 days, and what passing it means once passed.
 */
export function FilingLimit(props: { filing: NonNullable<ClaimDetail['filing']>; payerName: string }) {
  const rule = () => `${props.payerName} allows ${props.filing.days} days from the date of service`;
  return (
    <Show
      when={props.filing.daysLeft <= WARN_DAYS}
      fallback={
        <p class="small muted">
          Timely filing: {props.payerName} must have a claim for this visit by{' '}
          {formatCalendarDate(props.filing.deadline)} ({props.filing.days} days from the date of service).
        </p>
      }
    >
      <Show
        when={props.filing.daysLeft >= 0}
        fallback={
          <Alert tone="error" title="The timely-filing limit has passed">
            <p>
              It was {formatCalendarDate(props.filing.deadline)} ({rule()}). A corrected claim now is likely
              to be denied as late (CARC 29) unless you can show proof it was filed on time.
            </p>
          </Alert>
        }
      >
        <Alert tone="warning" title={`${formatCount(props.filing.daysLeft, 'day')} left to file`}>
          <p>
            {props.payerName} must have a claim for this visit by {formatCalendarDate(props.filing.deadline)}{' '}
            ({rule()}). Check the payer received it, or send the corrected claim, before then.
          </p>
        </Alert>
      </Show>
    </Show>
  );
}
