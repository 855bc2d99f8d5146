import { createSignal } from 'solid-js';
// The API refuses longer ranges; checking here too saves a round trip.
import { MAX_EXPORT_DAYS } from '../../../../../shared/schemas/scheduling.ts';
import { addDays, localParts } from '../../../../../shared/time.ts';
import { FormAlert } from '../../../components/ui/Alert.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { TextField } from '../../../components/ui/Field.tsx';
import { Section } from '../../../components/ui/PageHeader.tsx';
import { toast } from '../../../components/ui/Toast.tsx';
import { daysInclusive } from '../../../lib/calendar-format.ts';
import { saveFile } from '../../../lib/download.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { formatCalendarDate } from '../../../lib/format.ts';
import { formatCount } from '../../../lib/number-format.ts';
import { exportFhir } from './api.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with an export range, per field; empty when it can be sent. */
export function checkRange(from: string, to: string): { from?: string; to?: string } {
  if (!DATE.test(from)) return { from: 'Enter the first day to export' };
  if (!DATE.test(to)) return { to: 'Enter the last day to export' };
  if (to < from) return { to: 'The last day must be on or after the first day' };
  const days = daysInclusive(from, to);
  if (days > MAX_EXPORT_DAYS) {
    return { to: `Export at most ${MAX_EXPORT_DAYS} days at a time; this range is ${days} days` };
  }
  return {};
}

/** A location's visits, providers and patients for a date range as a FHIR R4 Bundle file. */
export function FhirExport(props: { locationId: string; locationName: string; timeZone: string }) {
  // Reading the zone once is enough: the default range is a suggestion the user edits anyway.
  const today = localParts(Date.now(), props.timeZone).date;
  const [from, setFrom] = createSignal(addDays(today, -6));
  const [to, setTo] = createSignal(today);
  const [errors, setErrors] = createSignal<{ from?: string; to?: string }>({});
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let formRef: HTMLFormElement | undefined;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const problems = checkRange(from(), to());
    setErrors(problems);
    if (problems.from || problems.to) {
      formRef?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      const first = from();
      const last = to();
      const bundle = await exportFhir(props.locationId, first, last);
      saveFile(JSON.stringify(bundle, null, 2), `rounds-fhir-${first}-${last}.json`, 'application/fhir+json');
      toast.success(
        `Downloaded the FHIR bundle for ${formatCalendarDate(first)} to ${formatCalendarDate(last)} (${formatCount(bundle.entry.length, 'resource')})`,
      );
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      id="fhir"
      title="FHIR export"
      description={
        <>
          {props.locationName}'s schedule as a FHIR R4 Bundle: the location, practitioners, schedules, slots,
          appointments and their patients, for another system to import. The file holds patient details, so
          every export is recorded in the audit log.
        </>
      }
      class="reports-section"
    >
      <form ref={formRef} class="fhir-form" novalidate onSubmit={submit} aria-label="FHIR export">
        <div class="fhir-fields">
          <TextField
            label="From"
            name="from"
            type="date"
            value={from()}
            onInput={(v) => {
              setFrom(v);
              setErrors({});
            }}
            error={errors().from}
            required
          />
          <TextField
            label="To"
            name="to"
            type="date"
            value={to()}
            onInput={(v) => {
              setTo(v);
              setErrors({});
            }}
            error={errors().to}
            hint={`Up to ${MAX_EXPORT_DAYS} days, both days included.`}
            required
          />
          <div class="fhir-submit">
            <Button type="submit" variant="primary" busy={busy()}>
              Download FHIR bundle
            </Button>
          </div>
        </div>
        <FormAlert message={failure()} />
      </form>
    </Section>
  );
}
