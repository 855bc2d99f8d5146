import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { OutboxMessage } from '../../../shared/schemas/outbox.ts';
import type { MailTransport } from './outbox.ts';

/** Cloud transport: sends an outbox message through SES v2 from the configured sender. */
export function sesMailTransport(client: Pick<SESv2Client, 'send'>, from: string): MailTransport {
  return {
    async deliver(message: OutboxMessage) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
          EmailTags: [{ Name: 'kind', Value: message.kind.replace(/[^A-Za-z0-9_-]/g, '_') }],
        }),
      );
    },
  };
}
