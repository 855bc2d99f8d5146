import * as z from 'zod/mini';
import { ROLES, TENANT_KINDS } from '../roles.ts';
import '../validation.ts';
import { EmailSchema, IdSchema, PasswordSchema } from './common.ts';

export const LoginInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/**
 * Refresh and logout. Browsers send `{}`: their refresh token is the httpOnly `rounds_refresh`
 * cookie (Path=/api/auth). Non-browser clients send the token from the sign-in answer.
 */
export const RefreshInputSchema = z.strictObject({
  refreshToken: z.optional(z.string().check(z.minLength(16), z.maxLength(512))),
});
export type RefreshInput = z.infer<typeof RefreshInputSchema>;

export const TokenResponseSchema = z.object({
  accessToken: z.string(),
  idToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.int(),
  tokenType: z.literal('Bearer'),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** A refresh answered from the cookie leaves the refresh token out (no script may read it). */
export const RefreshResponseSchema = z.object({
  ...TokenResponseSchema.shape,
  refreshToken: z.optional(z.string()),
});
export type RefreshResponse = z.infer<typeof RefreshResponseSchema>;

export const MeSchema = z.object({
  user: z.object({ id: IdSchema, name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  tenant: z.object({ id: IdSchema, kind: z.enum(TENANT_KINDS), name: z.string() }),
});
export type Me = z.infer<typeof MeSchema>;

/** How long a password-reset link works. */
export const RESET_LINK_MINUTES = 30;

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

/** The same answer whether or not the email has an account. */
export const PasswordResetAcceptedSchema = z.object({ message: z.string() });

export const ResetTokenSchema = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9_-]{16,200}$/,
      'This reset link is not complete. Copy the whole link from the email.',
    ),
  );

export const PasswordResetConfirmSchema = z.strictObject({
  token: ResetTokenSchema,
  password: PasswordSchema,
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirmSchema>;

/** What the reset page shows before a new password is chosen. */
export const PasswordResetPreviewSchema = z.object({ email: z.string(), expiresAt: z.string() });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreviewSchema>;

export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(256)),
  newPassword: PasswordSchema,
});
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

const sameTwice = (a: string, b: string) => a === b;

/** The reset page's form: the new password typed twice. */
export const ResetPasswordFormSchema = z
  .object({ password: PasswordSchema, confirmPassword: z.string().check(z.minLength(1)) })
  .check(
    z.refine((v) => sameTwice(v.password, v.confirmPassword), {
      message: 'The two passwords do not match',
      path: ['confirmPassword'],
    }),
  );

/** The account page's form: current password, and the new one typed twice. */
export const ChangePasswordFormSchema = z
  .object({
    currentPassword: ChangePasswordSchema.shape.currentPassword,
    newPassword: PasswordSchema,
    confirmPassword: z.string().check(z.minLength(1)),
  })
  .check(
    z.refine((v) => sameTwice(v.newPassword, v.confirmPassword), {
      message: 'The two passwords do not match',
      path: ['confirmPassword'],
    }),
    z.refine((v) => v.newPassword !== v.currentPassword, {
      message: 'Choose a password different from your current one',
      path: ['newPassword'],
    }),
  );

// --- two-factor sign-in (authenticator app) ---

/** How long the code step of a sign-in stays open after the right password. */
export const MFA_CHALLENGE_MINUTES = 5;
/** Recovery codes handed out when two-factor sign-in is turned on; each works once. */
export const RECOVERY_CODE_COUNT = 10;

export const TotpCodeSchema = z
  .string()
  .check(z.trim(), z.regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app (digits only)'));

/** `xxxx-xxxx-xxxx` from Rounds' alphabet; spaces, dashes and case do not matter when typed. */
export const RecoveryCodeSchema = z
  .string()
  .check(z.trim(), z.regex(/^[A-Za-z0-9 -]{12,20}$/, 'Enter a recovery code like 7KQ2-M9XD-4TPV'));

/** The code step of a sign-in: the challenge from the mfa_required answer, and a code or a recovery code. */
export const MfaLoginSchema = z
  .strictObject({
    challenge: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,200}$/, 'Sign in again with your password')),
    code: z.optional(TotpCodeSchema),
    recoveryCode: z.optional(RecoveryCodeSchema),
  })
  .check(
    z.refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
      message: 'Enter the code from your authenticator app, or one recovery code',
      path: ['code'],
    }),
  );
export type MfaLogin = z.infer<typeof MfaLoginSchema>;

export const MfaStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.optional(z.string()),
  /** Unused recovery codes left (0 when off). */
  recoveryCodesLeft: z.int(),
});
export type MfaStatus = z.infer<typeof MfaStatusSchema>;

/** The start of enrolment: the key to add to the app, typed in or as an otpauth:// link / QR code. */
export const TotpEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

export const TotpConfirmSchema = z.strictObject({ code: TotpCodeSchema });
export type TotpConfirm = z.infer<typeof TotpConfirmSchema>;

/** Shown once, when two-factor sign-in is turned on; only their hashes are kept. */
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** Turning two-factor sign-in off asks for a current code or the password. */
export const TotpDisableSchema = z
  .strictObject({
    code: z.optional(TotpCodeSchema),
    password: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  })
  .check(
    z.refine((v) => (v.code === undefined) !== (v.password === undefined), {
      message: 'Enter a current code from your authenticator app, or your password',
      path: ['code'],
    }),
  );
export type TotpDisable = z.infer<typeof TotpDisableSchema>;
