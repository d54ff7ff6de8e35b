import { isSmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { buildTemplateParam } from './build-template-param.js';

const verification = { type: 2 } as const;

describe('buildTemplateParam', () => {
  it.each(['1234', '123456', 'ab12', 'ABCDEF'])(
    'passes the code %s of a verification template',
    (code) => {
      expect(buildTemplateParam({ code }, verification)).toBe(JSON.stringify({ code }));
    },
  );

  it.each([
    ['too short', '123'],
    ['too long', '1234567'],
    ['with a space', '12 34'],
    ['with a sign', '12-34'],
    ['not ASCII', '１２３４'],
    ['empty', ''],
  ])('refuses a code %s, naming params.code and not quoting it', (_, code) => {
    let caught: unknown;
    try {
      buildTemplateParam({ code }, verification);
    } catch (error) {
      caught = error;
    }
    expect(isSmsError(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'INVALID_PARAMS',
      field: 'params.code',
      retryable: false,
    });
    if (code !== '') expect((caught as Error).message).not.toContain(code);
  });

  it('passes other variables, and codes of templates that are no verification template, as they are', () => {
    const params = { name: '张三 & "Li"', product: 'a*b~c+d/e=f', code: 'SPRING-SALE-2025' };
    expect(JSON.parse(buildTemplateParam(params, { type: 1 }) ?? '')).toEqual(params);
    expect(
      JSON.parse(buildTemplateParam({ code: '1234', name: 'x'.repeat(100) }, verification) ?? ''),
    ).toEqual({ code: '1234', name: 'x'.repeat(100) });
  });

  it('sends no TemplateParam for no parameters', () => {
    expect(buildTemplateParam({}, verification)).toBeUndefined();
  });
});
