import type { ClaimsSource } from './port.ts';

type Claims = Record<string, string>;

/** The parts of Cognito's Pre Token Generation V2 event this trigger reads and fills. */
export interface PreTokenEventV2 {
  version?: string;
  triggerSource: string;
  userPoolId?: string;
  userName?: string;
  request: { userAttributes: Record<string, string> };
  response: {
    claimsAndScopeOverrideDetails?: {
      idTokenGeneration?: { claimsToAddOrOverride?: Claims };
      accessTokenGeneration?: { claimsToAddOrOverride?: Claims };
    } | null;
  };
}

/**
 * Cognito's pre-token-generation trigger (V2: it may customise access tokens too). The
 * tenant, kind and role claims come only from the table, so a user can never write them;
 * an unknown or deactivated user gets no token at all (the thrown error refuses sign-in).
 */
export function preTokenGeneration(claimsFor: ClaimsSource) {
  return async (event: PreTokenEventV2): Promise<PreTokenEventV2> => {
    const { email, email_verified: verified } = event.request.userAttributes;
    // The email picks whose claims these are, and a signed-in user can change its own email
    // attribute through Cognito's public API; the change stays unverified, since the code goes to
    // that mailbox. So only a verified email counts: nobody can borrow another user's claims.
    if (!email || verified !== 'true') throw new Error('This account has no verified email');
    const claims = await claimsFor(email.toLowerCase());
    if (!claims) throw new Error('This account is deactivated');
    const added: Claims = {
      user_id: claims.sub,
      tenant_id: claims.tenant_id,
      tenant_kind: claims.tenant_kind,
      role: claims.role,
      name: claims.name,
    };
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: { claimsToAddOrOverride: added },
      accessTokenGeneration: { claimsToAddOrOverride: added },
    };
    return event;
  };
}
