import { systemKeys } from '../platform/db/keys.ts';
import type { Store, WriteOp } from '../platform/db/store.ts';
import type { AppError } from '../platform/errors.ts';

/**
 * Rounds' own two-factor items, under `SYS#` (platform credentials only): the login's state with
 * its sealed authenticator key, one item per unused recovery code (by hash), and the pending code
 * step of a sign-in (by the hash of its challenge token). Keyed by login email, like the directory.
 */

export interface MfaItem {
  email: string;
  tenantId: string;
  userId: string;
  status: 'pending' | 'enabled';
  /** The key being enrolled, sealed (secret-box). */
  pendingSecret?: string;
  /** The confirmed key, sealed: recovery codes answer the identity's code step with it. */
  secret?: string;
  startedAt: string;
  enabledAt?: string;
}

export interface MfaChallengeItem {
  email: string;
  /** What the identity adapter answers with the code (Cognito's Session, or the local issuer's). */
  session: string;
  /** Epoch seconds the code step closes. */
  validUntil: number;
  attempts: number;
  /** TTL (epoch seconds). */
  expiresAt: number;
}

export const mfaRepo = {
  get: (store: Store, email: string) => store.get<MfaItem>(systemKeys.mfa(email)),

  /** Starts enrolment for a login with no two-factor item yet. */
  startOp: (
    item: Pick<MfaItem, 'email' | 'tenantId' | 'userId' | 'pendingSecret' | 'startedAt'>,
    onFail: () => AppError,
  ): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.mfa(item.email), type: 'mfa', ...item, status: 'pending' },
    onFail,
  }),

  /** Restarts enrolment with a new key; refused once two-factor sign-in is on. */
  restartOp: (email: string, pendingSecret: string, startedAt: string, onFail: () => AppError): WriteOp => ({
    kind: 'update',
    key: systemKeys.mfa(email),
    set: { pendingSecret, startedAt },
    condition: {
      expression: '#status = :pending',
      names: { '#status': 'status' },
      values: { ':pending': 'pending' },
    },
    onFail,
  }),

  /** Confirms the pending key read earlier; fails when enrolment was restarted or finished meanwhile. */
  enableOp: (email: string, pendingSecret: string, enabledAt: string, onFail: () => AppError): WriteOp => ({
    kind: 'update',
    key: systemKeys.mfa(email),
    set: { status: 'enabled', secret: pendingSecret, enabledAt },
    remove: ['pendingSecret'],
    condition: {
      expression: '#status = :pending AND #pending = :secret',
      names: { '#status': 'status', '#pending': 'pendingSecret' },
      values: { ':pending': 'pending', ':secret': pendingSecret },
    },
    onFail,
  }),

  deleteOp: (email: string): WriteOp => ({ kind: 'delete', key: systemKeys.mfa(email) }),

  recoveryCodeOp: (email: string, hash: string, createdAt: string): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.mfaRecoveryCode(email, hash), type: 'mfa_recovery_code', createdAt },
  }),

  /** Uses a recovery code: deleting it succeeds once, so a code works exactly once. */
  useRecoveryCodeOp: (email: string, hash: string, onFail: () => AppError): WriteOp => ({
    kind: 'delete',
    key: systemKeys.mfaRecoveryCode(email, hash),
    mustExist: true,
    onFail,
  }),

  deleteRecoveryCodeOp: (email: string, hash: string): WriteOp => ({
    kind: 'delete',
    key: systemKeys.mfaRecoveryCode(email, hash),
  }),

  /** The hashes of the unused recovery codes (at most RECOVERY_CODE_COUNT: one small Query). */
  async recoveryCodeHashes(store: Store, email: string): Promise<string[]> {
    const page = await store.query<{ SK: string }>({
      partition: systemKeys.mfaPartition(email),
      skPrefix: systemKeys.mfaRecoveryPrefix,
      limit: 50,
    });
    return page.items.map((i) => i.SK.slice(systemKeys.mfaRecoveryPrefix.length));
  },

  getChallenge: (store: Store, hash: string) => store.get<MfaChallengeItem>(systemKeys.mfaChallenge(hash)),

  createChallengeOp: (hash: string, item: MfaChallengeItem): WriteOp => ({
    kind: 'create',
    item: { ...systemKeys.mfaChallenge(hash), type: 'mfa_challenge', ...item },
  }),

  /** Counts one answer to a challenge: only while it is open and under its attempt limit. */
  attemptOp: (hash: string, nowSec: number, maxAttempts: number, onFail: () => AppError): WriteOp => ({
    kind: 'update',
    key: systemKeys.mfaChallenge(hash),
    add: { attempts: 1 },
    condition: {
      expression: '#valid > :now AND #attempts < :max',
      names: { '#valid': 'validUntil', '#attempts': 'attempts' },
      values: { ':now': nowSec, ':max': maxAttempts },
    },
    onFail,
  }),

  deleteChallengeOp: (hash: string): WriteOp => ({ kind: 'delete', key: systemKeys.mfaChallenge(hash) }),
};
