/**
 * iCalendar (RFC 5545) writing for the calendar feeds Rounds publishes: a provider's visits
 * (scheduling) and a staff member's shifts (HR). Modules build their VEVENT lines; this module
 * escapes, times and folds them.
 */

/** A whole calendar: the header, the modules' events, folded lines ending in CRLF. */
export function calendar(product: string, name: string, events: string[]): string {
  return foldAll([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Rounds//${product}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events,
    'END:VCALENDAR',
  ]);
}

/** 2027-02-01T14:00:00.000Z → 20270201T140000Z */
export const icsTime = (isoTime: string) => `${isoTime.slice(0, 19).replace(/[-:]/g, '')}Z`;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
export const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** RFC 5545 §3.1: lines end in CRLF and fold at 75 octets (continuations start with a space). */
function foldAll(lines: string[]): string {
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a UTF-8 sequence: back up to a character boundary.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}
