import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { DocumentDetail, Signature } from '../../../../shared/schemas/documents.ts';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { DataTable } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, formatDate, formatDateTime, roleLabel } from '../../lib/format.ts';
import { getSignatureSheet, listVersions, remindSigners } from './api.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** The sign-by day of published version `n`, whichever of the document's versions it is. */
function signByOf(doc: DocumentDetail, n: number): string | undefined {
  const v = [doc.published, doc.latest].find((x) => x?.number === n && x.status === 'published');
  return v?.signBy;
}

/** The sheet of one published version: counts, who signed (with what they signed) and who has not. */
function Sheet(props: { doc: DocumentDetail; n: number; inForce: boolean }) {
  const sheet = createAsync(() => getSignatureSheet(props.doc.id, props.n));
  const [reminding, setReminding] = createSignal(false);
  const remind = async (missing: number) => {
    const ok = await confirm({
      title: `Remind ${plural(missing, 'person', 'people')}?`,
      message: (
        <p>
          Everyone who has not signed version {props.n} of {props.doc.title} gets an email asking them to read
          and sign it. Reminders go out at most once a day.
        </p>
      ),
      confirmLabel: 'Send reminders',
      danger: false,
    });
    if (!ok) return;
    setReminding(true);
    try {
      const { reminded } = await remindSigners(props.doc.id);
      toast.success(
        reminded === 0 ? 'Nobody needed a reminder.' : `Reminded ${plural(reminded, 'person', 'people')}.`,
      );
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setReminding(false);
    }
  };
  return (
    <Show when={sheet()}>
      {(s) => {
        const total = () => s().signed.length + s().missing.length;
        return (
          <div class="stack">
            <div class="doc-sheet-head">
              <p class="doc-count" aria-live="polite">
                <span class="strong">
                  {s().signed.length} of {total()} signed
                </span>
                <Show when={signByOf(props.doc, props.n)}>
                  {(d) => <span class="muted"> · sign by {formatCalendarDate(d())}</span>}
                </Show>
              </p>
              <Show when={props.inForce && s().missing.length > 0}>
                <Button busy={reminding()} onClick={() => remind(s().missing.length)}>
                  Remind the {s().missing.length} who have not signed
                </Button>
              </Show>
            </div>
            <div
              class="doc-progress"
              role="img"
              aria-label={`${percent(s().signed.length, total())}% of the people asked have signed`}
            >
              <span style={{ width: `${percent(s().signed.length, total())}%` }} />
            </div>
            <p class="muted small">
              Text fingerprint (SHA-256):{' '}
              <code class="mono break-any" title={s().contentHash}>
                {s().contentHash.slice(0, 16)}…
              </code>
            </p>
            <h2 class="subheading">Signed</h2>
            <DataTable
              caption={`Signed version ${props.n}`}
              rows={s().signed}
              empty={<p class="muted">Nobody has signed this version yet.</p>}
              columns={[
                { header: 'Name', cell: (r: Signature) => <span class="break">{r.name}</span> },
                { header: 'Typed name', cell: (r: Signature) => <span class="break">{r.typedName}</span> },
                {
                  header: 'Signed',
                  cell: (r: Signature) => <time datetime={r.signedAt}>{formatDateTime(r.signedAt)}</time>,
                },
                {
                  header: 'From address',
                  cell: (r: Signature) => <span class="mono break-any">{r.clientIp}</span>,
                },
                {
                  header: 'Text fingerprint',
                  cell: (r: Signature) => (
                    <span class="mono" title={r.contentHash}>
                      {r.contentHash.slice(0, 12)}…
                      <span class="visually-hidden"> (full: {r.contentHash})</span>
                    </span>
                  ),
                },
              ]}
            />
            <h2 class="subheading">Not signed yet</h2>
            <DataTable
              caption={`Not signed version ${props.n}`}
              rows={s().missing}
              empty={<p class="muted">Everyone asked has signed.</p>}
              columns={[
                { header: 'Name', cell: (r) => <span class="break">{r.name}</span> },
                { header: 'Role', cell: (r) => roleLabel(r.role) },
              ]}
            />
          </div>
        );
      }}
    </Show>
  );
}

/** Signatures of the version in force, or of an earlier published version chosen from the list. */
export function SignaturesSection(props: { doc: DocumentDetail }) {
  const inForce = () => props.doc.publishedVersion;
  const versions = createAsync(() => listVersions(props.doc.id, undefined, 100));
  const published = () => (versions()?.items ?? []).filter((v) => v.status === 'published');
  const [chosen, setChosen] = createSignal<number>();
  const shown = () => chosen() ?? inForce();
  return (
    <Show when={shown()} fallback={<p class="muted">Nobody signs until a version is published.</p>}>
      {(n) => (
        <div class="stack">
          <Show when={published().length > 1}>
            <SelectField
              label="Version"
              name="sheetVersion"
              class="doc-version-pick"
              value={String(n())}
              onChange={(v) => setChosen(Number(v))}
              options={published().map((v) => ({
                value: String(v.number),
                label: `Version ${v.number}${v.number === inForce() ? ' (in force)' : ''} · published ${formatDate(v.publishedAt)}`,
              }))}
            />
          </Show>
          <LoadBoundary what="signatures" keys={['signatureSheet']}>
            <Sheet doc={props.doc} n={n()} inForce={n() === inForce()} />
          </LoadBoundary>
        </div>
      )}
    </Show>
  );
}
