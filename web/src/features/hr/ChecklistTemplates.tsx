import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { STAFF_ROLE_LABELS, type StaffRole } from '../../../../shared/schemas/hr.ts';
import {
  CHECKLIST_KIND_LABELS,
  type ChecklistKind,
  type ChecklistTaskTemplate,
  ChecklistTemplateInputSchema,
  SIGNS_HANDBOOK,
  TASK_OWNER_LABELS,
  type TaskOwner,
} from '../../../../shared/schemas/hr-checklists.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { confirm } from '../../components/ui/Dialog.tsx';
import { optionsOf, SelectField, TextField } from '../../components/ui/Field.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { createForm, optional } from '../../lib/forms.ts';
import { listChecklistTemplates, listSignableDocuments, saveChecklistTemplate } from './checklists-api.ts';
import { listAllCurrentStaff } from './staff-api.ts';

interface Row {
  title: string;
  owner: TaskOwner;
  ownerStaffId: string;
  days: string;
  link: string;
  /** '' (nothing to sign), 'handbook', or a document id. */
  signs: string;
}
const toRow = (t: ChecklistTaskTemplate): Row => ({
  title: t.title,
  owner: t.owner,
  ownerStaffId: t.ownerStaffId ?? '',
  days: String(t.days),
  link: t.link ?? '',
  signs: t.signs ?? '',
});

/** One kind and role's template, edited as rows; saving replaces it at the version read. */
export function ChecklistTemplates() {
  const templates = createAsync(() => listChecklistTemplates());
  const people = createAsync(() => listAllCurrentStaff().catch(() => []));
  const documents = createAsync(() => listSignableDocuments().catch(() => ({ items: [] })));
  const [kind, setKind] = createSignal<ChecklistKind>('onboarding');
  const [role, setRole] = createSignal<StaffRole>('front_desk');
  const current = () => templates()?.items.find((t) => t.kind === kind() && t.staffRole === role());
  const [rows, setRows] = createSignal<Row[]>([]);
  createEffect(on(current, (t) => setRows(t ? t.tasks.map(toRow) : [])));
  const form = createForm();
  let ref: HTMLFormElement | undefined;
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // The handbook by folder first (it follows a re-published or replaced handbook), then each document.
  const signOptions = () => [
    { value: '', label: 'Nothing to sign' },
    { value: SIGNS_HANDBOOK, label: 'The employee handbook (Handbook folder)' },
    ...(documents()?.items ?? []).map((d) => ({ value: d.id, label: d.title })),
  ];
  const personOptions = () =>
    (people() ?? []).filter((p) => p.userId).map((p) => ({ value: p.id, label: p.name }));
  return (
    <form
      ref={ref}
      class="stack"
      aria-label="Checklist template"
      onSubmit={async (e) => {
        e.preventDefault();
        const t = current();
        if (!t) return;
        const ok = await form.submit(
          ref,
          ChecklistTemplateInputSchema,
          {
            kind: kind(),
            staffRole: role(),
            version: t.version,
            tasks: rows().map((r) => ({
              title: r.title.trim(),
              owner: r.owner,
              ...(r.owner === 'person' && r.ownerStaffId ? { ownerStaffId: r.ownerStaffId } : {}),
              days: r.days.trim() === '' ? undefined : Number(r.days),
              link: optional(r.link),
              signs: r.owner === 'hire' ? optional(r.signs) : undefined,
            })),
          },
          async (body) => {
            await saveChecklistTemplate(body);
          },
        );
        if (ok) toast.success('Template saved: new checklists use it');
      }}
    >
      <div class="hr-toolbar">
        <SelectField
          label="Checklist"
          name="kind"
          value={kind()}
          options={optionsOf(CHECKLIST_KIND_LABELS)}
          onChange={(v) => setKind(v as ChecklistKind)}
        />
        <SelectField
          label="Role"
          name="staffRole"
          value={role()}
          options={optionsOf(STAFF_ROLE_LABELS)}
          onChange={(v) => setRole(v as StaffRole)}
        />
      </div>
      <p class="small muted">
        {current()?.version === 0 ? 'Rounds’ starting tasks: save to make them your own. ' : ''}
        Days count from the hire date (onboarding) or the last day (offboarding); negative is before. A task
        the person does may ask them to sign a document: it goes to their Today and ticks itself when they
        sign.
      </p>
      <FormAlert message={form.formError()} />
      <ol class="checklist-template-rows">
        <For each={rows()}>
          {(r, i) => (
            <li class="checklist-template-row">
              <TextField
                label="Task"
                name={`tasks.${i()}.title`}
                value={r.title}
                maxLength={120}
                error={form.error(`tasks.${i()}.title`)}
                onInput={(v) => set(i(), { title: v })}
              />
              <SelectField
                label="Who"
                name={`tasks.${i()}.owner`}
                value={r.owner}
                options={optionsOf(TASK_OWNER_LABELS)}
                onChange={(v) => set(i(), { owner: v as TaskOwner })}
              />
              <Show when={r.owner === 'person'}>
                <SelectField
                  label="Person"
                  name={`tasks.${i()}.ownerStaffId`}
                  value={r.ownerStaffId}
                  placeholder="Choose a person"
                  options={personOptions()}
                  error={form.error(`tasks.${i()}.ownerStaffId`)}
                  onChange={(v) => set(i(), { ownerStaffId: v })}
                />
              </Show>
              <Show when={r.owner === 'hire'}>
                <SelectField
                  label="Signs in Documents"
                  name={`tasks.${i()}.signs`}
                  value={r.signs}
                  options={signOptions()}
                  error={form.error(`tasks.${i()}.signs`)}
                  onChange={(v) => set(i(), { signs: v })}
                />
              </Show>
              <TextField
                label="Days"
                name={`tasks.${i()}.days`}
                type="number"
                inputMode="numeric"
                value={r.days}
                error={form.error(`tasks.${i()}.days`)}
                onInput={(v) => set(i(), { days: v })}
              />
              <TextField
                label="Link"
                name={`tasks.${i()}.link`}
                optional
                placeholder="/app/documents"
                value={r.link}
                error={form.error(`tasks.${i()}.link`)}
                onInput={(v) => set(i(), { link: v })}
              />
              <Button
                size="sm"
                variant="ghost"
                onClick={async () => {
                  const ok = await confirm({
                    title: 'Remove this task?',
                    message: `“${r.title || 'This task'}” leaves the template when you save. Checklists already started keep it.`,
                    confirmLabel: 'Remove',
                    danger: true,
                  });
                  if (ok) setRows(rows().filter((_, j) => j !== i()));
                }}
              >
                Remove<span class="visually-hidden"> {r.title}</span>
              </Button>
            </li>
          )}
        </For>
      </ol>
      <div class="reviews-actions">
        <Button
          onClick={() =>
            setRows([
              ...rows(),
              { title: '', owner: 'manager', ownerStaffId: '', days: '0', link: '', signs: '' },
            ])
          }
        >
          Add a task
        </Button>
        <Button type="submit" variant="primary" busy={form.sending()}>
          Save the template
        </Button>
      </div>
    </form>
  );
}
