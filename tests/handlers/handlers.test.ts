import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyResult, LambdaContext as Context, LambdaEvent } from 'hono/aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../functions/local/table.ts';
import { createPlatform } from '../../functions/platform/bootstrap.ts';
import { loadConfig } from '../../functions/platform/config.ts';
import { objectKeys } from '../../functions/platform/files/keys.ts';
import type { LocalFileStore } from '../../functions/platform/files/local.ts';
import { PASSWORD, uniqueEmail } from '../support/app.ts';
import { solidPng } from '../support/pdf-tools.ts';

type APIGatewayProxyEventV2 = Extract<LambdaEvent, { rawPath: string }>;

/** An API Gateway HTTP API (payload 2.0) event, shaped as hono/aws-lambda expects it. */
function httpEvent(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'api.example.test',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authentication: null,
      authorizer: {},
    },
    body: body ? JSON.stringify(body) : null,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResult>;
const domains = readdirSync('functions', { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(`functions/${d.name}`).includes('handler.ts'))
  .map((d) => d.name);

beforeAll(async () => {
  const tableName = `h-${randomUUID()}`;
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  process.env.TABLE_NAME = tableName;
  process.env.LOG_LEVEL = 'silent';
  // Local file bytes (the logo test) go with the test data, not the repository's .data folder.
  process.env.DATA_DIR = join(tmpdir(), 'rounds-test-data');
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: inject('dynamoEndpoint'),
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  await ensureTable(client, tableName);
  client.destroy();
});

describe('Lambda entries', () => {
  it('there is one per domain', () => {
    expect(domains).toContain('tenants');
  });

  it.each(domains)('%s answers an API Gateway event from DynamoDB Local', async (domain) => {
    const { handler } = (await import(`../../functions/${domain}/handler.ts`)) as { handler: Handler };
    const ctx = {} as Context;
    const missing = await handler(httpEvent('GET', '/api/no-such-route'), ctx);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('not_found');
  });

  it('tenants: sign up, sign in and read the tenant through the handler', async () => {
    const { handler } = (await import('../../functions/tenants/handler.ts')) as { handler: Handler };
    const ctx = {} as Context;
    const email = uniqueEmail('lambda');
    const signup = await handler(
      httpEvent('POST', '/api/signup', {
        kind: 'practice',
        practice: {
          name: 'Lambda Clinic',
          specialty: 'cardiology',
          region: 'pacific',
          size: 'solo',
          timeZone: 'Pacific/Honolulu',
        },
        owner: { name: 'Lee Lambda', email, password: PASSWORD },
      }),
      ctx,
    );
    expect(signup.statusCode).toBe(201);
    const login = await handler(httpEvent('POST', '/api/auth/login', { email, password: PASSWORD }), ctx);
    const { accessToken } = JSON.parse(login.body);
    const tenant = await handler(
      httpEvent('GET', '/api/tenant', undefined, { authorization: `Bearer ${accessToken}` }),
      ctx,
    );
    expect(tenant.statusCode).toBe(200);
    expect(JSON.parse(tenant.body)).toMatchObject({ name: 'Lambda Clinic', timeZone: 'Pacific/Honolulu' });
    expect(tenant.headers?.['x-request-id']).toEqual(expect.any(String));

    // The refresh cookie goes out in API Gateway's `cookies` (Secure: the API is https) and comes
    // back in the event's `cookies`; a refresh from it answers without the token in the body.
    const { cookies } = login as APIGatewayProxyResult & { cookies?: string[] };
    const cookie = cookies?.find((c) => c.startsWith('rounds_refresh='));
    expect(cookie?.split('; ')).toEqual(
      expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/auth']),
    );
    const refresh = await handler(
      { ...httpEvent('POST', '/api/auth/refresh', {}), cookies: [cookie!.split('; ')[0]!] },
      ctx,
    );
    expect(refresh.statusCode).toBe(200);
    expect(JSON.parse(refresh.body)).not.toHaveProperty('refreshToken');
  });

  it('documents: the public logo answers its image bytes base64-encoded, as API Gateway needs', async () => {
    const tenants = ((await import('../../functions/tenants/handler.ts')) as { handler: Handler }).handler;
    const documents = ((await import('../../functions/documents/handler.ts')) as { handler: Handler })
      .handler;
    const ctx = {} as Context;
    const email = uniqueEmail('logo');
    const signup = await tenants(
      httpEvent('POST', '/api/signup', {
        kind: 'practice',
        practice: {
          name: 'Logo Clinic',
          specialty: 'other',
          region: 'pacific',
          size: 'solo',
          timeZone: 'UTC',
        },
        owner: { name: 'Lou Logo', email, password: PASSWORD },
      }),
      ctx,
    );
    const { tenantId } = JSON.parse(signup.body);
    const login = await tenants(httpEvent('POST', '/api/auth/login', { email, password: PASSWORD }), ctx);
    const auth = { authorization: `Bearer ${JSON.parse(login.body).accessToken}` };
    const png = solidPng(3, 3, [1, 2, 3]);
    const started = JSON.parse(
      (
        await documents(
          httpEvent(
            'POST',
            '/api/files/logo',
            { name: 'logo.png', size: png.length, type: 'image/png' },
            auth,
          ),
          ctx,
        )
      ).body,
    );
    // The bytes go where the signed form would put them (the local host serves that form, not a Lambda).
    const platform = await createPlatform(loadConfig());
    await (platform.files as LocalFileStore).store(objectKeys.file({ tenantId }, started.id), png);
    const done = await documents(
      httpEvent('POST', `/api/files/logo/${started.id}/complete`, undefined, auth),
      ctx,
    );
    expect(done.statusCode).toBe(200);
    const tenant = JSON.parse((await tenants(httpEvent('GET', '/api/tenant', undefined, auth), ctx)).body);
    const saved = await tenants(
      httpEvent(
        'PUT',
        '/api/tenant/branding',
        { logoFileId: started.id, primaryColor: '#123456', accentColor: '#654321', version: tenant.version },
        auth,
      ),
      ctx,
    );
    const { logoUrl } = JSON.parse(saved.body).branding;
    const logo = await documents(httpEvent('GET', logoUrl), ctx);
    expect(logo.statusCode).toBe(200);
    expect(logo.headers?.['content-type']).toBe('image/png');
    expect(logo.isBase64Encoded).toBe(true);
    expect(Buffer.from(logo.body, 'base64').equals(Buffer.from(png))).toBe(true);
  });
});
