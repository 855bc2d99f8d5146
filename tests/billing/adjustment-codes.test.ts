import { describe, expect, it } from 'vitest';
import {
  carcCategory,
  carcText,
  GROUP_CODE_TEXT,
  groupCodeText,
  isPreventable,
  rarcText,
} from '../../shared/billing/adjustment-codes.ts';
import { CARC } from '../../shared/billing/carc-codes.ts';
import { RARC } from '../../shared/billing/rarc-codes.ts';

/** The codes the brief named as the ones practices see most: all must have words. */
const COMMON_CARCS = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '11',
  '15',
  '16',
  '18',
  '19',
  '22',
  '23',
  '24',
  '26',
  '27',
  '29',
  '31',
  '32',
  '33',
  '39',
  '40',
  '45',
  '49',
  '50',
  '51',
  '55',
  '58',
  '59',
  '96',
  '97',
  '109',
  '119',
  '129',
  '136',
  '140',
  '146',
  '151',
  '167',
  '170',
  '181',
  '182',
  '185',
  '197',
  '198',
  '200',
  '204',
  '226',
  '227',
  '234',
  '236',
  '242',
  '252',
  '253',
  '256',
  '273',
  '284',
];
const COMMON_RARCS = [
  'M15',
  'M51',
  'M80',
  'MA04',
  'MA130',
  'N130',
  'N115',
  'N386',
  'N290',
  'N362',
  'N479',
  'N522',
  'N56',
  'N657',
];

describe('claim adjustment reason codes', () => {
  it('has plain words for every common code, and at least 60 codes', () => {
    for (const code of COMMON_CARCS) expect(carcText(code), code).not.toMatch(/^Reason code/);
    expect(Object.keys(CARC).length).toBeGreaterThanOrEqual(60);
  });

  it('says what the known codes mean', () => {
    expect(carcText('1')).toMatch(/deductible/i);
    expect(carcText('29')).toMatch(/filing deadline/);
    expect(carcText('197')).toMatch(/authorization/);
    expect(carcText('45')).toMatch(/fee schedule/);
    // Payers print codes with spaces or lower case.
    expect(carcText(' a1 ')).toBe(carcText('A1'));
  });

  it('falls back for a code not in the list', () => {
    expect(carcText('999')).toBe("Reason code 999 (see the payer's remittance)");
    expect(carcCategory('999')).toBe('other');
    expect(isPreventable('999')).toBe(false);
    // Object keys that are not codes.
    expect(carcText('constructor')).toBe("Reason code CONSTRUCTOR (see the payer's remittance)");
    expect(carcCategory('__proto__')).toBe('other');
  });

  it('categorizes codes', () => {
    expect(carcCategory('2')).toBe('patient_responsibility');
    expect(carcCategory('18')).toBe('duplicate');
    expect(carcCategory('29')).toBe('timely_filing');
    expect(carcCategory('45')).toBe('contractual');
    expect(carcCategory('50')).toBe('medical_necessity');
    expect(carcCategory('22')).toBe('coordination_of_benefits');
    expect(carcCategory('97')).toBe('coding');
  });

  it('marks only eligibility, authorization and registration denials as preventable by the front desk', () => {
    for (const code of ['27', '200', '197', '15', '284', '31', '140', '109'])
      expect(isPreventable(code), code).toBe(true);
    for (const code of ['1', '45', '18', '29', '50', '97', '22', '96'])
      expect(isPreventable(code), code).toBe(false);
    for (const [code, [category]] of Object.entries(CARC)) {
      const preventable = ['eligibility', 'authorization', 'registration'].includes(category);
      expect(isPreventable(code), code).toBe(preventable);
    }
  });
});

describe('remittance advice remark codes', () => {
  it('has plain words for every common code, and at least 30 codes', () => {
    for (const code of COMMON_RARCS) expect(rarcText(code), code).not.toMatch(/^Reason code/);
    expect(Object.keys(RARC).length).toBeGreaterThanOrEqual(30);
    expect(rarcText('n130')).toBe(rarcText('N130'));
    expect(rarcText('MA130')).toMatch(/new, corrected claim/);
  });

  it('falls back for a code not in the list', () => {
    expect(rarcText('N9999')).toBe("Reason code N9999 (see the payer's remittance)");
  });
});

describe('group codes', () => {
  it('says who bears the amount, and names an unknown group', () => {
    expect(groupCodeText('CO')).toBe('Contractual obligation');
    expect(groupCodeText('pr')).toBe('Patient responsibility');
    expect(Object.keys(GROUP_CODE_TEXT).sort()).toEqual(['CO', 'CR', 'OA', 'PI', 'PR']);
    expect(groupCodeText('ZZ')).toBe('Group code ZZ');
  });
});
