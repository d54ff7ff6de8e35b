import { describe, expect, it } from 'vitest';
import { officialRoute } from './official-route.js';

// The cases of the official connector's isChinaNumber tests (utils.test.ts).
describe('officialRoute', () => {
  it.each([
    ['13812345678', 'china'],
    ['8613812345678', 'china'],
    ['008613812345678', 'china'],
    ['+8613812345678', 'china'],
    ['85268326366', 'overseas'],
    ['1381234567', 'overseas'],
    ['138123456789', 'overseas'],
    ['abcdefghijk', 'overseas'],
    ['8513812345678', 'overseas'],
  ])('reads %s as %s without the strict check', (to, route) => {
    expect(officialRoute(to, false)).toBe(route);
  });

  it.each([
    ['8613812345678', 'china'],
    ['008613812345678', 'china'],
    ['+8613812345678', 'china'],
    ['13812345678', 'overseas'],
    ['85268326366', 'overseas'],
    ['1381234567', 'overseas'],
    ['138123456789', 'overseas'],
    ['abcdefghijk', 'overseas'],
    ['8513812345678', 'overseas'],
  ])('reads %s as %s with the strict check', (to, route) => {
    expect(officialRoute(to, true)).toBe(route);
  });
});
