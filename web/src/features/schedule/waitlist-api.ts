import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { Recall, WaitlistEntry, WaitlistInput } from '../../../../shared/schemas/scheduling.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

export const listWaitlist = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<WaitlistEntry>>('/scheduling/waitlist', { query: { cursor, limit } }),
  'schedWaitlist',
);
export const listRecalls = query(
  (dueBy: string | undefined, cursor: string | undefined, limit: number) =>
    api<Page<Recall>>('/scheduling/recalls', { query: { dueBy, cursor, limit } }),
  'schedRecalls',
);

export const addToWaitlist = (body: WaitlistInput) =>
  mutate(api<WaitlistEntry>('/scheduling/waitlist', { method: 'POST', body }), listWaitlist.key);
export const removeFromWaitlist = (e: WaitlistEntry) =>
  mutate(
    api<WaitlistEntry>(`/scheduling/waitlist/${e.id}/close`, {
      method: 'POST',
      body: { status: 'removed', version: e.version },
    }),
    listWaitlist.key,
  );
export const createRecall = (body: { patientId: string; reason: string; dueDate: string }) =>
  mutate(api<Recall>('/scheduling/recalls', { method: 'POST', body }), listRecalls.key);
export const recordOutreach = (r: Recall, body: { channel: string; outcome: string; note?: string }) =>
  mutate(
    api<Recall>(`/scheduling/recalls/${r.id}/outreach`, {
      method: 'POST',
      body: { ...body, version: r.version },
    }),
    listRecalls.key,
  );
