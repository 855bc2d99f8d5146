import { createSignal } from 'solid-js';
import type * as z from 'zod/mini';
import { ApiError } from './api.ts';

export type FieldErrors = Record<string, string>;

/** Validates with a shared zod/mini schema; errors are keyed by the issue path ("owner.email"). */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data as z.infer<S> };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_form';
    errors[path] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Trims strings and drops empty optional ones so `z.optional(...)` sees them as absent. */
export function optional(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

/** A number input's value: empty stays undefined so the schema says "Required". */
export function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The state every form shares: field errors, a form-level alert, and "sending".
 * `submit` validates with the shared schema, sends, and maps a 400's details back to the fields
 * (each input's `name` is its schema path).
 */
export function createForm() {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [formError, setFormError] = createSignal<string | undefined>();
  const [sending, setSending] = createSignal(false);

  function focusFirstProblem(form: HTMLFormElement | undefined): void {
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('.form-alert');
    target?.focus();
  }

  function showError(err: unknown, form?: HTMLFormElement, pathPrefix = ''): void {
    if (err instanceof ApiError) {
      const fields: FieldErrors = {};
      const unmatched: string[] = [];
      for (const d of err.details) {
        const path = d.path.startsWith(pathPrefix) ? d.path.slice(pathPrefix.length) : d.path;
        if (form?.elements.namedItem(path)) fields[path] ??= d.message;
        else unmatched.push(d.message);
      }
      setErrors(fields);
      const extra = unmatched.length ? ` ${unmatched.join(' ')}` : '';
      setFormError(`${err.message}${extra}`);
    } else {
      console.error(err);
      setFormError('Something went wrong. Try again.');
    }
    queueMicrotask(() => focusFirstProblem(form));
  }

  async function submit<S extends z.ZodMiniType>(
    form: HTMLFormElement | undefined,
    schema: S,
    value: unknown,
    send: (data: z.infer<S>) => Promise<void>,
  ): Promise<boolean> {
    if (sending()) return false;
    setFormError(undefined);
    const result = validate(schema, value);
    if (!result.ok) {
      const { _form, ...fields } = result.errors;
      setErrors(fields);
      const unmatched = Object.entries(fields)
        .filter(([path]) => form && !form.elements.namedItem(path))
        .map(([, m]) => m);
      if (_form || unmatched.length) setFormError([_form, ...unmatched].filter(Boolean).join(' '));
      queueMicrotask(() => focusFirstProblem(form));
      return false;
    }
    setErrors({});
    setSending(true);
    try {
      await send(result.data);
      return true;
    } catch (err) {
      showError(err, form);
      return false;
    } finally {
      setSending(false);
    }
  }

  return {
    errors,
    setErrors,
    formError,
    setFormError,
    sending,
    error: (path: string): string | undefined => errors()[path],
    clearError(path: string): void {
      if (errors()[path]) {
        const { [path]: _gone, ...rest } = errors();
        setErrors(rest);
      }
    },
    showError,
    submit,
  };
}

export type Form = ReturnType<typeof createForm>;
