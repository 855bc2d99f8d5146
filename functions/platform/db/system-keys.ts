import type { Key } from './keys.ts';

/**
 * Platform-wide key builders (`SYS#…`: logins, credentials, tokens, throttles, queues), touched
 * only by platform code; re-exported by keys.ts beside the tenant builders.
 */
const mailRetryTime = (ms: number) => String(Math.max(0, Math.floor(ms))).padStart(15, '0');

export const systemKeys = {
  login: (email: string): Key => ({ PK: `SYS#LOGIN#${email.toLowerCase()}`, SK: 'LOGIN' }),
  credential: (email: string): Key => ({ PK: `SYS#CRED#${email.toLowerCase()}`, SK: 'CRED' }),
  refreshToken: (hash: string): Key => ({ PK: `SYS#REFRESH#${hash}`, SK: 'REFRESH' }),
  inviteToken: (hash: string): Key => ({ PK: `SYS#INVITE#${hash}`, SK: 'INVITE' }),
  /** A password-reset link, by the hash of its token (the mail carries the token). */
  passwordReset: (hash: string): Key => ({ PK: `SYS#PWRESET#${hash}`, SK: 'PWRESET' }),
  /** Password-reset requests for one email, or from one client address, in the current window. */
  resetThrottle: (dimension: 'email' | 'ip', value: string): Key => ({
    PK: `SYS#THROTTLE#reset-${dimension}#${dimension === 'email' ? value.toLowerCase() : value}`,
    SK: 'THROTTLE',
  }),
  associationCode: (code: string): Key => ({ PK: `SYS#ASSOCCODE#${code.toUpperCase()}`, SK: 'CODE' }),
  associationCodesPartition: (associationId: string) => `SYS#ASSOC#${associationId}#CODES`,
  associationMembersPartition: (associationId: string) => `SYS#ASSOC#${associationId}#MEMBERS`,
  associationMember: (associationId: string, practiceId: string): Key => ({
    PK: `SYS#ASSOC#${associationId}#MEMBERS`,
    SK: `MEMBER#${practiceId}`,
  }),
  associationMemberPrefix: 'MEMBER#',
  /** Failed sign-ins to one account from any address, or from one client address to any account. */
  throttle: (dimension: 'email' | 'ip', value: string): Key => ({
    PK: `SYS#THROTTLE#${dimension}#${value}`,
    SK: 'THROTTLE',
  }),
  /** Failed sign-ins to one account from one client address: the counter that slows sign-in down. */
  throttlePair: (email: string, ip: string): Key => ({
    PK: `SYS#THROTTLE#pair#${email.toLowerCase()}#${ip}`,
    SK: 'THROTTLE',
  }),
  /** A login's two-factor state: status, the sealed authenticator key; its recovery codes share the partition. */
  mfa: (email: string): Key => ({ PK: `SYS#MFA#${email.toLowerCase()}`, SK: 'MFA' }),
  mfaPartition: (email: string) => `SYS#MFA#${email.toLowerCase()}`,
  /** One unused recovery code, by its hash: using it deletes the item, so it works exactly once. */
  mfaRecoveryCode: (email: string, hash: string): Key => ({
    PK: `SYS#MFA#${email.toLowerCase()}`,
    SK: `RECOVERY#${hash}`,
  }),
  mfaRecoveryPrefix: 'RECOVERY#',
  /** A sign-in whose password was right, waiting for its authenticator code, by the challenge token's hash. */
  mfaChallenge: (hash: string): Key => ({ PK: `SYS#MFACHALLENGE#${hash}`, SK: 'CHALLENGE' }),
  /** The key that seals authenticator keys at rest. */
  mfaSecretKey: (): Key => ({ PK: 'SYS#SECRET', SK: 'MFA' }),
  publicIdempotency: (route: string, key: string): Key => ({ PK: `SYS#IDEM#${route}#${key}`, SK: 'IDEM' }),
  issuerKey: (): Key => ({ PK: 'SYS#ISSUER', SK: 'KEY' }),
  /** Reminders waiting to be sent, by due time: the reminder job reads what is due, oldest first. */
  reminderQueue: 'SYS#REMIND',
  reminderDue: (dueMs: number, tenantId: string, appointmentId: string, hours: number): Key => ({
    PK: 'SYS#REMIND',
    SK: `AT#${mailRetryTime(dueMs)}#${tenantId}#${appointmentId}#${hours}`,
  }),
  reminderDueRange: (nowMs: number): [string, string] => ['AT#', `AT#${mailRetryTime(nowMs)}#~`],
  /** A reminder's confirm/cancel link, by the hash of its token (the mail carries the token). */
  reminderLink: (tokenHash: string): Key => ({ PK: `SYS#RLINK#${tokenHash}`, SK: 'LINK' }),
  /** A provider's calendar feed, by the hash of its secret token (the URL carries the token). */
  calendarFeed: (tokenHash: string): Key => ({ PK: `SYS#FEED#${tokenHash}`, SK: 'FEED' }),
  /** A staff member's shift feed: which tenant and person its token opens. */
  staffFeed: (tokenHash: string): Key => ({ PK: `SYS#STAFFFEED#${tokenHash}`, SK: 'FEED' }),
  cursorSecret: (): Key => ({ PK: 'SYS#SECRET', SK: 'CURSOR' }),
  /** The key the local host signs file upload and download links with. */
  filesSecret: (): Key => ({ PK: 'SYS#SECRET', SK: 'FILES' }),
  /** Pointers to outbox messages whose delivery failed; the mail-retry job works through them. */
  mailRetryPartition: 'SYS#MAILRETRY',
  /** Sorted by due time, so the job reads only what is due, oldest first. */
  mailRetry: (retryAt: number, tenantId: string, messageId: string): Key => ({
    PK: 'SYS#MAILRETRY',
    SK: `AT#${mailRetryTime(retryAt)}#${tenantId}#${messageId}`,
  }),
  /** The sort-key range of retry pointers due at or before `nowMs`. */
  mailRetryDue: (nowMs: number): [string, string] => ['AT#', `AT#${mailRetryTime(nowMs)}#~`],
  /**
   * The due queue: one partition per UTC hour and shard, so writes spread over DUE_SHARDS partitions
   * per hour (no single partition's write rate caps the number of practices), and a run reads only
   * the hours that have come, each up to now.
   */
  dueQueuePartition: (hour: string, shard: number) => `SYS#DUE#${hour}#${shard}`,
  dueQueueEntry: (hour: string, shard: number, fireAtMs: number, tenantId: string, id: string): Key => ({
    PK: `SYS#DUE#${hour}#${shard}`,
    SK: `AT#${mailRetryTime(fireAtMs)}#${tenantId}#${id}`,
  }),
  dueQueueUpTo: (nowMs: number): [string, string] => ['AT#', `AT#${mailRetryTime(nowMs)}#~`],
  /**
   * Which queue partitions hold entries, one marker per (hour, shard) in a partition per UTC day: a
   * run reads the day's markers, then only the partitions that have something.
   */
  dueMarkerDay: (day: string) => `SYS#DUEDAY#${day}`,
  dueMarker: (hour: string, shard: number): Key => ({
    PK: `SYS#DUEDAY#${hour.slice(0, 10)}`,
    SK: `${hour}#${String(shard).padStart(2, '0')}`,
  }),
  /** Practices by time zone: the morning digest finds the practices where it is 07:00 now. */
  tenantsInZone: (timeZone: string) => `SYS#TZ#${timeZone}`,
  tenantInZone: (timeZone: string, tenantId: string): Key => ({
    PK: `SYS#TZ#${timeZone}`,
    SK: `T#${tenantId}`,
  }),
  /** The last hour the due runner finished: the next run starts there. */
  dueRunnerCursor: (): Key => ({ PK: 'SYS#DUE#CURSOR', SK: 'CURSOR' }),
  /** A data migration's ledger: where its pass stopped, what it wrote, and whether it finished. */
  migration: (id: string): Key => ({ PK: 'SYS#MIGRATION', SK: `RUN#${id}` }),
};
