import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { synthStage } from './synth.ts';

describe.each(['dev', 'prod'] as const)('cdk-nag on the %s stage', (stage) => {
  it('AwsSolutions and HIPAA.Security leave no finding unacknowledged', () => {
    expect(synthStage(stage).findings).toEqual([]);
  }, 120_000);
});

describe('a custom web domain', () => {
  it('synthesizes clean too (TLS 1.2 policy, CORS for that origin only)', () => {
    const { findings, template } = synthStage('prod', {
      webDomain: {
        domainName: 'app.rounds.example',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      },
    });
    expect(findings).toEqual([]);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['app.rounds.example'],
        ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021' },
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://app.rounds.example'] },
    });
  }, 120_000);
});

describe('the check itself', () => {
  it('reports a resource nobody acknowledged (an unencrypted, unlogged bucket)', () => {
    const { findings } = synthStage('dev', {}, (stack) => new Bucket(stack, 'Careless'));
    expect(findings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AwsSolutions-S1 at Rounds-dev\/Careless/)]),
    );
  }, 120_000);
});
