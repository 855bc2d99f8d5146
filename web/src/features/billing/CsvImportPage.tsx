import { createAsync } from '@solidjs/router';
import {
  BILLING_CSV_COLUMNS,
  BILLING_CSV_KINDS,
  type BillingCsvKind,
  billingRowIdentity,
  readHeader,
} from '../../../../shared/billing/csv-columns.ts';
import { dateOrderOf, exampleDate, tenantLocale } from '../../../../shared/locale.ts';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import {
  type ColumnCheck,
  type ColumnDoc,
  type ImportKindView,
  ImportWorkbench,
} from '../imports/ImportWorkbench.tsx';
import { getTenant } from '../settings/api.ts';
import { BillingNav } from './BillingNav.tsx';
import './billing.css';

/** How the page names each kind; a repeat is named by the column the API names it by. */
const VIEWS: Record<BillingCsvKind, Omit<ImportKindView, 'kind' | 'templateColumns'>> = {
  'billing.claims': {
    label: 'Claims (one row per service line)',
    nouns: { one: 'claim line', many: 'claim lines' },
    repeatField: 'cpt_code',
  },
  'billing.payments': {
    label: 'Payments and adjustments (one row per posting)',
    nouns: { one: 'posting', many: 'postings' },
    repeatField: 'amount_paid',
  },
};

const KINDS = BILLING_CSV_KINDS.map(
  (kind): ImportKindView => ({
    kind,
    ...VIEWS[kind],
    templateColumns: BILLING_CSV_COLUMNS[kind].map((c) => c.name),
  }),
) as [ImportKindView, ...ImportKindView[]];

/** A kind's columns with a few of the header names billing systems export them under. */
function columnsOf(kind: BillingCsvKind): ColumnDoc[] {
  return BILLING_CSV_COLUMNS[kind].map((c) => {
    const also = (c.aliases ?? []).slice(0, 4).map((a) => `“${a}”`);
    return {
      name: c.name,
      required: c.required,
      aliases: c.aliases,
      description: also.length ? `${c.description} Also read from ${also.join(', ')}.` : c.description,
    };
  });
}

/** Why a header row cannot be imported as the kind, what it ignores, and whether it is the other kind's file. */
function checkColumns(kind: BillingCsvKind, columns: string[]): ColumnCheck {
  const { missing, ignored } = readHeader(kind, columns);
  const other = BILLING_CSV_KINDS.find((k) => k !== kind)!;
  const looksLikeOther = readHeader(other, columns).missing.length === 0;
  const hint = looksLikeOther
    ? ` This looks like a file of ${VIEWS[other].nouns.many}: choose it above.`
    : '';
  if (!missing.length) return { problem: undefined, ignored };
  const which = missing.length === 1 ? 'the required column' : 'the required columns';
  return {
    problem: `The header row is missing ${which} ${missing.join(', ')}.${hint} The first row must name the columns, as in the template (or as your billing system names them).`,
    ignored,
  };
}

/**
 * CSV import of claims and payment postings exported from a practice's billing system, on the shared
 * import page: claims first (postings are matched to claims by claim number), then payments.
 */
export function CsvImportPage() {
  // Slashed dates are read in the practice's order (US practices: month/day/year); see shared/locale.ts.
  const tenant = createAsync(() => getTenant());
  const order = () => {
    const t = tenant.latest;
    return t ? dateOrderOf(tenantLocale(t)) : undefined;
  };
  return (
    <>
      <PageHeader
        title="Import CSV"
        description="Bring claims, payments and adjustments over from your billing system’s CSV exports."
      />
      <BillingNav />
      <ImportWorkbench<never>
        endpoint="/billing/imports"
        kinds={KINDS}
        kindDescription="Import claims first: payments and adjustments are matched to claims by claim number. Rows of one claim become one claim."
        columns={(kind) => columnsOf(kind as BillingCsvKind)}
        identity={(kind) => {
          const o = order();
          return o ? (r) => billingRowIdentity(kind as BillingCsvKind, r, o) : undefined;
        }}
        checkColumns={(kind, columns) => checkColumns(kind as BillingCsvKind, columns)}
        columnsHint={
          <>
            {' '}
            Amounts may be written “$1,234.50” or “1234.5”. Dates are read as {order() ?? 'month/day/year'} (
            {exampleDate(order() ?? 'month/day/year')} is March 14, 1985) or as 1985-03-14.
          </>
        }
      />
    </>
  );
}
