import { createHash } from 'node:crypto';

/** A Lua script with the SHA-1 that `EVALSHA` knows it by. */
export interface RedisScript {
  readonly source: string;
  readonly sha1: string;
}

const script = (source: string): RedisScript => ({
  source,
  sha1: createHash('sha1').update(source).digest('hex'),
});

// Each script touches one key and runs atomically on the server: that is what makes the
// store's methods atomic across processes. See VerificationStore for what each guarantees.

/** KEYS[1] counter, ARGV[1] window in ms. Returns {count, ms until the window ends}. */
export const incrementScript = script(`
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`);

/** KEYS[1] counter. Decrements a live counter above zero; never creates one. */
export const decrementScript = script(`
local count = tonumber(redis.call('GET', KEYS[1]))
if count and count > 0 then
  redis.call('DECR', KEYS[1])
end
return 0
`);

/** KEYS[1] code, ARGV id, hash, sentAt, ttl in ms. Replaces the code, attempts at 0. */
export const setCodeScript = script(`
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'hash', ARGV[2], 'sentAt', ARGV[3], 'attempts', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0
`);

/** KEYS[1] code. Counts an attempt; returns {id, hash, sentAt, attempts} or nil. */
export const countAttemptScript = script(`
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
local code = redis.call('HMGET', KEYS[1], 'id', 'hash', 'sentAt')
return {code[1], code[2], code[3], attempts}
`);

/** KEYS[1] code, ARGV[1] id. Deletes the code if it has this id; returns 1 if it did. */
export const deleteCodeScript = script(`
if redis.call('HGET', KEYS[1], 'id') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`);
