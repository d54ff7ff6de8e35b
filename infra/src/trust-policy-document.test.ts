import { describe, expect, it } from 'vitest';
import { buildTrustPolicyDocument } from './trust-policy-document.js';

const oidc = {
  providerArn: 'acs:ram::1234567890123456:oidc-provider/ack-rrsa-c0ffee',
  issuer: 'https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0ffee',
  subjects: ['system:serviceaccount:auth:logto'],
};

describe('buildTrustPolicyDocument', () => {
  it('lets ECS instances assume the role', () => {
    expect(buildTrustPolicyDocument({ ecs: true })).toBe(
      JSON.stringify(
        {
          Version: '1',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: { Service: ['ecs.aliyuncs.com'] },
            },
          ],
        },
        null,
        2,
      ),
    );
  });

  it('lets tokens of one OIDC provider assume the role when issuer, audience and subject match', () => {
    expect(JSON.parse(buildTrustPolicyDocument({ oidc }))).toEqual({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Federated: [oidc.providerArn] },
          Condition: {
            StringEquals: {
              'oidc:iss': oidc.issuer,
              'oidc:aud': 'sts.aliyuncs.com',
              'oidc:sub': ['system:serviceaccount:auth:logto'],
            },
          },
        },
      ],
    });
  });

  it('trusts both, with a custom audience and several subjects', () => {
    const document = JSON.parse(
      buildTrustPolicyDocument({
        ecs: true,
        oidc: { ...oidc, audience: 'my-client', subjects: ['a', 'b', 'a'] },
      }),
    );
    expect(document.Statement).toHaveLength(2);
    expect(document.Statement[1].Condition.StringEquals).toEqual({
      'oidc:iss': oidc.issuer,
      'oidc:aud': 'my-client',
      'oidc:sub': ['a', 'b'],
    });
  });

  it('refuses a role that nobody may assume', () => {
    expect(() => buildTrustPolicyDocument({})).toThrow(
      'options: trust ECS (ecs: true), an OIDC provider (oidc), or both',
    );
  });

  it('refuses wildcard subjects and audiences: the trust policy matches them exactly', () => {
    expect(() =>
      buildTrustPolicyDocument({ oidc: { ...oidc, subjects: ['system:serviceaccount:auth:*'] } }),
    ).toThrow(
      'options.oidc.subjects[0]: "system:serviceaccount:auth:*" contains a wildcard: a trust policy names the exact subject',
    );
    expect(() => buildTrustPolicyDocument({ oidc: { ...oidc, audience: '*' } })).toThrow(
      /options\.oidc\.audience: "\*" contains a wildcard/,
    );
  });

  it('requires at least one subject, an https issuer and a provider ARN', () => {
    expect(() => buildTrustPolicyDocument({ oidc: { ...oidc, subjects: [] } })).toThrow(
      'options.oidc.subjects: list the token subjects (sub) that may assume the role',
    );
    expect(() =>
      buildTrustPolicyDocument({ oidc: { ...oidc, issuer: 'http://issuer.example' } }),
    ).toThrow(/options\.oidc\.issuer: expected the issuer URL/);
    expect(() =>
      buildTrustPolicyDocument({ oidc: { ...oidc, providerArn: 'acs:ram::*:oidc-provider/x' } }),
    ).toThrow(/options\.oidc\.providerArn: expected acs:ram::<account id>:oidc-provider\/<name>/);
  });
});
