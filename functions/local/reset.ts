import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../platform/config.ts';

/** `npm run reset`: wipes the local data folder after asking (or at once with --yes). */
async function reset(): Promise<void> {
  const dir = resolve(loadConfig().dataDir);
  if (!existsSync(dir)) {
    process.stdout.write(`Nothing to reset: ${dir} does not exist.\n`);
    return;
  }
  if (!process.argv.includes('--yes')) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Delete all local Rounds data in ${dir}? Type "yes" to confirm: `);
    rl.close();
    if (answer.trim().toLowerCase() !== 'yes') {
      process.stdout.write('Cancelled; nothing was deleted.\n');
      return;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write('Local data deleted. The next npm start seeds a fresh demo.\n');
}

void reset();
