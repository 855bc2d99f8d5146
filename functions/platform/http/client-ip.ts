import type { Context } from 'hono';

/**
 * The caller's address, from the transport rather than headers a client could forge:
 * API Gateway's sourceIp in Lambda, the socket's remote address in the local host.
 */
export function clientIp(c: Context): string {
  const env = c.env as
    | {
        event?: { requestContext?: { http?: { sourceIp?: string } } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
