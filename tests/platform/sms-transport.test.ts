import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelTransport, e164, type MailTransport } from '../../functions/platform/mail/outbox.ts';
import { snsSmsTransport } from '../../functions/platform/mail/sns-transport.ts';
import type { OutboxMessage } from '../../shared/schemas/outbox.ts';

const text: OutboxMessage = {
  id: '01SMS',
  to: '+12125550100',
  subject: 'Reminder',
  text: 'Reminder: your visit on 2027-02-10 at 10:00. Confirm or cancel: https://app.example/r/abc',
  kind: 'appointment.reminder',
  channel: 'sms',
  status: 'queued',
  createdAt: '2027-02-07T15:00:00.000Z',
};

let endpoint: string;
const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
let reply = {
  status: 200,
  body: '<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>',
};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ headers: req.headers, body });
    res.writeHead(reply.status, { 'content-type': 'text/xml' });
    res.end(reply.body);
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sns = () =>
  snsSmsTransport({
    region: 'us-east-1',
    endpoint,
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
  });

describe('SNS text messages (cloud adapter)', () => {
  it('publishes a transactional SMS to the number, signed for sns', async () => {
    await sns().deliver(text);
    const { headers, body } = seen.at(-1)!;
    const form = new URLSearchParams(body);
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('PhoneNumber')).toBe('+12125550100');
    expect(form.get('Message')).toBe(text.text);
    expect(form.get('MessageAttributes.entry.1.Value.StringValue')).toBe('Transactional');
    expect(headers.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/sns\/aws4_request/);
  });

  it('a refused publish fails with SNS’s error code, so the outbox retries it', async () => {
    reply = {
      status: 400,
      body: '<ErrorResponse><Error><Code>InvalidParameter</Code><Message>Invalid phone number</Message></Error></ErrorResponse>',
    };
    await expect(sns().deliver(text)).rejects.toMatchObject({
      name: 'InvalidParameter',
      message: 'Invalid phone number',
    });
  });
});

describe('channels', () => {
  it('routes texts to the SMS transport and everything else to email', async () => {
    const got: string[] = [];
    const record = (name: string): MailTransport => ({
      deliver: async (m) => void got.push(`${name}:${m.to}`),
    });
    const both = channelTransport({ email: record('email'), sms: record('sms') });
    await both.deliver(text);
    await both.deliver({ ...text, to: 'a@example.test', channel: undefined });
    expect(got).toEqual(['sms:+12125550100', 'email:a@example.test']);
  });

  it('turns US numbers into E.164 and refuses what cannot be one', () => {
    expect(e164('(212) 555-0100')).toBe('+12125550100');
    expect(e164('1-212-555-0100')).toBe('+12125550100');
    expect(e164('+44 20 7946 0958')).toBe('+442079460958');
    expect(e164('555-0100')).toBeUndefined();
  });
});
