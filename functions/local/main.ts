import { resolve } from 'node:path';
import { loadConfig } from '../platform/config.ts';
import { assertJava, type DynamoLocal, StartupError, startDynamoLocal } from './dynamo-local.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from './seed.ts';
import { startLocalServer } from './server.ts';

/** `npm start`: DynamoDB Local (unless DYNAMODB_ENDPOINT is set), the API and the web app. */
async function main(): Promise<void> {
  const config = loadConfig();
  let dynamo: DynamoLocal | undefined;
  if (!config.dynamoEndpoint) {
    assertJava();
    process.stdout.write(`Starting DynamoDB Local (data in ${config.dataDir}/)...\n`);
    dynamo = await startDynamoLocal({
      port: config.dynamoPort,
      dataDir: resolve(config.dataDir, 'dynamodb'),
    });
  }
  const server = await startLocalServer({
    config: { ...config, dynamoEndpoint: config.dynamoEndpoint ?? dynamo?.endpoint },
  });
  const shutdown = async () => {
    process.stdout.write('\nStopping Rounds...\n');
    await server.close();
    await dynamo?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdout.write(
    [
      '',
      `Rounds is running at ${server.url}`,
      server.seeded ? 'Demo data seeded.' : 'Using existing data (npm run reset wipes it).',
      `API reference: ${server.url}/api/docs`,
      '',
      `Demo logins (password ${DEMO_PASSWORD}):`,
      ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(32)} ${l.who}`),
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  const message =
    err instanceof StartupError || (err instanceof Error && err.message.startsWith('Invalid configuration'))
      ? err.message
      : `Rounds could not start: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
