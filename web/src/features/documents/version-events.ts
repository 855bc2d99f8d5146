import type { Approver, VersionEvent } from '../../../../shared/schemas/documents.ts';
import { formatDateTime } from '../../lib/format.ts';

const VERBS: Record<VersionEvent['action'], string> = {
  submitted: 'sent it for approval',
  approved: 'approved',
  sent_back: 'sent it back',
  published: 'published it',
};

/** An approval-history line as a sentence: "Dana Whitaker approved · Mar 4, 2027, 9:12 AM". */
export function eventSentence(e: VersionEvent): string {
  return `${e.byName} ${VERBS[e.action]} · ${formatDateTime(e.at)}`;
}

/** Where one approver stands: "approved Mar 4, 9:12 AM", "has not decided yet". */
export function approverState(a: Approver): string {
  if (a.decision === 'approved') return `approved ${formatDateTime(a.decidedAt)}`;
  if (a.decision === 'sent_back') return `sent it back ${formatDateTime(a.decidedAt)}`;
  return 'has not decided yet';
}
