import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in Lambda bundles (an esbuild alias in
 * infra/lambda-bundling.ts). A Lambda's credentials are its execution role's, always in the
 * environment, so the SDK's default chain (SSO, profiles, processes, IMDS, web identity and the
 * clients they bring) is dead weight in every bundle and on every cold start.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
/** The chain's refresh hints; environment credentials are fixed for the container's life. */
export const credentialsWillNeedRefresh = () => false;
export const credentialsTreatedAsExpired = () => false;
