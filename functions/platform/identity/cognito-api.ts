import { type AwsCredentials, awsSigner } from '../aws/sign.ts';

export type { AwsCredentials };

/**
 * The Cognito actions Rounds uses. Admin actions are IAM-signed; the others are public and carry
 * their own proof (the password, a challenge Session, or the user's access token).
 */
export type CognitoAction =
  | 'AdminCreateUser'
  | 'AdminSetUserPassword'
  | 'AdminDeleteUser'
  | 'AdminUserGlobalSignOut'
  | 'InitiateAuth'
  | 'RespondToAuthChallenge'
  | 'RevokeToken'
  | 'AssociateSoftwareToken'
  | 'VerifySoftwareToken'
  | 'SetUserMFAPreference';

/** The port the Cognito identity adapter talks through: one JSON call per action. */
export interface CognitoApi {
  call<T = Record<string, unknown>>(action: CognitoAction, input: Record<string, unknown>): Promise<T>;
}

const UNSIGNED = new Set<CognitoAction>([
  'InitiateAuth',
  'RespondToAuthChallenge',
  'RevokeToken',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'SetUserMFAPreference',
]);

/**
 * Cognito's JSON API over fetch, signed with SigV4 where IAM applies. It replaces the SDK
 * client, whose full model (~100 KB minified) would break the Lambda bundle budget; errors
 * come back shaped like the SDK's (`name` = Cognito's `__type`), so callers cannot tell.
 */
export function cognitoApi(opts: {
  region: string;
  credentials: () => Promise<AwsCredentials>;
  /** Overrides the regional endpoint (tests). */
  endpoint?: string;
  fetch?: typeof fetch;
}): CognitoApi {
  const url = new URL(opts.endpoint ?? `https://cognito-idp.${opts.region}.amazonaws.com/`);
  const signer = awsSigner('cognito-idp', opts.region, opts.credentials);
  const send = opts.fetch ?? fetch;
  return {
    async call(action, input) {
      const body = JSON.stringify(input);
      const request = {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        headers: {
          host: url.host,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
        },
        body,
      };
      const headers = UNSIGNED.has(action) ? request.headers : (await signer.sign(request)).headers;
      const res = await send(url, { method: 'POST', headers, body });
      const text = await res.text();
      const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (!res.ok) throw cognitoError(json, res.status);
      return json as never;
    },
  };
}

function cognitoError(json: Record<string, unknown>, status: number): Error {
  const type = String(json.__type ?? json.code ?? `HTTP${status}`);
  // __type may be namespaced: "com.amazonaws...#NotAuthorizedException".
  const name = type.slice(type.lastIndexOf('#') + 1);
  return Object.assign(new Error(String(json.message ?? json.Message ?? name)), { name, status });
}
