import { describe, expect, it } from 'vitest';
import { payrollLines } from '../../shared/hr/payroll.ts';
import {
  adpBatchId,
  adpCsv,
  adpFileName,
  adpProblems,
  adpReady,
  adpRows,
} from '../../shared/hr/payroll-adp.ts';
import { StaffCreateSchema } from '../../shared/schemas/hr.ts';
import { AdpSettingsSchema } from '../../shared/schemas/hr-payroll.ts';

/**
 * ADP Workforce Now's paydata rows, every figure worked by hand. The period is 2027-03-01 (a
 * Monday) to 2027-03-14, paid every two weeks.
 * - Ann (hourly) works Mon–Fri 03-01..03-05 08:00–17:30: 5 × 9.5 = 47.5 h, so week 1 is 40 regular
 *   and 7.5 overtime; Mon and Tue 03-08/09 08:00–16:00 are 16 regular in week 2; PTO 8 h on Wed
 *   03-10. Reg 56.00, O/T 7.50, PTO 8.00.
 * - Ben (hourly) works 03-01 09:00–13:20: 260 min = 4.33 h; sick 4 h on 03-02 and PTO 8 h on 03-12:
 *   one row with his hours and PTO, a second row of the same File # with sick only.
 * - Cy (salary) has 4 sick hours on 03-03: no hours (ADP pays his salary), sick on his row.
 * - Dee (salary) took no time off and Eve (hourly) had no shifts: nothing to pay, no rows.
 */

const period = { start: '2027-03-01', end: '2027-03-14' };
const person = (staffId: string, type: 'hourly' | 'salary') => ({
  staffId,
  name: `${staffId[0]!.toUpperCase()}${staffId.slice(1)} Test`,
  firstName: staffId,
  lastName: 'Test',
  jobTitle: 'Medical assistant',
  pay: { type, rateCents: type === 'hourly' ? 2500 : 6_500_000 },
});
const shift = (id: string, staffId: string, date: string, start: string, end: string) => ({
  id,
  staffId,
  date,
  start,
  end,
});

const lines = payrollLines({
  period,
  frequency: 'biweekly',
  people: [
    person('ann', 'hourly'),
    person('ben', 'hourly'),
    person('cy', 'salary'),
    person('dee', 'salary'),
    person('eve', 'hourly'),
  ],
  shifts: [
    ...['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'].map((d, i) =>
      shift(`a${i}`, 'ann', d, '08:00', '17:30'),
    ),
    shift('a5', 'ann', '2027-03-08', '08:00', '16:00'),
    shift('a6', 'ann', '2027-03-09', '08:00', '16:00'),
    shift('b0', 'ben', '2027-03-01', '09:00', '13:20'),
  ],
  attendance: new Map(),
  timeOff: [
    { staffId: 'ann', kind: 'pto', date: '2027-03-10', hours: 8 },
    { staffId: 'ben', kind: 'sick', date: '2027-03-02', hours: 4 },
    { staffId: 'ben', kind: 'pto', date: '2027-03-12', hours: 8 },
    { staffId: 'cy', kind: 'sick', date: '2027-03-03', hours: 4 },
  ],
  adjustments: [],
});

const fileNumbers = new Map([
  ['ann', '001234'],
  ['ben', '77'],
  ['cy', '000310'],
]);
const HEADER = ['Co Code', 'Batch ID', 'File #', 'Reg Hours', 'O/T Hours', 'Hours 3 Code', 'Hours 3 Amount'];

describe('ADP Workforce Now paydata', () => {
  it('splits regular, overtime and time off into rows, with ADP’s usual V and S by default', () => {
    expect(lines.map((l) => [l.staffId, l.regularHours, l.overtimeHours, l.ptoHours, l.sickHours])).toEqual([
      ['ann', 56, 7.5, 8, 0],
      ['ben', 4.33, 0, 8, 4],
      ['cy', 0, 0, 0, 4],
      ['dee', 0, 0, 0, 0],
      ['eve', 0, 0, 0, 0],
    ]);
    expect(adpRows(period, { companyCode: 'K7Q' }, lines, fileNumbers)).toEqual([
      HEADER,
      ['K7Q', '270314', '001234', '56.00', '7.50', 'V', '8.00'],
      ['K7Q', '270314', '77', '4.33', '0.00', 'V', '8.00'],
      ['K7Q', '270314', '77', '', '', 'S', '4.00'],
      ['K7Q', '270314', '000310', '', '', 'S', '4.00'],
    ]);
  });

  it('uses the practice’s own hours codes, and writes the file without a byte-order mark', () => {
    const rows = adpRows(period, { companyCode: 'K7Q', ptoCode: 'PTO', sickCode: 'SCK' }, lines, fileNumbers);
    expect(rows[1]).toEqual(['K7Q', '270314', '001234', '56.00', '7.50', 'PTO', '8.00']);
    expect(rows[3]).toEqual(['K7Q', '270314', '77', '', '', 'SCK', '4.00']);
    expect(adpCsv(rows.slice(0, 2))).toBe(
      'Co Code,Batch ID,File #,Reg Hours,O/T Hours,Hours 3 Code,Hours 3 Amount\r\n' +
        'K7Q,270314,001234,56.00,7.50,PTO,8.00\r\n',
    );
    expect(adpBatchId({ start: '2026-12-16', end: '2026-12-31' })).toBe('261231');
    expect(adpFileName('K7Q')).toBe('PRK7QEPI.csv');
  });

  it('names everything missing: the company code, file numbers of people in the file, shared numbers', () => {
    const ok = adpProblems({ companyCode: 'K7Q' }, lines, fileNumbers);
    expect(adpReady(ok)).toBe(true);
    // Dee and Eve have nothing to pay: they need no file number.
    const missing = adpProblems(undefined, lines, new Map([['ann', '001234']]));
    expect(missing).toEqual({
      companyCodeMissing: true,
      withoutFileNumber: ['Ben Test', 'Cy Test'],
      sharedFileNumbers: [],
    });
    expect(adpReady(missing)).toBe(false);
    const shared = adpProblems({ companyCode: 'K7Q' }, lines, new Map([...fileNumbers, ['cy', '001234']]));
    expect(shared.sharedFileNumbers).toEqual([{ fileNumber: '001234', names: ['Ann Test', 'Cy Test'] }]);
    expect(() => adpRows(period, { companyCode: 'K7Q' }, lines, new Map())).toThrow();
  });

  it('validates the company code, hours codes and file numbers with clear messages', () => {
    expect(AdpSettingsSchema.parse({ companyCode: ' k7q ', ptoCode: 'pto' })).toEqual({
      companyCode: 'K7Q',
      ptoCode: 'PTO',
    });
    const short = AdpSettingsSchema.safeParse({ companyCode: 'K7' });
    expect(short.error?.issues[0]?.message).toBe(
      'The ADP company code is exactly 3 letters or digits, like K7Q',
    );
    expect(AdpSettingsSchema.safeParse({ companyCode: 'K-Q' }).success).toBe(false);
    expect(
      AdpSettingsSchema.safeParse({ companyCode: 'K7Q', sickCode: 'SICK' }).error?.issues[0]?.message,
    ).toBe('An ADP hours code is 1 to 3 letters or digits, like V or PTO');
    const base = {
      firstName: 'Ann',
      lastName: 'Test',
      jobTitle: 'MA',
      staffRole: 'medical_assistant',
      locationIds: [],
      hireDate: '2027-01-04',
      employmentType: 'full_time',
      fte: 1,
      credentials: [],
    };
    expect(StaffCreateSchema.parse({ ...base, payrollFileNumber: ' 001234 ' }).payrollFileNumber).toBe(
      '001234',
    );
    for (const bad of ['', '1234567', '12a4', '=1+2']) {
      expect(StaffCreateSchema.safeParse({ ...base, payrollFileNumber: bad }).error?.issues[0]?.message).toBe(
        'A payroll file number is 1 to 6 digits, as ADP shows it (e.g. 001234)',
      );
    }
  });
});
