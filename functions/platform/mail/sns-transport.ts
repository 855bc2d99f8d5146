import type { OutboxMessage } from '../../../shared/schemas/outbox.ts';
import { type AwsCredentials, awsSigner } from '../aws/sign.ts';
import type { MailTransport } from './outbox.ts';

/**
 * Cloud text messages: SNS Publish to a phone number (transactional SMS), over fetch with
 * SigV4 — the SNS SDK client would add its whole model to the jobs bundle for one call.
 */
export function snsSmsTransport(opts: {
  region: string;
  credentials: () => Promise<AwsCredentials>;
  endpoint?: string;
  fetch?: typeof fetch;
}): MailTransport {
  const url = new URL(opts.endpoint ?? `https://sns.${opts.region}.amazonaws.com/`);
  const signer = awsSigner('sns', opts.region, opts.credentials);
  const send = opts.fetch ?? fetch;
  return {
    async deliver(message: OutboxMessage) {
      const body = new URLSearchParams({
        Action: 'Publish',
        Version: '2010-03-31',
        PhoneNumber: message.to,
        Message: message.text,
        'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
        'MessageAttributes.entry.1.Value.DataType': 'String',
        'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
      }).toString();
      const signed = await signer.sign({
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      });
      const res = await send(url, { method: 'POST', headers: signed.headers, body });
      if (!res.ok) {
        const xml = await res.text();
        const code = /<Code>([^<]+)<\/Code>/.exec(xml)?.[1] ?? `HTTP${res.status}`;
        const text = /<Message>([^<]+)<\/Message>/.exec(xml)?.[1] ?? code;
        throw Object.assign(new Error(text), { name: code });
      }
    },
  };
}
