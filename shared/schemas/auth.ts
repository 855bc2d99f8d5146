import * as z from 'zod/mini';
import { ROLES, TENANT_KINDS } from '../roles.ts';
import '../validation.ts';
import { EmailSchema, IdSchema } from './common.ts';

export const LoginInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const RefreshInputSchema = z.strictObject({
  refreshToken: z.string().check(z.minLength(16), z.maxLength(512)),
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

export const MeSchema = z.object({
  user: z.object({ id: IdSchema, name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  tenant: z.object({ id: IdSchema, kind: z.enum(TENANT_KINDS), name: z.string() }),
});
export type Me = z.infer<typeof MeSchema>;
