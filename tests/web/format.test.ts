import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatLocalDay,
  formatLocalDayTime,
  formatLocalTime,
  formatLocalTimes,
} from '../../web/src/lib/format.ts';

// Intl puts a narrow no-break space before AM/PM in recent ICU versions: compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('US practice dates and times', () => {
  it('reads a location date and time the US way, 12-hour, with no time zone shift', () => {
    expect(formatLocalDay('2031-03-06')).toBe('Thu, Mar 6');
    expect(plain(formatLocalTime('10:00'))).toBe('10:00 AM');
    expect(plain(formatLocalTime('16:15'))).toBe('4:15 PM');
    expect(plain(formatLocalTime('00:05'))).toBe('12:05 AM');
    expect(plain(formatLocalDayTime('2031-03-06', '10:00'))).toBe('Thu, Mar 6 at 10:00 AM');
    expect(plain(formatLocalDayTime('2031-12-31', '23:55'))).toBe('Wed, Dec 31 at 11:55 PM');
  });

  it('reads a range of times and a calendar date with its year', () => {
    expect(plain(formatLocalTimes('08:00', '11:00'))).toBe('8:00 AM–11:00 AM');
    expect(plain(formatLocalTimes('12:00', '13:30'))).toBe('12:00 PM–1:30 PM');
    expect(formatCalendarDate('2031-03-03')).toBe('Mar 3, 2031');
  });
});
