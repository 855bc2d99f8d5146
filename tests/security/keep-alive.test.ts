import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { MAX_BODY_BYTES } from '../../functions/platform/http/app.ts';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `t-${randomUUID()}`,
    seed: false,
  });
});
afterAll(() => server?.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  socket: unknown;
}

/**
 * One request on `agent`; `body` is written whole, or `declared` bytes are announced and only the
 * first chunk is sent before the answer is read (a client still uploading when it is refused).
 */
function send(
  agent: Agent,
  method: string,
  path: string,
  body?: { chunk: Buffer; declared: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    const req = request(
      url,
      {
        agent,
        method,
        headers: body ? { 'content-type': 'application/json', 'content-length': body.declared } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            socket: req.socket,
          }),
        );
      },
    );
    req.on('error', reject);
    if (body) req.write(body.chunk);
    if (!body || body.chunk.length === body.declared) req.end();
  });
}

/** Runs `steps` on one keep-alive agent with a single socket, so each request follows the last on it. */
async function onOneConnection(steps: (agent: Agent) => Promise<void>) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect((await send(agent, 'GET', '/api/health')).status).toBe(200);
    await steps(agent);
    const next = await send(agent, 'GET', '/api/health');
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body)).toEqual({ ok: true });
  } finally {
    agent.destroy();
  }
}

const json = (text: string) => Buffer.from(text);

describe('a body refused before it is read', () => {
  it('413 says Connection: close, and the next request on the keep-alive agent succeeds', async () => {
    await onOneConnection(async (agent) => {
      // Sent whole, as a browser sends a too-large body: without the close, the host dropped the
      // socket under the next request ("socket hang up").
      const big = Buffer.alloc(MAX_BODY_BYTES * 4, 'a');
      const refused = await send(agent, 'PUT', '/api/tenant/branding', { chunk: big, declared: big.length });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe('close');
      expect(JSON.parse(refused.body).error.code).toBe('payload_too_large');
    });
  });

  it('a refusal before the body is parsed (no token) closes too', async () => {
    await onOneConnection(async (agent) => {
      const body = json(JSON.stringify({ currentPassword: 'x'.repeat(60), newPassword: 'y'.repeat(60) }));
      const refused = await send(agent, 'POST', '/api/auth/password', { chunk: body, declared: body.length });
      expect(refused.status).toBe(401);
      expect(refused.headers.connection).toBe('close');
    });
  });

  it('a refusal after the body was read keeps the connection', async () => {
    await onOneConnection(async (agent) => {
      const body = json('{}');
      const refused = await send(agent, 'POST', '/api/auth/login', { chunk: body, declared: body.length });
      expect(refused.status).toBe(400);
      expect(refused.headers.connection).toBe('keep-alive');
    });
  });
});
