import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { OutboxAudience, OutboxMessage } from '../../../../shared/schemas/outbox.ts';
import { api } from '../../lib/api.ts';

/** `'all'` lists every message; otherwise only mail to patients or only mail to staff. */
export type AudienceFilter = OutboxAudience | 'all';

export const listOutbox = query(
  (audience: AudienceFilter, cursor: string | undefined, limit: number) =>
    api<Page<OutboxMessage>>('/outbox', {
      query: { audience: audience === 'all' ? undefined : audience, cursor, limit },
    }),
  'outbox',
);
