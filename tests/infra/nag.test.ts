import { resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { Web } from '../../infra/constructs/web.ts';
import { STAGES, stageFrom } from '../../infra/stage-config.ts';
import { synthStage } from './synth.ts';

// The dev and prod stages are checked in stack-data.test.ts (same synth as the construct tests);
// this file covers the custom-domain variant and that the acknowledgements stay narrow.

describe('a custom web domain', () => {
  it('synthesizes clean too: TLS 1.2 policy on the alias, CORS for exactly that origin', () => {
    const { findings, template } = synthStage('prod', {
      webDomain: {
        domainName: 'app.rounds.example',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      },
    });
    expect(findings, `unacknowledged findings:\n${findings.join('\n')}`).toEqual([]);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['app.rounds.example'],
        ViewerCertificate: {
          AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
    const api = Object.values(template.findResources('AWS::ApiGatewayV2::Api'))[0]!.Properties;
    expect(api.CorsConfiguration.AllowOrigins).toEqual(['https://app.rounds.example']);
    // Links in mails point at the custom domain, not the CloudFront host name.
    const urls = Object.values(template.findResources('AWS::Lambda::Function'))
      .map((f) => f.Properties.Environment?.Variables?.PUBLIC_URL)
      .filter(Boolean);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toBe('https://app.rounds.example');
  }, 120_000);
});

describe('stage configuration mistakes fail the synth with a clear message', () => {
  it('a certificate outside us-east-1', () => {
    const stack = new Stack(new App(), 'Bare');
    const stage = {
      ...STAGES.prod,
      webDomain: {
        domainName: 'app.rounds.example',
        certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      },
    };
    expect(
      () =>
        new Web(stack, 'Web', {
          stage,
          apiOriginDomain: 'api.example',
          distDir: resolve('web/dist'),
          key: new kms.Key(stack, 'Key'),
        }),
    ).toThrow('CloudFront needs an ACM certificate in us-east-1');
  });

  it('an unknown stage name', () => {
    expect(stageFrom(undefined).name).toBe('dev');
    expect(stageFrom('prod').name).toBe('prod');
    expect(() => stageFrom('staging')).toThrow('Unknown stage "staging": use one of dev, prod');
  });
});

describe('the check itself', () => {
  it('reports what nobody acknowledged: an unencrypted bucket and a wildcard policy on a new role', () => {
    const { findings } = synthStage('dev', {}, (stack) => {
      new Bucket(stack, 'Careless');
      const role = new iam.Role(stack, 'Wildcard', { assumedBy: new iam.AccountRootPrincipal() });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] }));
    });
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AwsSolutions-S1 at Rounds-dev\/Careless/),
        expect.stringMatching(/^AwsSolutions-IAM5\[Resource::\*\] at Rounds-dev\/Wildcard/),
        expect.stringMatching(/^HIPAA.Security-IAMNoInlinePolicy at Rounds-dev\/Wildcard/),
      ]),
    );
  }, 120_000);
});
