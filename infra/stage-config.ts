/** Everything that differs between deployments of Rounds. */
export interface StageConfig {
  name: 'dev' | 'prod';
  /** Account and region; unset, the stack is environment-agnostic (synth needs no AWS access). */
  env?: { account: string; region: string };
  /** Keep 30 days of nightly and 12 months of monthly AWS Backup recovery points (beyond PITR). */
  backups: boolean;
  logRetentionDays: 30 | 90 | 365 | 731;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Steady-state API requests per second and burst, for the whole stage. */
  throttle: { rate: number; burst: number };
  /** Sign-in and sign-up are throttled harder: they are what credential stuffing hits. */
  authThrottle: { rate: number; burst: number };
  /** The SES-verified sender of outbox mail (invitations, reminders). */
  mailFrom: string;
  /** Where alarms are mailed; unset, they go to the SNS topic only. */
  alarmEmail?: string;
  /** A custom web domain with its ACM certificate (us-east-1); unset, the CloudFront domain. */
  webDomain?: { domainName: string; certificateArn: string };
}

/** The stages `npm run deploy -- -c stage=<name>` knows. */
export const STAGES: Record<StageConfig['name'], StageConfig> = {
  dev: {
    name: 'dev',
    backups: false,
    logRetentionDays: 30,
    logLevel: 'info',
    throttle: { rate: 50, burst: 100 },
    authThrottle: { rate: 5, burst: 10 },
    mailFrom: 'no-reply@dev.rounds.example',
  },
  prod: {
    name: 'prod',
    backups: true,
    logRetentionDays: 731,
    logLevel: 'info',
    throttle: { rate: 500, burst: 1000 },
    authThrottle: { rate: 20, burst: 40 },
    mailFrom: 'no-reply@rounds.example',
    alarmEmail: 'oncall@rounds.example',
  },
};

/** Reads `-c stage=...` (default dev), failing with the known names. */
export function stageFrom(name: unknown): StageConfig {
  const key = (typeof name === 'string' ? name : 'dev') as StageConfig['name'];
  const stage = STAGES[key];
  if (!stage)
    throw new Error(`Unknown stage "${String(name)}": use one of ${Object.keys(STAGES).join(', ')}`);
  return stage;
}
