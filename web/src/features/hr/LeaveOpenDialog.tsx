import { createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  LEAVE_KIND_LABELS,
  LEAVE_REASON_LABELS,
  LEAVE_SCHEDULE_LABELS,
  type LeaveCase,
  LeaveCaseOpenSchema,
} from '../../../../shared/schemas/hr-leave.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { FieldPlaceholder, optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { isoDay } from '../../lib/format.ts';
import { createForm, numberOrUndefined, optional } from '../../lib/forms.ts';
import { openLeaveCase } from './leave-api.ts';
import { caseTitle } from './leave-format.ts';
import { listAllCurrentStaff } from './staff-api.ts';

type Values = {
  staffId: string;
  kind: string;
  reason: string;
  schedule: string;
  requestedOn: string;
  startDate: string;
  expectedReturnDate: string;
  employeesWithin75Miles: string;
  hoursWorkedLast12Months: string;
  priorEmploymentMonths: string;
};

/** Everyone current in the directory, by name; its own Suspense so the dialog opens at once. */
function PersonSelect(props: { value: string; error?: string; onChange: (v: string) => void }) {
  const people = createAsync(() => listAllCurrentStaff());
  return (
    <Suspense fallback={<FieldPlaceholder label="Person" />}>
      <SelectField
        label="Person"
        name="staffId"
        value={props.value}
        placeholder="Choose a person"
        options={(people() ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.jobTitle})` }))}
        // The id schema's own message speaks of characters: say what to do instead.
        error={props.error ? 'Choose a person' : undefined}
        onChange={props.onChange}
        required
      />
    </Suspense>
  );
}

/** The form itself: built fresh on each opening, so a cancelled case leaves nothing behind. */
function OpenForm(props: { onClose: () => void; onOpened: (c: LeaveCase) => void }) {
  const form = createForm();
  const [values, setValues] = createStore<Values>({
    staffId: '',
    kind: 'fmla',
    reason: '',
    schedule: 'continuous',
    requestedOn: isoDay(new Date()),
    startDate: '',
    expectedReturnDate: '',
    employeesWithin75Miles: '',
    hoursWorkedLast12Months: '',
    priorEmploymentMonths: '',
  });
  const set = (name: keyof Values) => (v: string) => {
    setValues(name, v);
    form.clearError(name);
  };
  let ref: HTMLFormElement | undefined;
  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    let opened: LeaveCase | undefined;
    const ok = await form.submit(
      ref,
      LeaveCaseOpenSchema,
      {
        staffId: values.staffId || undefined,
        kind: values.kind,
        reason: values.reason || undefined,
        schedule: values.schedule,
        requestedOn: optional(values.requestedOn),
        startDate: optional(values.startDate),
        expectedReturnDate: optional(values.expectedReturnDate),
        employeesWithin75Miles: numberOrUndefined(values.employeesWithin75Miles),
        hoursWorkedLast12Months: numberOrUndefined(values.hoursWorkedLast12Months),
        priorEmploymentMonths: numberOrUndefined(values.priorEmploymentMonths),
      },
      async (body) => {
        opened = await openLeaveCase(body);
      },
    );
    if (ok && opened) {
      toast.success(`Opened ${caseTitle(opened)}`);
      props.onOpened(opened);
    }
  };
  return (
    <form ref={ref} class="stack leave-open-form" onSubmit={send} novalidate>
      <FormAlert message={form.formError()} />
      <PersonSelect value={values.staffId} error={form.error('staffId')} onChange={set('staffId')} />
      <div class="form-grid">
        <SelectField
          label="Kind"
          name="kind"
          value={values.kind}
          options={optionsOf(LEAVE_KIND_LABELS)}
          onChange={(v) => {
            set('kind')(v);
            // An ADA case is nearly always an accommodation: save the second choice.
            if (v === 'ada' && !values.reason) setValues('reason', 'accommodation');
          }}
          error={form.error('kind')}
          required
        />
        <SelectField
          label="Reason"
          name="reason"
          value={values.reason}
          placeholder="Choose a reason"
          options={optionsOf(LEAVE_REASON_LABELS)}
          onChange={set('reason')}
          error={form.error('reason')}
          required
        />
        <SelectField
          label="Schedule"
          name="schedule"
          class="span-2"
          value={values.schedule}
          options={optionsOf(LEAVE_SCHEDULE_LABELS)}
          onChange={set('schedule')}
          error={form.error('schedule')}
          required
        />
        <TextField
          label="Requested on"
          name="requestedOn"
          type="date"
          value={values.requestedOn}
          onInput={set('requestedOn')}
          error={form.error('requestedOn')}
          hint="The notice and certification dates count from this day."
        />
        <TextField
          label="First day of leave"
          name="startDate"
          type="date"
          value={values.startDate}
          onInput={set('startDate')}
          error={form.error('startDate')}
          required
        />
        <TextField
          label="Expected return"
          name="expectedReturnDate"
          type="date"
          optional
          value={values.expectedReturnDate}
          onInput={set('expectedReturnDate')}
          error={form.error('expectedReturnDate')}
        />
      </div>
      <fieldset class="fieldset leave-figures">
        <legend class="legend strong">Eligibility figures</legend>
        <p class="small muted">
          FMLA needs 50 employees within 75 miles, 1,250 hours worked in the last 12 months and 12 months of
          service. Rounds works each out for the first day of leave.
        </p>
        <div class="form-grid">
          <TextField
            label="Employees within 75 miles"
            name="employeesWithin75Miles"
            type="number"
            inputMode="numeric"
            min={0}
            optional
            value={values.employeesWithin75Miles}
            onInput={set('employeesWithin75Miles')}
            error={form.error('employeesWithin75Miles')}
            hint="Leave blank to use everyone in the staff directory"
          />
          <TextField
            label="Hours worked in the last 12 months"
            name="hoursWorkedLast12Months"
            type="number"
            inputMode="decimal"
            min={0}
            optional
            value={values.hoursWorkedLast12Months}
            onInput={set('hoursWorkedLast12Months')}
            error={form.error('hoursWorkedLast12Months')}
            hint="Leave blank to estimate from the person's FTE; enter the payroll figure when you have it"
          />
          <TextField
            label="Prior months of service"
            name="priorEmploymentMonths"
            type="number"
            inputMode="numeric"
            min={0}
            optional
            value={values.priorEmploymentMonths}
            onInput={set('priorEmploymentMonths')}
            error={form.error('priorEmploymentMonths')}
            hint="Earlier employment with the practice, in whole months"
          />
        </div>
      </fieldset>
      <div class="button-row">
        <Button onClick={() => props.onClose()}>Cancel</Button>
        <Button type="submit" variant="primary" busy={form.sending()}>
          Open the case
        </Button>
      </div>
    </form>
  );
}

/** Opens a leave or accommodation case for one person; eligibility is worked out when it opens. */
export function LeaveOpenDialog(props: {
  open: boolean;
  onClose: () => void;
  onOpened: (c: LeaveCase) => void;
}) {
  return (
    <Dialog open={props.open} title="Open a leave case" onClose={props.onClose}>
      <Show when={props.open}>
        <OpenForm onClose={props.onClose} onOpened={props.onOpened} />
      </Show>
    </Dialog>
  );
}
