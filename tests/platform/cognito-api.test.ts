import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoApi } from '../../functions/platform/identity/cognito-api.ts';

interface Seen {
  headers: IncomingHttpHeaders;
  body: unknown;
}

let endpoint: string;
const seen: Seen[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    seen.push({ headers: req.headers, body: JSON.parse(body) });
    res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(reply.body));
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const api = () =>
  cognitoApi({
    region: 'us-east-1',
    endpoint,
    credentials: async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    }),
  });

describe('Cognito JSON API client (the wire under the identity adapter)', () => {
  it('sends an admin action as Cognito JSON, signed with SigV4 for cognito-idp', async () => {
    reply = { status: 200, body: { User: { Username: 'a@clinic.test' } } };
    const out = await api().call('AdminCreateUser', {
      UserPoolId: 'us-east-1_Pool1',
      Username: 'a@clinic.test',
    });
    expect(out).toEqual({ User: { Username: 'a@clinic.test' } });
    const { headers, body } = seen.at(-1)!;
    expect(headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.AdminCreateUser');
    expect(headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cognito-idp\/aws4_request, SignedHeaders=\S*x-amz-target\S*, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-security-token']).toBe('session');
    expect(body).toEqual({ UserPoolId: 'us-east-1_Pool1', Username: 'a@clinic.test' });
  });

  it('signs the sign-out-everywhere call too (AdminUserGlobalSignOut is an IAM-authorized admin action)', async () => {
    reply = { status: 200, body: {} };
    await api().call('AdminUserGlobalSignOut', { UserPoolId: 'us-east-1_Pool1', Username: 'a@clinic.test' });
    const { headers } = seen.at(-1)!;
    expect(headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.AdminUserGlobalSignOut');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cognito-idp\//,
    );
  });

  it('sends sign-in unsigned, as Cognito expects of public client calls', async () => {
    reply = { status: 200, body: { AuthenticationResult: { AccessToken: 'a' } } };
    await api().call('InitiateAuth', { ClientId: 'web', AuthFlow: 'USER_PASSWORD_AUTH' });
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('sends the code step and the software-token calls unsigned: a Session or access token is their proof', async () => {
    reply = { status: 200, body: {} };
    for (const [action, input] of [
      ['RespondToAuthChallenge', { ClientId: 'web', ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's' }],
      ['AssociateSoftwareToken', { AccessToken: 'a' }],
      ['VerifySoftwareToken', { AccessToken: 'a', UserCode: '123456' }],
      ['SetUserMFAPreference', { AccessToken: 'a', SoftwareTokenMfaSettings: { Enabled: true } }],
    ] as const) {
      await api().call(action, input);
      const { headers, body } = seen.at(-1)!;
      expect(headers['x-amz-target']).toBe(`AWSCognitoIdentityProviderService.${action}`);
      expect(headers.authorization, action).toBeUndefined();
      expect(body).toEqual(input);
    }
  });

  it('turns a Cognito error into an error named like the SDK’s', async () => {
    reply = {
      status: 400,
      body: {
        __type: 'com.amazonaws.cognito#NotAuthorizedException',
        message: 'Incorrect username or password.',
      },
    };
    const err = await api()
      .call('InitiateAuth', { ClientId: 'web' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
