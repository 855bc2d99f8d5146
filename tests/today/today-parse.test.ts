import { describe, expect, it } from 'vitest';
import { parseTodayLine } from '../../shared/today-parse.ts';

// 2026-11-30 is a Monday.
const MONDAY = '2026-11-30';
const TEAM = [
  { userId: 'u-maria', name: 'Maria Lopez' },
  { userId: 'u-sam', name: 'Sam Chen' },
];

describe('a jotted line', () => {
  it('reads "call Aetna rep re: denials fri" as a call due this Friday', () => {
    const p = parseTodayLine('call Aetna rep re: denials fri', MONDAY);
    expect(p.title).toBe('Call Aetna rep re: denials');
    expect(p.dueDate).toBe('2026-12-04');
    expect(p.found).toEqual([{ text: 'fri', meaning: 'Due 2026-12-04' }]);
  });

  it('understands today, tomorrow, next week, in N days and "by" before a date', () => {
    expect(parseTodayLine('order gloves today', MONDAY).dueDate).toBe(MONDAY);
    expect(parseTodayLine('order gloves tomorrow', MONDAY).dueDate).toBe('2026-12-01');
    expect(parseTodayLine('order gloves next week', MONDAY).dueDate).toBe('2026-12-07');
    expect(parseTodayLine('order gloves in 3 days', MONDAY).dueDate).toBe('2026-12-03');
    expect(parseTodayLine('order gloves in 2 weeks', MONDAY).dueDate).toBe('2026-12-14');
    const by = parseTodayLine('renew CLIA certificate by 12/15', MONDAY);
    expect(by).toMatchObject({ title: 'Renew CLIA certificate', dueDate: '2026-12-15' });
  });

  it('puts a weekday that is today on today, and "next" weekday in the following week', () => {
    expect(parseTodayLine('staff huddle monday', MONDAY).dueDate).toBe(MONDAY);
    expect(parseTodayLine('staff huddle next wed', MONDAY).dueDate).toBe('2026-12-09');
    expect(parseTodayLine('staff huddle next wed', '2026-12-06').dueDate).toBe('2026-12-09');
  });

  it('rolls a month and day already past into next year and refuses impossible dates', () => {
    expect(parseTodayLine('fire drill 3/14', MONDAY).dueDate).toBe('2027-03-14');
    expect(parseTodayLine('fire drill Jan 9', MONDAY).dueDate).toBe('2027-01-09');
    expect(parseTodayLine('fire drill dec 24', MONDAY).dueDate).toBe('2026-12-24');
    const impossible = parseTodayLine('fire drill 2/30', MONDAY);
    expect(impossible.dueDate).toBeUndefined();
    expect(impossible.title).toBe('Fire drill 2/30');
  });

  it('takes priority from ! or urgent and an assignee from @role or @first name', () => {
    const p = parseTodayLine('fax records to Dr. Patel @frontdesk ! tomorrow', MONDAY, TEAM);
    expect(p).toMatchObject({
      title: 'Fax records to Dr. Patel',
      priority: 'high',
      assignee: { role: 'staff' },
      assigneeName: 'Front desk',
      dueDate: '2026-12-01',
    });
    const person = parseTodayLine('urgent call payroll @maria', MONDAY, TEAM);
    expect(person).toMatchObject({
      title: 'Call payroll',
      assignee: { userId: 'u-maria' },
      priority: 'high',
    });
  });

  it('leaves words it does not know in the title', () => {
    const p = parseTodayLine('email @nobody about the fridge thermometer', MONDAY, TEAM);
    expect(p.title).toBe('Email @nobody about the fridge thermometer');
    expect(p.assignee).toBeUndefined();
    expect(p.dueDate).toBeUndefined();
    expect(p.found).toEqual([]);
  });
});
