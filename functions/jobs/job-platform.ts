import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { AwsCredentials } from '../platform/aws/sign.ts';
import { createPlatform } from '../platform/bootstrap.ts';
import type { Config } from '../platform/config.ts';
import { channelTransport } from '../platform/mail/outbox.ts';
import { sesMailTransport } from '../platform/mail/ses-transport.ts';
import { snsSmsTransport } from '../platform/mail/sns-transport.ts';
import type { Platform } from '../platform/platform.ts';

/**
 * The platform a jobs Lambda runs on: platform credentials; with MAIL_FROM set, email through
 * SES and text messages through SNS (signed with the same credentials as the table client).
 */
export async function createJobPlatform(config: Config): Promise<Platform> {
  if (!config.mailFrom) return createPlatform(config);
  let credentials: () => Promise<AwsCredentials> = async () => {
    throw new Error('credentials are not ready yet');
  };
  const mail = channelTransport({
    email: sesMailTransport(new SESv2Client({ region: config.region }), config.mailFrom),
    sms: snsSmsTransport({ region: config.region, credentials: () => credentials() }),
  });
  const platform = await createPlatform(config, { mail });
  credentials = () => platform.store.doc.config.credentials();
  return platform;
}
