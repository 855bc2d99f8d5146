import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { OutboxMessage } from '../../../../shared/schemas/outbox.ts';
import { api } from '../../lib/api.ts';

export const listOutbox = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<OutboxMessage>>('/outbox', { query: { cursor, limit } }),
  'outbox',
);
