import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';
import { templateParams } from './template-params.js';

// What Logto puts in the payload of a verification code message.
const payload = {
  code: '123456',
  locale: 'zh-CN',
  uiLocales: 'zh-CN en',
  application: { name: 'Demo app' },
};

describe('templateParams', () => {
  it('sends only the code by default: never locale, uiLocales or other context', () => {
    expect(templateParams(payload)).toEqual({ code: '123456' });
  });

  it('sends the configured variables that the payload has', () => {
    expect(
      templateParams({ ...payload, link: 'https://example.com/x' }, ['code', 'link', 'product']),
    ).toEqual({
      code: '123456',
      link: 'https://example.com/x',
    });
  });

  it('sends numbers as text, as Aliyun wants string values', () => {
    expect(templateParams({ code: 123456 })).toEqual({ code: '123456' });
  });

  it('leaves out variables without a value', () => {
    expect(templateParams({ code: undefined, link: null }, ['code', 'link'])).toEqual({});
  });

  it('ignores inherited keys', () => {
    expect(templateParams(Object.create({ code: '1' }) as Record<string, unknown>)).toEqual({});
  });

  it('refuses a variable whose value is not text, naming it', () => {
    const error = (() => {
      try {
        templateParams(payload, ['code', 'application']);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({
      code: ConnectorErrorCodes.InvalidRequestParameters,
      data: { errorDescription: 'Template variable application must be text, got object' },
    });
  });
});
