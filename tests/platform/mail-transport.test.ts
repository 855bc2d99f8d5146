import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { localMailTransport, type MailTransport } from '../../functions/platform/mail/outbox.ts';
import { sesMailTransport } from '../../functions/platform/mail/ses-transport.ts';
import type { OutboxMessage } from '../../shared/schemas/outbox.ts';

const message: OutboxMessage = {
  id: '01TEST',
  to: 'new.hire@clinic.test',
  subject: 'You are invited',
  text: 'Accept here: https://app.example/invite/abc',
  kind: 'team.invite',
  status: 'queued',
  createdAt: '2026-11-22T10:00:00.000Z',
};

/** The port's contract, run against each adapter. */
function contract(name: string, make: () => { transport: MailTransport; delivered: () => unknown[] }) {
  describe(`${name} mail transport`, () => {
    it('delivers a queued message once', async () => {
      const { transport, delivered } = make();
      await transport.deliver(message);
      expect(delivered()).toHaveLength(1);
    });
  });
}

contract('local', () => {
  const lines: string[] = [];
  const transport = localMailTransport({
    info: (msg, f) => lines.push(JSON.stringify({ msg, ...f })),
    warn: () => {},
    error: () => {},
  });
  return { transport, delivered: () => lines };
});

contract('SES', () => {
  const sent: SendEmailCommand[] = [];
  const transport = sesMailTransport(
    { send: async (cmd: unknown) => void sent.push(cmd as SendEmailCommand) } as never,
    'no-reply@rounds.test',
  );
  return { transport, delivered: () => sent };
});

describe('adapter details', () => {
  it('the local transport logs ids only, never the body or recipient', async () => {
    const lines: string[] = [];
    await localMailTransport({
      info: (msg, f) => lines.push(JSON.stringify({ msg, ...f })),
      warn: () => {},
      error: () => {},
    }).deliver(message);
    expect(lines[0]).toContain('01TEST');
    expect(lines[0]).not.toContain('new.hire');
    expect(lines[0]).not.toContain('invite/abc');
  });

  it('SES gets sender, recipient, subject and text', async () => {
    const sent: SendEmailCommand[] = [];
    await sesMailTransport(
      { send: async (cmd: unknown) => void sent.push(cmd as SendEmailCommand) } as never,
      'no-reply@rounds.test',
    ).deliver(message);
    expect(sent[0]!.input).toMatchObject({
      FromEmailAddress: 'no-reply@rounds.test',
      Destination: { ToAddresses: ['new.hire@clinic.test'] },
      Content: { Simple: { Subject: { Data: 'You are invited' }, Body: { Text: { Data: message.text } } } },
      EmailTags: [{ Name: 'kind', Value: 'team_invite' }],
    });
  });
});
