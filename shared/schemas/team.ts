import * as z from 'zod/mini';
import { ROLES, TENANT_KINDS } from '../roles.ts';
import '../validation.ts';
import {
  EmailSchema,
  IdSchema,
  PageQuerySchema,
  PasswordSchema,
  PersonNameSchema,
  VersionSchema,
} from './common.ts';

export const USER_STATUSES = ['active', 'deactivated'] as const;
export const UserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(USER_STATUSES),
  version: VersionSchema,
  createdAt: z.string(),
  lastLoginAt: z.nullable(z.string()),
});
export type User = z.infer<typeof UserSchema>;

export const TeamQuerySchema = z.object({
  ...PageQuerySchema.shape,
  status: z.optional(z.enum(USER_STATUSES)),
});

export const ChangeRoleSchema = z.strictObject({
  role: z.enum(ROLES, 'Choose a role'),
  version: VersionSchema,
});
export const VersionOnlySchema = z.strictObject({ version: VersionSchema });

export const INVITE_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const InviteInputSchema = z.strictObject({
  email: EmailSchema,
  role: z.enum(ROLES, 'Choose a role'),
  name: z.optional(PersonNameSchema),
});
export type InviteInput = z.infer<typeof InviteInputSchema>;

export const InviteSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.enum(ROLES),
  status: z.enum(INVITE_STATUSES),
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invite = z.infer<typeof InviteSchema>;

export const InvitePreviewSchema = z.object({
  tenantName: z.string(),
  tenantKind: z.enum(TENANT_KINDS),
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.enum(ROLES),
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

export const AcceptInviteSchema = z.strictObject({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
  name: PersonNameSchema,
  password: PasswordSchema,
});
export type AcceptInvite = z.infer<typeof AcceptInviteSchema>;
