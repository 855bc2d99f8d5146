import { createSignal, Show } from 'solid-js';
import { EXPORT_LAYOUT_LABELS, type ExportLayout } from '../../../../shared/schemas/hr-payroll.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { optionsOf, SelectField } from '../../components/ui/Field.tsx';
import { saveFile } from '../../lib/download.ts';
import { errorMessage } from '../../lib/errors.ts';
import { exportPayPeriod } from './payroll-api.ts';

/**
 * The period's file for payroll: a layout to choose and the download. A refused file (the ADP one
 * with its company code or someone's file number missing) says what is missing where it stays in
 * view, not in a toast that goes: the manager has a list of people to fix.
 */
export function PayrollExport(props: { periodId: string }) {
  const [layout, setLayout] = createSignal<ExportLayout>('generic');
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  const download = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const file = await exportPayPeriod(props.periodId, layout());
      saveFile(file.csv, file.fileName, 'text/csv;charset=utf-8');
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack payroll-export">
      <div class="button-row payroll-export-row">
        <SelectField
          label="File layout"
          name="layout"
          value={layout()}
          options={optionsOf(EXPORT_LAYOUT_LABELS)}
          onChange={(v) => {
            setLayout(v as ExportLayout);
            setRefusal(undefined);
          }}
          class="inline-field"
        />
        <Button size="sm" busy={busy()} onClick={download}>
          Download
        </Button>
      </div>
      <Show when={layout() === 'adp_wfn' && !refusal()}>
        <p class="small muted">
          Uses the ADP company code from the payroll settings and each person’s payroll file number from the
          staff directory.
        </p>
      </Show>
      <Show when={refusal()}>{(m) => <Alert tone="error">{m()}</Alert>}</Show>
    </div>
  );
}
