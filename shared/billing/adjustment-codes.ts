/**
 * Remittance codes in plain words: the adjustment group (CAS01), the Claim Adjustment Reason Code
 * (CAS02, CARC) and the Remittance Advice Remark Codes (LQ/MOA, RARC) of an 835. A code not in our
 * lists gets a neutral fallback rather than an error: payers keep sending codes added after ours.
 */

import { CARC, type CarcCategory } from './carc-codes.ts';
import { RARC } from './rarc-codes.ts';

export type { CarcCategory } from './carc-codes.ts';

export type GroupCode = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';

/** CAS01 in words: who bears the adjusted amount. */
export const GROUP_CODE_TEXT: Record<GroupCode, string> = {
  CO: 'Contractual obligation',
  PR: 'Patient responsibility',
  OA: 'Other adjustment',
  PI: 'Payer-initiated reduction',
  CR: 'Correction or reversal',
};

/** Categories the front desk can prevent: checking coverage, getting authorizations, registering the patient right. */
const PREVENTABLE: ReadonlySet<CarcCategory> = new Set(['eligibility', 'authorization', 'registration']);

/** Codes as payers print them: ' co ', 'n130' → 'CO', 'N130'. */
const normalize = (code: string) => code.trim().toUpperCase();

const fallback = (code: string) => `Reason code ${normalize(code)} (see the payer's remittance)`;

/** A group code in words, e.g. 'CO' → 'Contractual obligation'; unknown ones name the code. */
export function groupCodeText(code: string): string {
  const c = normalize(code);
  return Object.hasOwn(GROUP_CODE_TEXT, c) ? GROUP_CODE_TEXT[c as GroupCode] : `Group code ${c}`;
}

/** A CARC in plain words, e.g. '197' → 'No prior authorization…'; unknown codes get a fallback. */
export function carcText(code: string): string {
  const c = normalize(code);
  return Object.hasOwn(CARC, c) ? CARC[c]![1] : fallback(c);
}

/** A RARC in plain words, e.g. 'N130'; unknown codes get "Reason code X (see the payer's remittance)". */
export function rarcText(code: string): string {
  const c = normalize(code);
  return Object.hasOwn(RARC, c) ? RARC[c]! : fallback(c);
}

/** A CARC's category; 'other' for a code not in our list. */
export function carcCategory(code: string): CarcCategory {
  const c = normalize(code);
  return Object.hasOwn(CARC, c) ? CARC[c]![0] : 'other';
}

/** True when the front desk could have prevented the adjustment (eligibility, authorization, registration). */
export function isPreventable(code: string): boolean {
  return PREVENTABLE.has(carcCategory(code));
}
