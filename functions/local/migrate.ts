import { createPlatform } from '../platform/bootstrap.ts';
import { loadConfig } from '../platform/config.ts';
import { runMigrations } from './migration-runner.ts';
import { allMigrations } from './migrations.ts';

/**
 * `npm run migrate`: runs the data backfills not yet finished against TABLE_NAME, locally (set
 * DYNAMODB_ENDPOINT) or in AWS with the operator's own credentials; the deployed roles cannot Scan.
 * Safe to stop and run again: each migration resumes where its ledger says it stopped.
 */
async function main(): Promise<void> {
  const platform = await createPlatform(loadConfig());
  const results = await runMigrations(platform.store, allMigrations(), (p) =>
    process.stdout.write(
      `  ${p.id}: ${p.scanned} items read, ${p.written} rows written${p.done ? ' — done' : ''}\n`,
    ),
  );
  process.stdout.write(`${results.length} migrations finished.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Migration stopped: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
