import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, EmailSchema, IdSchema, PageQuerySchema, PhoneSchema, VersionSchema } from './common.ts';

/**
 * HR's wire shapes for the staff directory: every person who works at the practice, with or without
 * a Rounds login. Pay and the emergency contact are sent to owners and managers only; the service
 * leaves them out of every answer to anyone else (the schema marks them optional for that reason).
 */

/** What a person does, for staffing rules and the directory's groups (not their Rounds role). */
export const STAFF_ROLES = [
  'provider',
  'nurse',
  'medical_assistant',
  'front_desk',
  'billing',
  'manager',
  'other',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  provider: 'Provider',
  nurse: 'Nurse',
  medical_assistant: 'Medical assistant',
  front_desk: 'Front desk',
  billing: 'Billing',
  manager: 'Management',
  other: 'Other',
};

export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'per_diem'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  full_time: 'Full time',
  part_time: 'Part time',
  per_diem: 'Per diem',
};

export const PAY_TYPES = ['hourly', 'salary'] as const;
export type PayType = (typeof PAY_TYPES)[number];

const Text = (max: number, required = 'Required') =>
  z.string().check(z.trim(), z.minLength(1, required), z.maxLength(max, `At most ${max} characters`));
const OptionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`)));

/** A license or certification the person holds; an expiry date alerts 90, 60 and 30 days ahead. */
export const StaffCredentialSchema = z.strictObject({
  name: Text(100, 'Name the license or certification (e.g. BLS, RN license)'),
  number: OptionalText(60),
  expiresOn: z.optional(DateSchema),
});
export type StaffCredential = z.infer<typeof StaffCredentialSchema>;

export const EmergencyContactSchema = z.strictObject({
  name: Text(100, 'Enter the contact’s name'),
  relationship: OptionalText(60),
  phone: PhoneSchema,
});
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;

/** Pay: an hourly rate or a yearly salary, in cents. */
export const PaySchema = z.strictObject({
  type: z.enum(PAY_TYPES, 'Choose hourly or salary'),
  rateCents: z
    .int()
    .check(z.minimum(0, 'Pay cannot be negative'), z.maximum(100_000_000, 'That pay is too high')),
});
export type Pay = z.infer<typeof PaySchema>;

/**
 * The person's number in the practice's payroll system (ADP's "File #": 1 to 6 digits, leading
 * zeros kept as ADP shows them). Pay data: owners and managers alone set and see it.
 */
export const PayrollFileNumberSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^\d{1,6}$/, 'A payroll file number is 1 to 6 digits, as ADP shows it (e.g. 001234)'),
  );

const staffFields = {
  firstName: Text(60, 'Enter a first name'),
  lastName: Text(60, 'Enter a last name'),
  jobTitle: Text(80, 'Enter a job title'),
  staffRole: z.enum(STAFF_ROLES, 'Choose what the person does'),
  /** Their Rounds login, when they have one (what they see of their own shifts and time off). */
  userId: z.optional(IdSchema),
  email: z.optional(EmailSchema),
  phone: z.optional(PhoneSchema),
  locationIds: z.array(IdSchema).check(z.maxLength(20, 'At most 20 locations')),
  hireDate: DateSchema,
  employmentType: z.enum(EMPLOYMENT_TYPES, 'Choose full time, part time or per diem'),
  /** Full-time equivalent: 1 is a 40-hour week. */
  fte: z.number().check(z.minimum(0.05, 'FTE is from 0.05 to 1'), z.maximum(1, 'FTE is from 0.05 to 1')),
  managerId: z.optional(IdSchema),
  credentials: z.array(StaffCredentialSchema).check(z.maxLength(20, 'At most 20 licenses')),
};

/**
 * POST /api/hr/staff. Pay, the payroll file number and the emergency contact may be set only by
 * owners and managers.
 */
export const StaffCreateSchema = z.strictObject({
  ...staffFields,
  pay: z.optional(PaySchema),
  payrollFileNumber: z.optional(PayrollFileNumberSchema),
  emergencyContact: z.optional(EmergencyContactSchema),
});
export type StaffCreate = z.infer<typeof StaffCreateSchema>;

/** PUT /api/hr/staff/:id: the whole record, with the version read. */
export const StaffUpdateSchema = z.strictObject({
  ...staffFields,
  pay: z.optional(PaySchema),
  payrollFileNumber: z.optional(PayrollFileNumberSchema),
  emergencyContact: z.optional(EmergencyContactSchema),
  version: VersionSchema,
});
export type StaffUpdate = z.infer<typeof StaffUpdateSchema>;

/** POST /api/hr/staff/:id/end: the last day worked. */
export const StaffEndSchema = z.strictObject({
  endDate: DateSchema,
  reason: OptionalText(200),
  version: VersionSchema,
});
export type StaffEnd = z.infer<typeof StaffEndSchema>;

export const STAFF_STATUSES = ['active', 'ended'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/**
 * A person as the API answers: `pay`, `payrollFileNumber` and `emergencyContact` only to owners
 * and managers.
 */
export const StaffSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  jobTitle: z.string(),
  staffRole: z.enum(STAFF_ROLES),
  userId: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  locationIds: z.array(z.string()),
  hireDate: DateSchema,
  employmentType: z.enum(EMPLOYMENT_TYPES),
  fte: z.number(),
  managerId: z.optional(z.string()),
  managerName: z.optional(z.string()),
  credentials: z.array(StaffCredentialSchema),
  status: z.enum(STAFF_STATUSES),
  endDate: z.optional(DateSchema),
  endReason: z.optional(z.string()),
  pay: z.optional(PaySchema),
  payrollFileNumber: z.optional(z.string()),
  emergencyContact: z.optional(EmergencyContactSchema),
  version: z.int(),
});
export type Staff = z.infer<typeof StaffSchema>;

export const STAFF_SORTS = ['name', 'hireDate', 'jobTitle', 'staffRole'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

/** GET /api/hr/staff */
export const StaffListQuerySchema = z.extend(PageQuerySchema, {
  sort: z.optional(z.enum(STAFF_SORTS, 'Sort by name, hire date, job title or role')),
  dir: z.optional(z.enum(['asc', 'desc'], 'Sort ascending or descending')),
  status: z.optional(z.enum([...STAFF_STATUSES, 'all'], 'Choose active, ended or all')),
  location: z.optional(IdSchema),
  staffRole: z.optional(z.enum(STAFF_ROLES, 'Choose a role')),
  q: z.optional(z.string().check(z.trim(), z.maxLength(80))),
});
export type StaffListQuery = z.infer<typeof StaffListQuerySchema>;

export const StaffIdParamsSchema = z.object({ id: IdSchema });
