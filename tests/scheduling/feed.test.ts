import { beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../support/app.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const call = (method: string, path: string, json?: unknown, token = w.owner.token) =>
  w.t.call(method, `/api${path}`, { token, json });
const providerVersion = async () =>
  (await call('GET', '/scheduling/providers')).body.items.find((p: { id: string }) => p.id === w.provider.id)
    .version;

/** Unfolds an iCalendar text (RFC 5545 §3.1) into content lines, checking the wire rules on the way. */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const events: Record<string, string>[] = [];
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') events.push({});
    else if (events.length && !line.startsWith('END:')) {
      const i = line.indexOf(':');
      events[events.length - 1]![line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return { lines, events };
}

beforeAll(async () => {
  w = await schedulingWorld('America/Los_Angeles');
  await call('POST', '/scheduling/appointments', w.booking('2027-03-01', '09:00'));
  const second = (await call('POST', '/scheduling/appointments', w.booking('2027-03-01', '10:00'))).body;
  await call('POST', `/scheduling/appointments/${second.id}/cancel`, { by: 'practice', version: 1 });
});

describe('provider calendar feed (iCalendar)', () => {
  it('serves the provider’s visits without a login, showing "Booked" instead of patient names', async () => {
    const feed = await call('POST', `/scheduling/providers/${w.provider.id}/feed`, {
      showNames: false,
      version: await providerVersion(),
    });
    expect(feed.status).toBe(201);
    expect(feed.body.url).toMatch(/\/api\/scheduling\/feeds\/[A-Za-z0-9_-]{43}$/);
    const res = await w.t.call('GET', new URL(feed.body.url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const { lines, events } = parseIcs(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(events.map((e) => [e.DTSTART, e.SUMMARY, e.STATUS])).toEqual([
      ['20270301T170000Z', 'Booked', 'CONFIRMED'],
      ['20270301T180000Z', 'Booked', 'CANCELLED'],
    ]);
    expect(res.body).not.toContain('Lovelace');
    const listed = (await call('GET', '/scheduling/providers')).body.items[0];
    expect(listed.feedShowsNames).toBe(false);
    expect(JSON.stringify(listed)).not.toContain('feedTokenHash');
  });

  it('only the owner can put patient names in it; a new feed revokes the old URL', async () => {
    const manager = await addMember(w.t, w.owner, 'manager', 'Mia Manager');
    const refused = await call(
      'POST',
      `/scheduling/providers/${w.provider.id}/feed`,
      { showNames: true, version: await providerVersion() },
      manager.token,
    );
    expect(refused.status).toBe(403);
    const first = (
      await call('POST', `/scheduling/providers/${w.provider.id}/feed`, {
        showNames: false,
        version: await providerVersion(),
      })
    ).body;
    const named = (
      await call('POST', `/scheduling/providers/${w.provider.id}/feed`, {
        showNames: true,
        version: await providerVersion(),
      })
    ).body;
    expect((await w.t.call('GET', new URL(first.url).pathname)).status).toBe(404);
    const { events } = parseIcs((await w.t.call('GET', new URL(named.url).pathname)).body);
    expect(events[0]!.SUMMARY).toBe('Lovelace\\, Ada (Follow-up)');
  });

  it('a revoked feed answers 404', async () => {
    const feed = (
      await call('POST', `/scheduling/providers/${w.provider.id}/feed`, {
        showNames: false,
        version: await providerVersion(),
      })
    ).body;
    const revoked = await call('POST', `/scheduling/providers/${w.provider.id}/feed/revoke`, {
      version: await providerVersion(),
    });
    expect(revoked.status).toBe(204);
    expect((await w.t.call('GET', new URL(feed.url).pathname)).status).toBe(404);
    const listed = (await call('GET', '/scheduling/providers')).body.items[0];
    expect(listed.feedShowsNames).toBeUndefined();
  });
});
