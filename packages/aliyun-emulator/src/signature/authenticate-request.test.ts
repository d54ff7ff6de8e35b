import { describe, expect, it } from 'vitest';
import { demoStsCredentials } from '../config/demo-config.js';
import {
  chinaSend,
  demoKey,
  emulatorFor,
  sendV1,
  sendV3,
  signV1For,
  signV3For,
} from '../test-support/emulator-fixture.js';
import { clientV1StringToSign, send } from '../test-support/sign-request.js';

const expectGatewayError = (
  answer: { status: number; json: Record<string, unknown> },
  status: number,
  code: string,
  message?: string,
) => {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({
    RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
    Message: message ?? expect.any(String),
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=Dysmsapi&requestId=${answer.json.RequestId}`,
    HostId: 'dysmsapi.aliyuncs.com',
    Code: code,
  });
};

describe('V1 signatures', () => {
  it('answers a wrong secret with SignatureDoesNotMatch echoing the server string to sign', async () => {
    await using emulator = await emulatorFor();
    const request = signV1For('SendSms', chinaSend, { accessKeySecret: 'wrong-secret' });
    const answer = await send(emulator.url, request);
    const params = Object.fromEntries(new URLSearchParams(request.body));
    expectGatewayError(
      answer,
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${clientV1StringToSign('POST', params)}`,
    );
    // Realistic: the echo holds the number and the code, which a client must never log.
    expect(answer.json.Message).toContain('13800138000');
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('signs query and body together: a parameter changed in the body fails', async () => {
    await using emulator = await emulatorFor();
    const request = signV1For('SendSms', chinaSend, { placement: 'split' });
    request.body = request.body.replace('13800138000', '13900139000');
    const answer = await send(emulator.url, request);
    expect(answer.json.Code).toBe('SignatureDoesNotMatch');
  });

  it('signs the method: a POST signature sent as GET fails', async () => {
    await using emulator = await emulatorFor();
    const request = signV1For('SendSms', chinaSend, { placement: 'query' });
    const answer = await send(emulator.url, { ...request, method: 'GET' });
    expect(answer.json.Code).toBe('SignatureDoesNotMatch');
  });

  it('answers an unknown AccessKey ID with InvalidAccessKeyId.NotFound (404)', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendSms', chinaSend, { accessKeyId: 'LTAI5tNobody' });
    expectGatewayError(
      answer,
      404,
      'InvalidAccessKeyId.NotFound',
      'Specified access key is not found.',
    );
  });

  it.each([
    ['AccessKeyId'],
    ['Signature'],
    ['SignatureMethod'],
    ['SignatureVersion'],
    ['SignatureNonce'],
    ['Timestamp'],
  ])('answers a request without %s with Missing<Param>', async (name) => {
    await using emulator = await emulatorFor();
    const request = signV1For('SendSms', chinaSend);
    const form = new URLSearchParams(request.body);
    form.delete(name);
    const answer = await send(emulator.url, { ...request, body: form.toString() });
    expectGatewayError(answer, 400, `Missing${name}`, `${name} is mandatory for this action.`);
  });

  it('answers another SignatureMethod with IncompleteSignature', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendSms', {
      ...chinaSend,
      SignatureMethod: 'HMAC-SHA256',
    });
    expectGatewayError(
      answer,
      400,
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards.',
    );
  });

  describe('timestamps', () => {
    const serverTime = new Date('2025-06-01T12:00:00Z');
    it.each([
      ['14 minutes behind', -14, 'OK'],
      ['14 minutes ahead', 14, 'OK'],
      ['16 minutes behind', -16, 'InvalidTimeStamp.Expired'],
      ['16 minutes ahead', 16, 'InvalidTimeStamp.Expired'],
    ])('a clock %s gets %s', async (_name, minutes, code) => {
      await using emulator = await emulatorFor({ now: () => serverTime });
      const answer = await sendV1(emulator, 'SendSms', chinaSend, {
        timestamp: new Date(serverTime.getTime() + minutes * 60_000),
      });
      expect(answer.json.Code).toBe(code);
      if (code !== 'OK') {
        expectGatewayError(answer, 400, code, 'Specified time stamp or date value is expired.');
      }
    });

    it('answers a malformed Timestamp with InvalidTimeStamp.Format', async () => {
      await using emulator = await emulatorFor();
      const request = signV1For('SendSms', { ...chinaSend, Timestamp: 'yesterday' });
      // The params override the signer's own Timestamp, so the signature covers "yesterday".
      const answer = await send(emulator.url, request);
      expect(answer.json.Code).toBe('InvalidTimeStamp.Format');
    });
  });

  describe('nonces', () => {
    it('answers a replayed request with SignatureNonceUsed and sends nothing twice', async () => {
      await using emulator = await emulatorFor();
      const request = signV1For('SendSms', chinaSend);
      expect((await send(emulator.url, request)).json.Code).toBe('OK');
      const replay = await send(emulator.url, request);
      expectGatewayError(
        replay,
        400,
        'SignatureNonceUsed',
        'Specified signature nonce was used already.',
      );
      expect(emulator.inbox.list()).toHaveLength(1);
    });

    it('does not burn a nonce on a request whose signature is wrong', async () => {
      await using emulator = await emulatorFor();
      const good = signV1For('SendSms', chinaSend, { nonce: 'n-1' });
      const bad = signV1For('SendSms', chinaSend, { accessKeySecret: 'x', nonce: 'n-1' });
      expect((await send(emulator.url, bad)).json.Code).toBe('SignatureDoesNotMatch');
      expect((await send(emulator.url, good)).json.Code).toBe('OK');
    });

    it('forgets a nonce once its request is out of the 15-minute window', async () => {
      let now = new Date('2025-06-01T12:00:00Z');
      await using emulator = await emulatorFor({ now: () => now });
      const first = signV1For('SendSms', chinaSend, {
        nonce: 'n-2',
        timestamp: now,
      });
      expect((await send(emulator.url, first)).json.Code).toBe('OK');
      now = new Date(now.getTime() + 16 * 60_000);
      // The same request replayed now is too old...
      expect((await send(emulator.url, first)).json.Code).toBe('InvalidTimeStamp.Expired');
      // ...and a new request may use the nonce again.
      const again = signV1For('SendSms', chinaSend, {
        nonce: 'n-2',
        timestamp: now,
      });
      expect((await send(emulator.url, again)).json.Code).toBe('OK');
    });
  });

  describe('STS', () => {
    const sts = {
      accessKeyId: demoStsCredentials.accessKeyId,
      accessKeySecret: demoStsCredentials.accessKeySecret,
    };

    it('accepts the STS key with its security token', async () => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', chinaSend, {
        ...sts,
        securityToken: demoStsCredentials.securityToken,
      });
      expect(answer.json.Code).toBe('OK');
    });

    it('answers the STS key without a token with MissingSecurityToken', async () => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', chinaSend, sts);
      expectGatewayError(
        answer,
        400,
        'MissingSecurityToken',
        'SecurityToken is mandatory for this action.',
      );
    });

    it('answers a wrong token with InvalidSecurityToken.MismatchWithAccessKey', async () => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', chinaSend, {
        ...sts,
        securityToken: 'stale',
      });
      expectGatewayError(answer, 400, 'InvalidSecurityToken.MismatchWithAccessKey');
    });
  });
});

describe('V3 signatures', () => {
  it('answers a wrong secret with SignatureDoesNotMatch echoing the V3 string to sign', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV3(emulator, 'SendSms', chinaSend, { accessKeySecret: 'wrong' });
    expectGatewayError(answer, 400, 'SignatureDoesNotMatch');
    expect(answer.json.Message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/,
    );
  });

  it('hashes the body it received: a form body changed on the way fails', async () => {
    await using emulator = await emulatorFor();
    const batch = () =>
      signV3For(
        emulator,
        'SendBatchSms',
        { TemplateCode: 'SMS_CN_SIGN_IN' },
        {
          form: {
            PhoneNumberJson: '["13800138000"]',
            SignNameJson: '["smskit"]',
            TemplateParamJson: '[{"code":"1234"}]',
          },
        },
      );
    expect((await send(emulator.url, batch())).json.Code).toBe('OK');
    const tampered = batch();
    tampered.body = tampered.body.replace('1234', '9999');
    expect((await send(emulator.url, tampered)).json.Code).toBe('SignatureDoesNotMatch');
  });

  it('answers a request whose host differs from the signed one with SignatureDoesNotMatch', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV3(emulator, 'SendSms', chinaSend, { host: 'dysmsapi.aliyuncs.com' });
    expect(answer.json.Code).toBe('SignatureDoesNotMatch');
  });

  it('answers an unknown key with InvalidAccessKeyId.NotFound', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV3(emulator, 'SendSms', chinaSend, { accessKeyId: 'nobody' });
    expectGatewayError(answer, 404, 'InvalidAccessKeyId.NotFound');
  });

  it.each([
    [
      'an Authorization header of another shape',
      (headers: Record<string, string>) => {
        headers.authorization = 'ACS3-HMAC-SHA256 Signature=abc';
      },
    ],
    [
      'another algorithm',
      (headers: Record<string, string>) => {
        headers.authorization = (headers.authorization ?? '').replace(
          'ACS3-HMAC-SHA256',
          'ACS3-HMAC-SM3',
        );
      },
    ],
    [
      'host not signed',
      (headers: Record<string, string>) => {
        headers.authorization = (headers.authorization ?? '').replace(
          'SignedHeaders=host;',
          'SignedHeaders=',
        );
      },
    ],
    [
      'an x-acs-* header sent but not signed',
      (headers: Record<string, string>) => {
        headers['x-acs-unsigned'] = 'sneaky';
      },
    ],
    [
      'no x-acs-content-sha256',
      (headers: Record<string, string>) => {
        delete headers['x-acs-content-sha256'];
      },
    ],
  ])('answers %s with IncompleteSignature', async (_name, change) => {
    await using emulator = await emulatorFor();
    const request = signV3For(emulator, 'SendSms', chinaSend);
    change(request.headers);
    const answer = await send(emulator.url, request);
    expectGatewayError(answer, 400, 'IncompleteSignature');
  });

  it('verifies over exactly the signed headers: other headers may change on the way', async () => {
    await using emulator = await emulatorFor();
    const request = signV3For(emulator, 'SendSms', chinaSend);
    request.headers['x-forwarded-for'] = '10.0.0.1';
    request.headers.accept = 'text/plain';
    expect((await send(emulator.url, request)).json.Code).toBe('OK');
  });

  it('signs every x-acs-* header the official client sends', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV3(emulator, 'SendSms', chinaSend, {
      headers: {
        'x-acs-credentials-provider': 'static_ak',
        'x-acs-accesskey-id': demoKey.accessKeyId,
      },
    });
    expect(answer.json.Code).toBe('OK');
  });

  it.each([
    ['x-acs-date', 'MissingTimestamp'],
    ['x-acs-signature-nonce', 'MissingSignatureNonce'],
  ])('answers a request without %s with %s', async (header, code) => {
    await using emulator = await emulatorFor();
    const request = signV3For(emulator, 'SendSms', chinaSend);
    delete request.headers[header];
    expectGatewayError(
      await send(emulator.url, request),
      400,
      code,
      `${header} is mandatory for this action.`,
    );
  });

  it('checks x-acs-date against the clock', async () => {
    const now = new Date('2025-06-01T12:00:00Z');
    await using emulator = await emulatorFor({ now: () => now });
    const late = await sendV3(emulator, 'SendSms', chinaSend, {
      date: new Date(now.getTime() - 20 * 60_000),
    });
    expectGatewayError(late, 400, 'InvalidTimeStamp.Expired');
    const fine = await sendV3(emulator, 'SendSms', chinaSend, { date: now });
    expect(fine.json.Code).toBe('OK');
  });

  it('answers a reused x-acs-signature-nonce with SignatureNonceUsed', async () => {
    await using emulator = await emulatorFor();
    const request = signV3For(emulator, 'SendSms', chinaSend);
    expect((await send(emulator.url, request)).json.Code).toBe('OK');
    expectGatewayError(await send(emulator.url, request), 400, 'SignatureNonceUsed');
  });

  it('requires x-acs-security-token for the STS key', async () => {
    await using emulator = await emulatorFor();
    const sts = {
      accessKeyId: demoStsCredentials.accessKeyId,
      accessKeySecret: demoStsCredentials.accessKeySecret,
    };
    expectGatewayError(
      await sendV3(emulator, 'SendSms', chinaSend, sts),
      400,
      'MissingSecurityToken',
    );
    expectGatewayError(
      await sendV3(emulator, 'SendSms', chinaSend, { ...sts, securityToken: 'other' }),
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    const ok = await sendV3(emulator, 'SendSms', chinaSend, {
      ...sts,
      securityToken: demoStsCredentials.securityToken,
    });
    expect(ok.json.Code).toBe('OK');
  });
});

describe('action and version', () => {
  it.each([
    ['V1', sendV1],
    ['V3', sendV3],
  ] as const)(
    '%s: an unknown action gets InvalidAction.NotFound (404)',
    async (_name, sendWith) => {
      await using emulator = await emulatorFor();
      const answer = await sendWith(emulator, 'SendMessageToGlobe', chinaSend);
      expectGatewayError(
        answer,
        404,
        'InvalidAction.NotFound',
        'Specified api is not found, please check your url and method.',
      );
    },
  );

  it.each([
    ['V1', sendV1],
    ['V3', sendV3],
  ] as const)('%s: another version gets InvalidVersion (400)', async (_name, sendWith) => {
    await using emulator = await emulatorFor();
    const answer = await sendWith(emulator, 'SendSms', chinaSend, { version: '2018-05-01' });
    expectGatewayError(answer, 400, 'InvalidVersion', 'Specified parameter Version is not valid.');
  });

  it('answers a request to another path with InvalidAction.NotFound', async () => {
    await using emulator = await emulatorFor();
    const response = await fetch(`${emulator.url}/v1/sms`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { Code: string }).Code).toBe('InvalidAction.NotFound');
  });

  it('answers an unsigned POST to / with MissingVersion', async () => {
    await using emulator = await emulatorFor();
    const response = await fetch(emulator.url, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Code: string }).Code).toBe('MissingVersion');
  });
});
