import { A, createAsync } from '@solidjs/router';
import { createEffect, createSignal, Index, onCleanup, Show } from 'solid-js';
import type { Aging, ClaimDto } from '../../../../shared/schemas/billing.ts';
import { addDays } from '../../../../shared/time.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { saveFile } from '../../lib/download.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatCalendarDate, isoDay } from '../../lib/format.ts';
import { formatCents, formatCount, formatPercent } from '../../lib/number-format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { type ClaimFilters, getAging, listClaims } from './api.ts';
import { BillingNav } from './BillingNav.tsx';
import {
  ageInDays,
  COLLECTION_MIN_AGES,
  type CollectionMinAge,
  collectionRows,
  collectionsCsv,
  collectionsFileName,
  DEFAULT_COLLECTION_MIN_AGE,
  isCollectionMinAge,
  totalCents,
} from './collections-csv.ts';
import { claimHref, claimsHref, IMPORT_HREF } from './links.ts';
import { Day, Money } from './parts.tsx';
import './billing.css';

/** Claims a patient owes on after insurance, oldest visit first: the list and the export read these. */
const PATIENT_CLAIMS: ClaimFilters = { state: 'patient', sort: 'oldest' };
/** Claims per request when exporting (the API's largest page). */
const EXPORT_PAGE = 100;
/** An export stops reading here; a higher minimum age gets the oldest claims first anyway. */
const MAX_EXPORT_READ = 20_000;

/** "0-30" → "0–30 days", "120+" → "Over 120 days". */
const bucketName = (b: string) =>
  b.endsWith('+') ? `Over ${b.slice(0, -1)} days` : `${b.replace('-', '–')} days`;

/** What patients owe in the five age buckets, from the A/R aging (every patient balance, one read). */
function BucketTotals(props: { onAsOf: (asOf: string) => void }) {
  const aging = createAsync(() => getAging('payer'));
  createEffect(() => {
    const a = aging();
    if (a) props.onAsOf(a.asOf);
  });
  const patient = (a: Aging) => a.patient;
  return (
    <Show when={aging()}>
      {(a) => (
        <Section
          id="patient-aging"
          title={`Owed by patients as of ${formatCalendarDate(a().asOf)}`}
          description="Balances patients owe after insurance, by days since the date of service. Includes patient shares on claims a payer still owes part of."
        >
          <Show
            when={patient(a()).totalCents !== 0}
            fallback={
              <p class="muted">
                Patients owe nothing right now. Balances appear when an imported remittance leaves a patient
                share (deductible, coinsurance, copay).
              </p>
            }
          >
            <dl class="billing-amounts">
              <Index each={a().buckets}>
                {(b, i) => {
                  const cents = () => patient(a()).buckets[i] ?? 0;
                  const share = () =>
                    patient(a()).totalCents > 0
                      ? formatPercent(cents() / patient(a()).totalCents)
                      : undefined;
                  return (
                    <div>
                      <dt>{bucketName(b())}</dt>
                      <dd class="who">
                        <Money cents={cents()} class={i >= 3 && cents() > 0 ? 'strong' : undefined} />
                        <Show when={share()}>
                          <span class="muted small">{share()} of the total</span>
                        </Show>
                      </dd>
                    </div>
                  );
                }}
              </Index>
              <div>
                <dt>Total</dt>
                <dd class="strong">
                  <Money cents={patient(a()).totalCents} />
                </dd>
              </div>
            </dl>
          </Show>
        </Section>
      )}
    </Show>
  );
}

/** The claims with a patient balance, a page at a time, with each balance's age. */
function PatientClaims(props: { today: string }) {
  const list = createPagedList(
    () => 'patient',
    (cursor) => listClaims(PATIENT_CLAIMS, cursor, PAGE_SIZE),
  );
  return (
    <>
      <div class="billing-table-scroll">
        <DataTable<ClaimDto>
          caption="Claims with a patient balance, oldest visit first"
          loading={list.loading()}
          rows={list.items()}
          empty={
            <Show when={!list.loading()}>
              <EmptyState
                title="No patient balances"
                action={
                  <A href={IMPORT_HREF} class="btn btn-secondary">
                    Import an 835 file
                  </A>
                }
              >
                No patient owes a balance after insurance. Balances appear here when a remittance assigns a
                patient share (deductible, coinsurance, copay).
              </EmptyState>
            </Show>
          }
          columns={[
            { header: 'Patient', cell: (c) => <span class="strong">{c.patientName}</span> },
            {
              header: 'Claim',
              cell: (c) => (
                <A href={claimHref(c.id)} class="mono nowrap">
                  {c.id}
                </A>
              ),
            },
            { header: 'Service date', cell: (c) => <Day date={c.serviceDate} /> },
            { header: 'Payer', cell: (c) => c.payerName },
            {
              header: 'Balance',
              cell: (c) => <Money cents={c.patientBalanceCents} class="strong" />,
              class: 'num',
            },
            {
              header: 'Age',
              cell: (c) => (
                <span class="nowrap">{formatCount(ageInDays(c.serviceDate, props.today), 'day')}</span>
              ),
              class: 'num',
            },
          ]}
        />
      </div>
      <ListPager label="Claims" list={list} />
    </>
  );
}

/** The collections CSV: read the claims, say how many qualify, ask, then save the file. */
function CollectionsExport(props: { today: string }) {
  const [minAge, setMinAge] = createSignal<CollectionMinAge>(DEFAULT_COLLECTION_MIN_AGE);
  const [read, setRead] = createSignal<number>();
  const [note, setNote] = createSignal<{ tone: 'info' | 'success' | 'error'; text: string }>();
  let stopped = false;
  onCleanup(() => {
    stopped = true;
  });

  /**
   * Every claim a patient owes on, oldest visit first. Reading stops at the first page that reaches
   * visits younger than the minimum age: the claims after it are younger still.
   */
  async function readClaims(cutoff: string) {
    const claims: ClaimDto[] = [];
    let cursor: string | undefined;
    let reachedYounger = false;
    do {
      const page = await listClaims(PATIENT_CLAIMS, cursor, EXPORT_PAGE);
      claims.push(...page.items);
      setRead(claims.length);
      cursor = page.nextCursor ?? undefined;
      reachedYounger = page.items.some((c) => c.serviceDate > cutoff);
    } while (cursor && !reachedYounger && !stopped && claims.length < MAX_EXPORT_READ);
    return { claims, complete: !cursor || reachedYounger };
  }

  const run = async (e: SubmitEvent) => {
    e.preventDefault();
    if (read() !== undefined) return;
    stopped = false;
    setNote(undefined);
    setRead(0);
    const age = minAge();
    const today = props.today;
    try {
      const { claims, complete } = await readClaims(addDays(today, -age));
      if (stopped) {
        setNote({ tone: 'info', text: 'Stopped. Nothing was downloaded.' });
        return;
      }
      const rows = collectionRows(claims, today, age);
      if (rows.length === 0) {
        setNote({
          tone: 'info',
          text: `No patient balance is ${age} days old or older: there is nothing to send to collections.`,
        });
        return;
      }
      setRead(undefined);
      const ok = await confirm({
        title: `Download ${formatCount(rows.length, 'claim')} for collections?`,
        message: (
          <>
            <p>
              The file lists {formatCount(rows.length, 'row')} ({formatCents(totalCents(rows))} owed on visits{' '}
              {age} days old or older): each with the patient’s name, the date of service, the payer and the
              balance.
            </p>
            <p>
              This is patient data leaving Rounds. Send it only to a collections agency your practice has a
              business associate agreement with, and delete the file once it is sent.
            </p>
            <Show when={!complete}>
              <p>
                Only the oldest {formatCount(MAX_EXPORT_READ, 'claim')} were read; send these first and export
                again later.
              </p>
            </Show>
          </>
        ),
        confirmLabel: `Download ${formatCount(rows.length, 'row')}`,
        danger: false,
      });
      if (!ok) {
        setNote({ tone: 'info', text: 'Nothing was downloaded.' });
        return;
      }
      saveFile(collectionsCsv(rows), collectionsFileName(today, age), 'text/csv;charset=utf-8');
      setNote({
        tone: 'success',
        text: `Saved ${formatCount(rows.length, 'claim')} (${formatCents(totalCents(rows))}) as CSV.`,
      });
    } catch (err) {
      setNote({ tone: 'error', text: `The export failed: ${errorMessage(err)}` });
    } finally {
      setRead(undefined);
    }
  };

  return (
    <Section
      id="collections-export"
      title="Export for collections"
      description="A CSV file of the claims patients still owe on, oldest first, for your collections agency: claim id, patient name, service date, age in days, payer and balance in dollars."
    >
      <div class="stack">
        <form class="billing-toolbar" onSubmit={run} aria-label="Export for collections">
          <SelectField
            label="Visits at least"
            name="minAge"
            value={String(minAge())}
            options={COLLECTION_MIN_AGES.map((d) => ({ value: String(d), label: `${d} days old` }))}
            onChange={(v) => {
              const n = Number(v);
              if (isCollectionMinAge(n)) setMinAge(n);
            }}
            disabled={read() !== undefined}
          />
          <div class="billing-toolbar-action row-actions">
            <Button type="submit" variant="primary" busy={read() !== undefined}>
              Export for collections (CSV)
            </Button>
            <Show when={read() !== undefined}>
              <Button
                variant="ghost"
                onClick={() => {
                  stopped = true;
                }}
              >
                Stop
              </Button>
            </Show>
          </div>
        </form>
        <p class="muted small" aria-live="polite">
          <Show when={read() !== undefined}>
            <Spinner size="sm" label="" /> Reading claims… {read()!.toLocaleString('en-US')} read
          </Show>
        </p>
        <Show when={note()}>{(n) => <Alert tone={n().tone}>{n().text}</Alert>}</Show>
      </div>
    </Section>
  );
}

/** Patient balances: what patients owe after insurance, how old it is, and the file for collections. */
export function PatientBalancesPage() {
  const [today, setToday] = createSignal(isoDay(new Date()));
  return (
    <div class="page billing billing-wide">
      <PageHeader
        title="Patient balances"
        description="What patients still owe after insurance, by how long ago the visit was. The older a balance, the less of it is collected: send the oldest to collections."
      />
      <BillingNav />
      <div class="stack-lg">
        <LoadBoundary what="patient balances" keys={[getAging.key]}>
          <BucketTotals onAsOf={setToday} />
        </LoadBoundary>
        <CollectionsExport today={today()} />
        <Section
          id="patient-claims"
          title="Claims with a patient balance"
          description={
            <>
              Claims insurance is done with and the patient still owes on, oldest visit first. Open a claim to
              follow it up or write it off; the <A href={claimsHref({ state: 'patient' })}>claims list</A> can
              search them by name.
            </>
          }
        >
          <LoadBoundary what="claims" keys={[listClaims.key]}>
            <PatientClaims today={today()} />
          </LoadBoundary>
        </Section>
      </div>
    </div>
  );
}
