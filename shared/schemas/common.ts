import * as z from 'zod/mini';
import '../validation.ts';

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
export const VersionSchema = z.int().check(z.minimum(1));
export const EmailSchema = z.email().check(z.maxLength(254));
export const PersonNameSchema = z.string().check(z.trim(), z.minLength(2), z.maxLength(100));
/** The password policy's length bounds: the local issuer and the Cognito user pool both use them. */
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;
export const PasswordSchema = z
  .string()
  .check(z.minLength(PASSWORD_LENGTH.min), z.maxLength(PASSWORD_LENGTH.max));
export const PhoneSchema = z
  .string()
  .check(z.regex(/^\+?[0-9 ().-]{7,20}$/, 'Enter a phone number like (555) 123-4567'));
export const HexColorSchema = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'Use a color like #1f6feb'));
export const UrlSchema = z.url().check(z.maxLength(300));

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));
export const TimeZoneSchema = z
  .string()
  .check(z.refine((tz) => TIME_ZONES.has(tz), 'Choose a valid IANA time zone, e.g. America/New_York'));

/** ?cursor=&limit= on every list route. */
export const PageQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z.optional(
    z.string().check(z.regex(/^([1-9]|[1-9][0-9]|100)$/, 'Must be a whole number from 1 to 100')),
  ),
});

/** A paged list: opaque `nextCursor` is null on the last page. */
export function pageOf<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A calendar date (the practice's local day). */
export const DateSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use a date like 2026-03-08'));

/** ISO date-time string as the API returns it. */
export const TimestampSchema = z.string();
