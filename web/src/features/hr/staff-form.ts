import * as z from 'zod/mini';
import {
  type EmploymentType,
  PaySchema,
  type PayType,
  type Staff,
  StaffCreateSchema,
  type StaffRole,
  StaffUpdateSchema,
} from '../../../../shared/schemas/hr.ts';
import { optional } from '../../lib/forms.ts';

/** One license row of the form; `key` keeps a row's inputs in place when another row is removed. */
export interface CredentialRow {
  key: number;
  name: string;
  number: string;
  expiresOn: string;
}

/** The form's values, as typed: numbers and dates stay strings until sent. */
export interface StaffValues {
  firstName: string;
  lastName: string;
  jobTitle: string;
  staffRole: StaffRole | '';
  email: string;
  phone: string;
  locationIds: string[];
  hireDate: string;
  employmentType: EmploymentType | '';
  fte: string;
  managerId: string;
  userId: string;
  credentials: CredentialRow[];
  payType: PayType | '';
  /** Dollars as typed ("32.50", "84,000"). */
  payAmount: string;
  /** ADP's File # as typed (digits, leading zeros kept). */
  payrollFileNumber: string;
  ecName: string;
  ecRelationship: string;
  ecPhone: string;
}

/** The form's text fields, by name. */
export type TextKey = {
  [K in keyof StaffValues]: StaffValues[K] extends string ? K : never;
}[keyof StaffValues];

let rowSeq = 0;
export const newCredentialRow = (c?: Staff['credentials'][number]): CredentialRow => ({
  key: ++rowSeq,
  name: c?.name ?? '',
  number: c?.number ?? '',
  expiresOn: c?.expiresOn ?? '',
});

export function emptyValues(): StaffValues {
  return {
    firstName: '',
    lastName: '',
    jobTitle: '',
    staffRole: '',
    email: '',
    phone: '',
    locationIds: [],
    hireDate: '',
    employmentType: 'full_time',
    fte: '1',
    managerId: '',
    userId: '',
    credentials: [],
    payType: '',
    payAmount: '',
    payrollFileNumber: '',
    ecName: '',
    ecRelationship: '',
    ecPhone: '',
  };
}

/** Cents as the dollars a person types back ("3250" → "32.50", "8400000" → "84000"). */
const dollarsOf = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

export function valuesOf(s: Staff): StaffValues {
  return {
    firstName: s.firstName,
    lastName: s.lastName,
    jobTitle: s.jobTitle,
    staffRole: s.staffRole,
    email: s.email ?? '',
    phone: s.phone ?? '',
    locationIds: [...s.locationIds],
    hireDate: s.hireDate,
    employmentType: s.employmentType,
    fte: String(s.fte),
    managerId: s.managerId ?? '',
    userId: s.userId ?? '',
    credentials: s.credentials.map(newCredentialRow),
    payType: s.pay?.type ?? '',
    payAmount: s.pay ? dollarsOf(s.pay.rateCents) : '',
    payrollFileNumber: s.payrollFileNumber ?? '',
    ecName: s.emergencyContact?.name ?? '',
    ecRelationship: s.emergencyContact?.relationship ?? '',
    ecPhone: s.emergencyContact?.phone ?? '',
  };
}

/** Dollars as typed to whole cents; anything that is not an amount stays undefined ("Enter the pay…"). */
export function centsOf(dollars: string): number | undefined {
  const v = dollars.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(v)) return undefined;
  return Math.round(Number(v) * 100);
}

export const isBlankRow = (r: CredentialRow) => !r.name.trim() && !r.number.trim() && !r.expiresOn.trim();

/** The API's body; pay data and the emergency contact only when the viewer keeps them and filled them in. */
export function bodyOf(v: StaffValues, admin: boolean) {
  const contactGiven = Boolean(v.ecName.trim() || v.ecRelationship.trim() || v.ecPhone.trim());
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    jobTitle: v.jobTitle,
    staffRole: v.staffRole || undefined,
    userId: optional(v.userId),
    email: optional(v.email),
    phone: optional(v.phone),
    locationIds: v.locationIds,
    hireDate: v.hireDate,
    employmentType: v.employmentType || undefined,
    fte: v.fte.trim() === '' ? undefined : Number(v.fte),
    managerId: optional(v.managerId),
    credentials: v.credentials.map((c) => ({
      name: c.name,
      number: optional(c.number),
      expiresOn: optional(c.expiresOn),
    })),
    pay: admin && v.payType ? { type: v.payType, rateCents: centsOf(v.payAmount) } : undefined,
    payrollFileNumber: admin ? optional(v.payrollFileNumber) : undefined,
    emergencyContact:
      admin && contactGiven
        ? { name: v.ecName, relationship: optional(v.ecRelationship), phone: v.ecPhone }
        : undefined,
  };
}

/*
 * The shared schemas, with messages for what a form leaves empty: the API's date and number checks
 * say "Use a date like…" or "Required" there, which does not tell the person what is missing.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const formFields = {
  hireDate: z
    .string()
    .check(z.minLength(1, 'Enter the hire date'), z.regex(DAY, 'Use a date like 2026-03-08')),
  fte: z
    .number('Enter the FTE: 1 is a 40-hour week, 0.5 half of it')
    .check(z.minimum(0.05, 'FTE is from 0.05 to 1'), z.maximum(1, 'FTE is from 0.05 to 1')),
  pay: z.optional(
    z.extend(PaySchema, {
      rateCents: z
        .int('Enter the pay in dollars, like 32.50')
        .check(z.minimum(0, 'Pay cannot be negative'), z.maximum(100_000_000, 'That pay is too high')),
    }),
  ),
};
export const StaffCreateFormSchema = z.extend(StaffCreateSchema, formFields);
export const StaffUpdateFormSchema = z.extend(StaffUpdateSchema, formFields);
