import { describe, expect, it } from 'vitest';
import { packageOfPath } from './measure-bundle.js';

describe('packageOfPath', () => {
  it('names the package of a path in node_modules, scoped or not, nested or not', () => {
    expect(packageOfPath('node_modules/zod/v4/classic/schemas.js')).toBe('zod');
    expect(packageOfPath('node_modules/@smskit/aliyun/dist/index.js')).toBe('@smskit/aliyun');
    expect(
      packageOfPath(
        'node_modules/@alicloud/openapi-core/node_modules/@alicloud/tea-util/dist/x.js',
      ),
    ).toBe('@alicloud/tea-util');
  });

  it('calls anything outside node_modules the own code', () => {
    expect(packageOfPath('client-undici-floor.js')).toBe('(own code)');
  });
});
