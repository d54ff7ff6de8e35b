/**
 * Remembers signature nonces for as long as their request could still be accepted, so that a
 * replayed request gets `SignatureNonceUsed`, in bounded memory.
 */
export interface NonceRegistry {
  /**
   * Records the nonce of a request signed at `signedAtMs`; false when it was seen before.
   * `scope` keeps AccessKeys apart.
   */
  use(scope: string, nonce: string, signedAtMs: number, nowMs: number): boolean;
  readonly size: number;
}

export function createNonceRegistry(windowMs: number, maxEntries = 100_000): NonceRegistry {
  // Expiry per nonce, in insertion order (which is close to expiry order).
  const seen = new Map<string, number>();
  return {
    use(scope, nonce, signedAtMs, nowMs) {
      for (const [key, expiresAt] of seen) {
        if (expiresAt > nowMs) break;
        seen.delete(key);
      }
      const key = `${scope}\n${nonce}`;
      const expiresAt = seen.get(key);
      if (expiresAt !== undefined && expiresAt > nowMs) return false;
      // Past this time the request's own timestamp is out of the window, so a replay fails anyway.
      seen.delete(key);
      seen.set(key, Math.max(signedAtMs, nowMs) + windowMs);
      while (seen.size > maxEntries) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
