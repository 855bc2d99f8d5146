import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LAMBDA_BUNDLING, LAMBDA_DOMAINS } from '../../infra/lambda-bundling.ts';

describe('Lambda bundles', () => {
  it.each(LAMBDA_DOMAINS)(
    '%s ships without the local adapters, their signing keys, jose or the SDK’s default credential chain',
    async (domain) => {
      const result = await build({
        ...LAMBDA_BUNDLING,
        entryPoints: [`functions/${domain}/handler.ts`],
        write: false,
        outdir: '/tmp/rounds-bundle-check',
        metafile: true,
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((f) => f.includes(`functions/${domain}/`))).toBe(true);
      expect(inputs.filter((f) => /local-adapters|local-issuer|node_modules\/jose\//.test(f))).toEqual([]);
      // Credentials come from the environment only: no SSO, profile, process, IMDS or web-identity code.
      expect(inputs.some((f) => f.endsWith('functions/platform/aws/lambda-credentials.ts'))).toBe(true);
      expect(
        inputs.filter((f) =>
          /credential-provider-(node|sso|ini|process|imds|web-identity)\/|nested-clients/.test(f),
        ),
      ).toEqual([]);
    },
  );
});
