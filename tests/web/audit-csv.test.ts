import { describe, expect, it } from 'vitest';
import { csvCell, csvRecords, parseCsv } from '../../shared/csv.ts';
import type { AuditEvent } from '../../shared/schemas/audit.ts';
import { accessReportCsv, auditLogCsv } from '../../web/src/features/audit/audit-csv.ts';

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: '01JD0000000000000000000000',
  at: '2026-11-22T17:05:00.000Z',
  actorId: 'U1',
  actorName: 'Maria Lopez',
  actorRole: 'manager',
  action: 'patient.visits_viewed',
  entityType: 'patient',
  entityId: 'P1',
  patientId: 'P1',
  patientName: 'Ada Lovelace',
  requestId: 'req-1',
  summary: 'Viewed 2 visit(s) of a patient',
  sentence: "Maria Lopez viewed Ada Lovelace's visits",
  ...over,
});

describe('audit CSV', () => {
  it('has a header row, the practice’s local time and one row per event', () => {
    const text = accessReportCsv([event({})], 'America/Los_Angeles');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows).toEqual([
      ['When (America/Los_Angeles)', 'Who', 'Role', 'What', 'Details'],
      [
        '2026-11-22 09:05',
        'Maria Lopez',
        'Practice manager',
        "Maria Lopez viewed Ada Lovelace's visits",
        'Viewed 2 visit(s) of a patient',
      ],
    ]);
  });

  it('quotes commas, quotes and line breaks, and round-trips them', () => {
    const tricky = event({
      actorName: 'Lopez, Maria "Mari"',
      sentence: 'Lopez, Maria "Mari" viewed O\'Brien, Ada\'s visits',
      summary: 'line one\r\nline two',
    });
    const text = accessReportCsv([tricky], 'UTC');
    expect(text).toContain('"Lopez, Maria ""Mari"""');
    expect(text).toContain('"line one\r\nline two"');
    const { header, records } = csvRecords(text);
    expect(header).toEqual(['when_(utc)', 'who', 'role', 'what', 'details']);
    expect(records[0]).toMatchObject({
      who: 'Lopez, Maria "Mari"',
      what: 'Lopez, Maria "Mari" viewed O\'Brien, Ada\'s visits',
    });
  });

  it('never hands a spreadsheet a formula: a name typed as one stays text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-')).toBe('-');
    expect(csvCell('Ada')).toBe('Ada');
    const text = auditLogCsv([event({ actorName: '=cmd|/c calc', sentence: '=cmd|/c calc viewed' })], 'UTC');
    const row = parseCsv(text.replace(/^\uFEFF/, ''))[1]!;
    expect(row[2]).toBe("'=cmd|/c calc");
    expect(row[4]).toBe("'=cmd|/c calc viewed");
  });

  it('the audit log file carries the codes and ids an auditor cross-checks by', () => {
    const rows = parseCsv(auditLogCsv([event({})], 'UTC').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'When (UTC)',
      'When (UTC)',
      'Who',
      'Role',
      'What',
      'Details',
      'Action',
      'Entity type',
      'Entity id',
      'Patient id',
      'Request id',
    ]);
    expect(rows[1]).toEqual([
      '2026-11-22 17:05',
      '2026-11-22T17:05:00.000Z',
      'Maria Lopez',
      'Practice manager',
      "Maria Lopez viewed Ada Lovelace's visits",
      'Viewed 2 visit(s) of a patient',
      'patient.visits_viewed',
      'patient',
      'P1',
      'P1',
      'req-1',
    ]);
  });
});
