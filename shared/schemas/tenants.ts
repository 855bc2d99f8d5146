import * as z from 'zod/mini';
import { TENANT_KINDS } from '../roles.ts';
import '../validation.ts';
import {
  EmailSchema,
  HexColorSchema,
  IdSchema,
  PasswordSchema,
  PersonNameSchema,
  PhoneSchema,
  TimeZoneSchema,
  UrlSchema,
  VersionSchema,
} from './common.ts';

export const SPECIALTIES = {
  family_medicine: 'Family medicine',
  internal_medicine: 'Internal medicine',
  pediatrics: 'Pediatrics',
  ob_gyn: 'Obstetrics & gynecology',
  cardiology: 'Cardiology',
  dermatology: 'Dermatology',
  orthopedics: 'Orthopedics',
  gastroenterology: 'Gastroenterology',
  psychiatry: 'Psychiatry / behavioral health',
  multispecialty: 'Multispecialty',
  other: 'Other',
} as const;
export type Specialty = keyof typeof SPECIALTIES;

/** US Census divisions: a fixed list so associations can compare like with like. */
export const REGIONS = {
  new_england: 'New England',
  mid_atlantic: 'Mid-Atlantic',
  east_north_central: 'East North Central',
  west_north_central: 'West North Central',
  south_atlantic: 'South Atlantic',
  east_south_central: 'East South Central',
  west_south_central: 'West South Central',
  mountain: 'Mountain',
  pacific: 'Pacific',
} as const;
export type Region = keyof typeof REGIONS;

export const PRACTICE_SIZES = {
  solo: 'Solo (1 provider)',
  small: 'Small (2–5 providers)',
  medium: 'Medium (6–15 providers)',
  large: 'Large (16+ providers)',
} as const;
export type PracticeSize = keyof typeof PRACTICE_SIZES;

const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const SpecialtySchema = z.enum(keysOf(SPECIALTIES), 'Choose a specialty');
export const RegionSchema = z.enum(keysOf(REGIONS), 'Choose a region');
export const PracticeSizeSchema = z.enum(keysOf(PRACTICE_SIZES), 'Choose the practice size');
const OrgNameSchema = z.string().check(z.trim(), z.minLength(2), z.maxLength(120));

export const PracticeProfileSchema = z.strictObject({
  name: OrgNameSchema,
  specialty: SpecialtySchema,
  region: RegionSchema,
  size: PracticeSizeSchema,
  timeZone: TimeZoneSchema,
  phone: z.optional(PhoneSchema),
  website: z.optional(UrlSchema),
});
export type PracticeProfile = z.infer<typeof PracticeProfileSchema>;

export const AssociationProfileSchema = z.strictObject({
  name: OrgNameSchema,
  region: RegionSchema,
  timeZone: TimeZoneSchema,
  website: z.optional(UrlSchema),
});
export type AssociationProfile = z.infer<typeof AssociationProfileSchema>;

export const OwnerInputSchema = z.strictObject({
  name: PersonNameSchema,
  email: EmailSchema,
  password: PasswordSchema,
});

export const SignupInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('practice'), practice: PracticeProfileSchema, owner: OwnerInputSchema }),
  z.strictObject({
    kind: z.literal('association'),
    association: AssociationProfileSchema,
    owner: OwnerInputSchema,
  }),
]);
export type SignupInput = z.infer<typeof SignupInputSchema>;

export const SignupResultSchema = z.object({
  tenantId: IdSchema,
  userId: IdSchema,
  kind: z.enum(TENANT_KINDS),
});
export type SignupResult = z.infer<typeof SignupResultSchema>;

/** A logo is a PNG or JPEG of at most 1 MB, uploaded as a file (POST /api/files/logo) and named by its id. */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

/**
 * Where anyone (a patient's reminder page, a printed letter) loads a tenant's logo: served by the
 * documents function only while `fileId` is that tenant's logo. A new logo is a new file id, so the
 * address names immutable bytes and browsers may keep them.
 */
export const logoPath = (tenantId: string, fileId: string) => `/api/public/logo/${tenantId}/${fileId}`;

/** Branding as stored and as saved (PUT /api/tenant/branding): the logo is a file of the tenant. */
export const BrandingSchema = z.object({
  /** The logo file's id (a ready PNG or JPEG of this tenant, at most 1 MB), or null for none. */
  logoFileId: z.nullable(
    z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Upload the logo again: this is not a file id')),
  ),
  primaryColor: HexColorSchema,
  accentColor: HexColorSchema,
});
export type Branding = z.infer<typeof BrandingSchema>;
export const DEFAULT_BRANDING: Branding = {
  logoFileId: null,
  primaryColor: '#0b6e4f',
  accentColor: '#f2a541',
};

/** Branding as the API answers it: also where to load the logo (`logoPath`), or null. */
export const BrandingViewSchema = z.object({
  ...BrandingSchema.shape,
  logoUrl: z.nullable(z.string()),
});
export type BrandingView = z.infer<typeof BrandingViewSchema>;

/** The answer's branding for a stored one (an item from before logo files counts as no logo). */
export function brandingView(tenantId: string, stored: Partial<Branding> | undefined): BrandingView {
  const logoFileId = stored?.logoFileId ?? null;
  return {
    logoFileId,
    primaryColor: stored?.primaryColor ?? DEFAULT_BRANDING.primaryColor,
    accentColor: stored?.accentColor ?? DEFAULT_BRANDING.accentColor,
    logoUrl: logoFileId ? logoPath(tenantId, logoFileId) : null,
  };
}

export const UpdateBrandingSchema = z.strictObject({ ...BrandingSchema.shape, version: VersionSchema });
export const UpdatePracticeProfileSchema = z.strictObject({
  ...PracticeProfileSchema.shape,
  version: VersionSchema,
});
export const UpdateAssociationProfileSchema = z.strictObject({
  ...AssociationProfileSchema.shape,
  version: VersionSchema,
});

export const TenantSchema = z.object({
  id: IdSchema,
  kind: z.enum(TENANT_KINDS),
  name: z.string(),
  region: RegionSchema,
  timeZone: z.string(),
  specialty: z.optional(SpecialtySchema),
  size: z.optional(PracticeSizeSchema),
  phone: z.optional(z.string()),
  website: z.optional(z.string()),
  branding: BrandingViewSchema,
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tenant = z.infer<typeof TenantSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const HhMm = z.string().check(z.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use 24-hour time like 08:30'));

export const DayHoursSchema = z.strictObject({ closed: z.boolean(), opens: HhMm, closes: HhMm }).check(
  z.refine((d) => d.closed || d.opens < d.closes, {
    message: 'Closing time must be after opening time',
    path: ['closes'],
  }),
);
export type DayHours = z.infer<typeof DayHoursSchema>;

export const WeeklyHoursSchema = z.strictObject({
  mon: DayHoursSchema,
  tue: DayHoursSchema,
  wed: DayHoursSchema,
  thu: DayHoursSchema,
  fri: DayHoursSchema,
  sat: DayHoursSchema,
  sun: DayHoursSchema,
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const AddressSchema = z.strictObject({
  line1: z.string().check(z.trim(), z.minLength(3), z.maxLength(120)),
  line2: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  city: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)),
  state: z.string().check(z.regex(/^[A-Z]{2}$/, 'Use the two-letter state code, e.g. OH')),
  postalCode: z.string().check(z.regex(/^[0-9]{5}(-[0-9]{4})?$/, 'Use a ZIP code like 43215')),
});
export type Address = z.infer<typeof AddressSchema>;

export const LocationInputSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)),
  address: AddressSchema,
  phone: PhoneSchema,
  timeZone: TimeZoneSchema,
  hours: WeeklyHoursSchema,
});
export type LocationInput = z.infer<typeof LocationInputSchema>;
export const UpdateLocationSchema = z.strictObject({ ...LocationInputSchema.shape, version: VersionSchema });
export const ArchiveLocationSchema = z.strictObject({ version: VersionSchema });

export const LocationSchema = z.object({
  id: IdSchema,
  ...LocationInputSchema.shape,
  archived: z.boolean(),
  version: VersionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Location = z.infer<typeof LocationSchema>;

/** Office hours most practices start from; the form pre-fills them. */
export const DEFAULT_HOURS: WeeklyHours = {
  mon: { closed: false, opens: '08:00', closes: '17:00' },
  tue: { closed: false, opens: '08:00', closes: '17:00' },
  wed: { closed: false, opens: '08:00', closes: '17:00' },
  thu: { closed: false, opens: '08:00', closes: '17:00' },
  fri: { closed: false, opens: '08:00', closes: '16:00' },
  sat: { closed: true, opens: '09:00', closes: '12:00' },
  sun: { closed: true, opens: '09:00', closes: '12:00' },
};

export { EmailSchema };
