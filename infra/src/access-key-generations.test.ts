import { describe, expect, it } from 'vitest';
import { accessKeyGenerationsSchema, maxAccessKeysPerUser } from './access-key-generations.js';

const messages = (value: unknown) => {
  const result = accessKeyGenerationsSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('accessKeyGenerationsSchema', () => {
  it('accepts none, one or two generations', () => {
    for (const accessKeyGenerations of [[], ['2025-01'], ['2025-01', '2025-07']]) {
      expect(accessKeyGenerationsSchema.parse({ accessKeyGenerations })).toEqual({
        accessKeyGenerations,
        inactiveAccessKeyGenerations: [],
      });
    }
  });

  it('takes a whole number, as YAML reads `- 2`, for its digits', () => {
    expect(accessKeyGenerationsSchema.parse({ accessKeyGenerations: [1, 2] })).toEqual({
      accessKeyGenerations: ['1', '2'],
      inactiveAccessKeyGenerations: [],
    });
    expect(messages({ accessKeyGenerations: [1.5] })[0]).toMatch(
      /^accessKeyGenerations\.0: 1\.5 is not/,
    );
  });

  it('refuses a third, explaining the two-keys limit and how to go on', () => {
    expect(maxAccessKeysPerUser).toBe(2);
    expect(messages({ accessKeyGenerations: ['a', 'b', 'c'] })).toEqual([
      'accessKeyGenerations: lists 3 generations, but Aliyun allows at most 2 AccessKeys per RAM user. ' +
        'Rotate one step at a time: once the app uses the newest key, remove the oldest generation (the first listed) and deploy, then add the next one.',
    ]);
  });

  it('refuses a generation listed twice and labels that cannot name a resource', () => {
    expect(messages({ accessKeyGenerations: ['a', 'a'] })).toEqual([
      'accessKeyGenerations: lists "a" twice: each generation is one AccessKey',
    ]);
    expect(messages({ accessKeyGenerations: ['new key'] })[0]).toMatch(
      /^accessKeyGenerations\.0: "new key" is not a generation label/,
    );
  });

  it('disables only a listed generation that is not the active one', () => {
    expect(
      accessKeyGenerationsSchema.parse({
        accessKeyGenerations: ['old', 'new'],
        inactiveAccessKeyGenerations: ['old'],
      }).inactiveAccessKeyGenerations,
    ).toEqual(['old']);
    expect(
      messages({ accessKeyGenerations: ['old', 'new'], inactiveAccessKeyGenerations: ['new'] }),
    ).toEqual([
      'inactiveAccessKeyGenerations.0: "new" is the active generation (the last in accessKeyGenerations): the app would lose its key. Disable only an older generation.',
    ]);
    expect(
      messages({ accessKeyGenerations: ['new'], inactiveAccessKeyGenerations: ['gone'] }),
    ).toEqual(['inactiveAccessKeyGenerations.0: "gone" is not one of accessKeyGenerations']);
  });
});
