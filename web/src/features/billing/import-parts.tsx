import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { RemittanceImportResult, RemittancePreview } from '../../../../shared/schemas/billing.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { DataTable } from '../../components/ui/Table.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatCents, formatCount } from '../../lib/number-format.ts';
import { claimsHref } from './links.ts';
import { Day, Money, paymentMethodText } from './parts.tsx';
import './billing.css';

/** The X12 import page's parts: file checks, the preview table, problems in words and the result. */

/** The API takes at most 5,000,000 characters of text: a file larger in bytes is refused before it is read. */
export const MAX_BYTES = 5_000_000;

export type PreviewRow = RemittancePreview['remittances'][number];
export type Problem = RemittancePreview['problems'][number];

/** Why a chosen file cannot be sent, from its size and text; undefined when it may be. */
export function fileProblem(f: { name: string; size: number }): string | undefined {
  if (f.size === 0) return `“${f.name}” is empty.`;
  if (f.size > MAX_BYTES) {
    return `“${f.name}” is larger than 5 MB (${(f.size / 1_000_000).toFixed(1)} MB). Ask your billing service or clearinghouse for one file per payment, then import them one by one.`;
  }
  return undefined;
}

/** The two X12 files billing takes in: remittances (835) and claims (837P). */
export type X12Kind = '835' | '837';

const KIND_WORDS: Record<X12Kind, string> = { '835': 'an 835 remittance', '837': 'an 837 claim file' };

/** Why a file's text cannot be previewed as `kind`: not text, empty, or the other kind of X12. */
export function textProblem(name: string, text: string, kind: X12Kind): string | undefined {
  if (text.includes('\u0000'))
    return `“${name}” is not a text file. An X12 file is plain text starting with “ISA”.`;
  if (text.trim() === '') return `“${name}” is empty.`;
  // Documents keeps both kinds side by side: the other kind sent here would only read as problems.
  const firstSet = /(?:^|[^A-Za-z0-9])ST([^A-Za-z0-9\s])(\d{3})\1/.exec(text.slice(0, 4096))?.[2];
  if ((firstSet === '835' || firstSet === '837') && firstSet !== kind)
    return `“${name}” is ${KIND_WORDS[firstSet]}, not ${KIND_WORDS[kind]}. Choose “${firstSet === '835' ? 'Remittances (835)' : 'Claims (837P)'}” above to import it.`;
  return undefined;
}

/** The parser's messages may start with the place already ("Segment 3 (ST): …"): said once is enough. */
export const withoutPlace = (message: string) => message.replace(/^segment \d+( \([A-Z0-9]+\))?:\s*/i, '');

/** "Segment 12 (CLP): …" in a list: where in the file, and what is wrong, in words. */
export function Problems(props: { problems: Problem[]; title: string }) {
  return (
    <Alert title={props.title}>
      <p>
        Nothing was imported. Ask whoever sent the file for a corrected one; segment numbers count from the
        ISA at the top.
      </p>
      <ul class="billing-problems">
        <For each={props.problems}>
          {(p) => (
            <li>
              <span class="strong nowrap">
                Segment {p.segment}
                <Show when={p.segmentId}> ({p.segmentId})</Show>:
              </span>{' '}
              {withoutPlace(p.message)}
            </li>
          )}
        </For>
      </ul>
    </Alert>
  );
}

/** A 400 from the import names each bad segment as a field path ("segment 12"): back to problems. */
export function problemsOf(err: unknown): Problem[] {
  if (!(err instanceof ApiError)) return [];
  return err.details.map((d) => {
    const n = /segment (\d+)/.exec(d.path);
    return { segment: n ? Number(n[1]) : 0, segmentId: '', message: d.message };
  });
}

export function PreviewTable(props: { rows: PreviewRow[]; done: boolean }) {
  return (
    <DataTable<PreviewRow>
      caption="Remittances in the file"
      rows={props.rows}
      empty={<p class="muted">The file holds no remittance.</p>}
      columns={[
        {
          header: 'Payer',
          cell: (r) => (
            <span class="who">
              <span class="strong break">{r.payerName}</span>
              <span class="muted small mono">{r.payerId}</span>
            </span>
          ),
        },
        { header: 'Trace', cell: (r) => <span class="mono break-any">{r.traceNumber}</span> },
        { header: 'Date', cell: (r) => <Day date={r.paymentDate} /> },
        {
          header: 'Amount',
          cell: (r) => (
            <span class="who">
              <Money cents={r.paymentCents} class="strong" />
              <span class="muted small">{paymentMethodText(r.paymentMethod)}</span>
              <Show when={r.providerAdjustmentsCents !== 0}>
                <span class="muted small">
                  Provider adjustments {formatCents(r.providerAdjustmentsCents)}
                </span>
              </Show>
            </span>
          ),
          class: 'num',
        },
        { header: 'Claims', cell: (r) => r.claims.toLocaleString('en-US'), class: 'num' },
        {
          header: 'Known claims',
          cell: (r) => (
            <span title="Claims Rounds already has, from an earlier remittance">
              {r.knownClaims.toLocaleString('en-US')}
            </span>
          ),
          class: 'num',
        },
        { header: 'Denied', cell: (r) => r.denied.toLocaleString('en-US'), class: 'num' },
        { header: 'Reversals', cell: (r) => r.reversals.toLocaleString('en-US'), class: 'num' },
        {
          header: 'Status',
          cell: (r) => (r.alreadyImported ? <Badge>Imported before</Badge> : <Badge tone="info">New</Badge>),
        },
      ]}
    />
  );
}

export function Result(props: { result: RemittanceImportResult }) {
  const r = () => props.result;
  return (
    <Alert tone="success" title={r().imported > 0 ? 'Imported' : 'Nothing new to import'}>
      <p>
        <Show
          when={r().imported > 0}
          fallback={<>Every remittance in the file was imported before; nothing changed.</>}
        >
          {formatCount(r().imported, 'remittance')} with {formatCount(r().claims, 'claim')} and{' '}
          {formatCents(r().paymentCents)} in payments.
        </Show>
        <Show when={r().imported > 0 && r().skipped > 0}>
          {' '}
          {formatCount(r().skipped, 'remittance')} imported before {r().skipped === 1 ? 'was' : 'were'}{' '}
          skipped.
        </Show>
      </p>
      <p class="billing-links">
        <A href="/app/billing">See the overview</A>
        <A href={claimsHref({ state: 'denied' })}>Work the denied claims</A>
        <A href={claimsHref()}>All open claims</A>
      </p>
    </Alert>
  );
}
