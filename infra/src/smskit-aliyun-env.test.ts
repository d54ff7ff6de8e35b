import { describe, expect, it } from 'vitest';
import { buildSmskitAliyunEnv } from './smskit-aliyun-env.js';

describe('buildSmskitAliyunEnv', () => {
  it('writes the two standard credential variables, one per line', () => {
    expect(
      buildSmskitAliyunEnv({ accessKeyId: 'LTAI5tExample', accessKeySecret: 'AbC123xyz' }),
    ).toBe(
      'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tExample\nALIBABA_CLOUD_ACCESS_KEY_SECRET=AbC123xyz\n',
    );
  });

  it('refuses a value that would break the file, without repeating the value', () => {
    const secret = 'line\nANOTHER_VARIABLE=1';
    let caught: unknown;
    try {
      buildSmskitAliyunEnv({ accessKeyId: 'LTAI5tExample', accessKeySecret: secret });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect((caught as Error).message).toBe(
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET cannot be written as an env line: it holds a line break or a quote',
    );
    expect((caught as Error).message).not.toContain('ANOTHER_VARIABLE');
  });
});
