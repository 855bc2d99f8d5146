/**
 * A location's staffing rules (people of a role per provider in session, or a minimum while more
 * than N visits are booked in the hour), in words and saved at the version read. The week view
 * (shifts.service.ts) checks shifts against them. Cross-domain read: getLocation.
 */
import { STAFF_ROLE_LABELS } from '../../shared/schemas/hr.ts';
import type { StaffingRuleInput, StaffingRules } from '../../shared/schemas/hr-shifts.ts';
import type { TenantDb } from '../platform/db/tenant-db.ts';
import { staleVersion } from '../platform/errors.ts';
import { getLocation } from '../tenants/settings.service.ts';
import { shiftRepo } from './shifts.repo.ts';

/** A rule in words: "1 medical assistant per provider in session", "2 front desk while over 12 visits". */
export function ruleText(r: StaffingRuleInput): string {
  const role = STAFF_ROLE_LABELS[r.staffRole].toLowerCase();
  const parts: string[] = [];
  if (r.perProvider !== undefined) {
    parts.push(
      r.perProvider >= 1
        ? `${r.perProvider} ${role} per provider in session`
        : `1 ${role} per ${Math.round(1 / r.perProvider)} providers in session`,
    );
  }
  if (r.minimum !== undefined) {
    parts.push(
      `at least ${r.minimum} ${role}${r.whenBookedOver !== undefined ? ` while more than ${r.whenBookedOver} visits are booked in the hour` : ' whenever the practice works'}`,
    );
  }
  const text = parts.join(', and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A location's rules with their words. */
export async function getRules(db: TenantDb, locationId: string): Promise<StaffingRules> {
  await getLocation(db, locationId);
  const stored = await shiftRepo.rules(db, locationId);
  return { ...stored, texts: stored.rules.map(ruleText) };
}

/** Saves a location's staffing rules at the version read (0: the first time). */
export async function saveRules(
  db: TenantDb,
  locationId: string,
  input: { rules: StaffingRuleInput[]; version: number },
): Promise<StaffingRules> {
  const location = await getLocation(db, locationId);
  const stored = await shiftRepo.rules(db, locationId);
  if (stored.version !== input.version) throw staleVersion();
  await db.write([shiftRepo.rulesOp(db, locationId, input.rules, input.version)], {
    action: 'hr.staffing_rules_saved',
    entityType: 'location',
    entityId: locationId,
    entityName: location.name,
    summary: `Staffing rules of ${location.name}: ${input.rules.map(ruleText).join('; ') || 'none'}`,
  });
  return { locationId, rules: input.rules, texts: input.rules.map(ruleText), version: input.version + 1 };
}
