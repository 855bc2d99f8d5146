import type { SwapStatus } from '../../../../shared/schemas/hr-swaps.ts';
import type { Tone } from '../../components/ui/Badge.tsx';
import { formatLocalDay, formatLocalTimes } from '../../lib/format.ts';

/** The badge tone of each request status. */
export const STATUS_TONES: Record<SwapStatus, Tone> = {
  awaiting_colleague: 'info',
  pending: 'warning',
  approved: 'success',
  declined: 'danger',
  cancelled: 'neutral',
};

/** Whether a request still waits, for the colleague or for a manager. */
export const isWaiting = (status: SwapStatus) => status === 'pending' || status === 'awaiting_colleague';

/** "Thu, Dec 10 8:00 AM–5:00 PM": how a shift is named in buttons, titles and toasts. */
export const shiftWhen = (s: { date: string; start: string; end: string }) =>
  `${formatLocalDay(s.date)} ${formatLocalTimes(s.start, s.end)}`;

export const STALE_SWAP =
  'This request changed meanwhile (it may have been withdrawn or decided). The list now shows it as it is.';
