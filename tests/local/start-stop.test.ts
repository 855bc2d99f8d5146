import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portIsFree } from '../../functions/local/dynamo-local.ts';

/** Runs `npm start`'s entry (without the web build) as a user would. */
function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['--disable-warning=NodeVersionSupportWarning', '--import', 'tsx', 'functions/local/main.ts'],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { child, output: () => out };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

describe('npm start', () => {
  it('prints the URL and demo logins, and Ctrl-C leaves no DynamoDB Local behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rounds-start-'));
    const port = 22000 + Math.floor(Math.random() * 1000);
    const dynamoPort = port + 1000;
    const { child, output } = start({
      DATA_DIR: dataDir,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      SEED_DEMO: 'false',
    });
    const deadline = Date.now() + 45_000;
    while (!output().includes('Press Ctrl-C to stop') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output()).toContain(`Rounds is running at http://localhost:${port}`);
    expect(output()).toContain('owner@maplestreet.example');
    expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);
    expect(await portIsFree(dynamoPort)).toBe(false);
    const code = exited(child);
    child.kill('SIGINT');
    expect(await code).toBe(0);
    expect(await portIsFree(dynamoPort)).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('without Java, says in one line how to install it or use DYNAMODB_ENDPOINT', async () => {
    // A PATH holding only node: no java on it.
    const bin = mkdtempSync(join(tmpdir(), 'rounds-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const { child, output } = start({ PATH: bin, DYNAMODB_PORT: '23999' });
    expect(await exited(child)).toBe(1);
    const lines = output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /Java 17\+ is needed.*apt-get install -y openjdk-17-jre-headless.*DYNAMODB_ENDPOINT/,
    );
  }, 30_000);
});
