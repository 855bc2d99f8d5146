import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createPlatform } from '../platform/bootstrap.ts';
import type { Config } from '../platform/config.ts';
import { sesMailTransport } from '../platform/mail/ses-transport.ts';
import type { Platform } from '../platform/platform.ts';

/** The platform a jobs Lambda runs on: platform credentials and, with MAIL_FROM set, SES delivery. */
export function createJobPlatform(config: Config): Promise<Platform> {
  const mail = config.mailFrom
    ? sesMailTransport(new SESv2Client({ region: config.region }), config.mailFrom)
    : undefined;
  return createPlatform(config, mail ? { mail } : {});
}
