import { describe, expect, it } from 'vitest';
import { createNonceRegistry } from './nonce-registry.js';

describe('nonce registry', () => {
  it('refuses a nonce seen within the window, per scope', () => {
    const nonces = createNonceRegistry(1000);
    expect(nonces.use('key-a', 'n', 0, 0)).toBe(true);
    expect(nonces.use('key-a', 'n', 0, 500)).toBe(false);
    expect(nonces.use('key-b', 'n', 0, 500)).toBe(true);
  });

  it('forgets a nonce once its request is out of the window', () => {
    const nonces = createNonceRegistry(1000);
    expect(nonces.use('key', 'n', 0, 0)).toBe(true);
    expect(nonces.use('key', 'n', 0, 1001)).toBe(true);
  });

  it('keeps a request signed ahead of the server clock for the window after its own time', () => {
    const nonces = createNonceRegistry(1000);
    expect(nonces.use('key', 'n', 900, 0)).toBe(true);
    expect(nonces.use('key', 'n', 900, 1500)).toBe(false);
    expect(nonces.use('key', 'n', 900, 1901)).toBe(true);
  });

  it('stays within its bound under a flood of nonces, dropping expired ones first', () => {
    const nonces = createNonceRegistry(1000, 100);
    for (let index = 0; index < 10_000; index += 1) nonces.use('key', `n-${index}`, 0, 0);
    expect(nonces.size).toBe(100);
    nonces.use('key', 'late', 5000, 5000);
    expect(nonces.size).toBe(1);
  });
});
