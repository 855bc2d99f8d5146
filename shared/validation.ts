import * as z from 'zod/mini';

/**
 * zod/mini ships without locale text, so every issue would read "Invalid input".
 * This maps issues to short sentences a practice manager understands.
 */
export function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required' : `Expected ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') {
        // An empty required text field is "Required", not "at least 2 characters".
        if (issue.input === '' || (typeof issue.input === 'string' && !issue.input.trim())) return 'Required';
        return `Must be at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array') return `Needs at least ${issue.minimum} item(s)`;
      return `Must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `Must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `At most ${issue.maximum} item(s)`;
      return `Must be at most ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid email address';
      if (issue.format === 'regex') return 'Has an invalid format';
      return `Must be a valid ${issue.format}`;
    case 'invalid_value':
      // The allowed values are internal codes (family_medicine, …): never show them to a user.
      // Schemas a person fills in name the choice themselves (z.enum(values, 'Choose a specialty')).
      return issue.input === undefined || issue.input === ''
        ? 'Choose one'
        : 'Choose one of the listed options';
    case 'unrecognized_keys':
      return `Unknown field(s): ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

// Side effect on import: every schema module imports this file so messages are friendly everywhere.
z.config({ customError: friendlyMessage });

export interface FieldError {
  path: string;
  message: string;
}

/** Flattens zod issues to `{ path: "owner.email", message }` pairs (the wire error's details). */
export function toFieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
