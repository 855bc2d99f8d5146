/**
 * Linking a Rounds login to the billing NPI its provider's claims are billed under, so that provider
 * can read their own production (production.service.ts). Owners and managers set it on the
 * credentialing page; one NPI per login, one login per NPI.
 * Cross-domain read: getActiveMember from tenants/members.service.ts (the login must be an active
 * provider of this practice).
 */
import type { ProviderLogin, ProviderLoginSet } from '../../shared/schemas/billing-credentialing.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { conflict, validationFailed } from '../platform/errors.ts';
import { getActiveMember } from '../tenants/members.service.ts';
import { credentialingRepo, staleCredentialing } from './credentialing.repo.ts';
import { providerName } from './credentialing.service.ts';
import { providerLoginRepo as repo } from './provider-login.repo.ts';

/** Links `input.userId` to the NPI (or unlinks it, with null), at the version the form read. */
export async function setProviderLogin(
  db: TenantDb,
  npi: string,
  input: ProviderLoginSet,
): Promise<ProviderLogin> {
  const [current, names, taken] = await Promise.all([
    repo.byNpi(db, npi),
    credentialingRepo.directoryNames(db, npi),
    input.userId ? repo.byUser(db, input.userId) : undefined,
  ]);
  // An NPI this practice never billed or listed is not found, as another tenant's would be.
  const name = await providerName(db, npi, names.providerName);
  const member = input.userId ? await getActiveMember(db, input.userId) : undefined;
  if (member && member.role !== 'provider') {
    throw validationFailed([
      {
        path: 'userId',
        message: `${member.name} is not a provider: only a login with the Provider role reads a provider's production`,
      },
    ]);
  }
  const currentVersion = current?.version ?? 0;
  if (input.version !== currentVersion) {
    // Said in words when the form thought the NPI free: someone linked it meanwhile.
    if (current?.userId && input.userId !== current.userId && input.version < currentVersion) {
      throw conflict(
        `NPI ${npi} (${name}) is already linked to ${current.userName ?? 'another login'}; one login per NPI. Reload, unlink it, then link the new login.`,
      );
    }
    throw staleCredentialing();
  }
  if (member && current?.userId === member.id) return current;
  if (!member && !current?.userId) return { npi, version: currentVersion };
  const loginTaken = () =>
    `${member?.name ?? 'This login'} is already linked to NPI ${taken?.npi ?? 'of another provider'}${taken ? ` (${taken.providerName})` : ''}; one NPI per login. Unlink it there first.`;
  if (member && taken && taken.npi !== npi) throw conflict(loginTaken());
  const next = member ? { userId: member.id, userName: member.name } : undefined;
  await db.write(
    repo.setOps(db, { npi, providerName: name, current, next, readVersion: input.version, loginTaken }),
    {
      action: next ? 'billing.provider_login_linked' : 'billing.provider_login_unlinked',
      entityType: 'provider',
      entityId: npi,
      entityName: name,
      detail: next ? next.userName : current?.userName,
      summary: next
        ? `Linked ${next.userName}'s login to NPI ${npi} (${name}): they see this NPI's production`
        : `Unlinked ${current?.userName ?? 'the login'} from NPI ${npi} (${name})`,
    },
  );
  return {
    npi,
    ...(next ? { userId: next.userId, userName: next.userName } : {}),
    version: currentVersion + 1,
  };
}
