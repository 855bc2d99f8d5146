import type { Key, TenantScope } from './keys.ts';

/**
 * Sign-offs' key builders beyond the standing requests (keys.ts), spread into `tenantKeys`: the
 * things a module offers for signing (one small partition per practice, listed by other modules'
 * pickers), and per thing the people another module asked by name and who signed which round.
 */
const thing = (s: TenantScope, source: string, ref: string) => `T#${s.tenantId}#SIGNOFF#${source}#${ref}`;

export const signOffKeys = {
  /** A signable thing (a published document): its title, link, category and current round. */
  signOffSubject: (s: TenantScope, source: string, ref: string): Key => ({
    PK: `T#${s.tenantId}#SIGNOFF#SUBJECTS`,
    SK: `${source}#${ref}`,
  }),
  signOffSubjectPartition: (s: TenantScope) => `T#${s.tenantId}#SIGNOFF#SUBJECTS`,
  /** One person asked by name to sign a thing (by another module: HR's onboarding). */
  signOffAsk: (s: TenantScope, source: string, ref: string, userId: string): Key => ({
    PK: thing(s, source, ref),
    SK: `ASK#${userId}`,
  }),
  signOffThingPartition: thing,
  signOffAskPrefix: 'ASK#',
  /** The latest round one person signed of a thing, and when. */
  signOffSigned: (s: TenantScope, source: string, ref: string, userId: string): Key => ({
    PK: thing(s, source, ref),
    SK: `SIGNED#${userId}`,
  }),
};
