/**
 * Lua: `jobExists(prefix, ref)`, whether the job a pointer (`<lane>|<id>`) names still exists
 * (BullMQ keeps a job as the hash <prefix>notify-<lane>:<id>).
 */
const JOB_EXISTS = `
    local function jobExists(prefix, ref)
      local bar = string.find(ref, '|', 1, true)
      return redis.call('EXISTS', prefix .. 'notify-' .. string.sub(ref, 1, bar - 1) .. ':' .. string.sub(ref, bar + 1)) == 1
    end`;

/** The Lua scripts of the shared job queue: each step on the key → job pointer is atomic. */
export const QUEUE_SCRIPTS = Object.freeze({
  /**
   * Points KEYS[1][ARGV[1]] at ARGV[2]; returns the job it named before (or nil). ARGV[3], when not
   * empty, is the Redis generation (KEYS[2]) the calling job began in: from an older one (Redis lost
   * its data since) a key that has a job again keeps it and the answer is STALE.
   */
  point: `
    if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[3] and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 'STALE' end
    local old = redis.call('HGET', KEYS[1], ARGV[1])
    redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
    return old`,
  /**
   * The key's job (or nil) and this Redis's generation (KEYS[2]), set to ARGV[2] when it has none
   * (started empty). ARGV[3], when not empty, is a job handed out again after its replica died
   * (ARGV[4] the prefix): if the key names a job that does not exist (that replica died between
   * pointing the key at its next job and adding it), this one takes the key back, else the user
   * would have no job until the next sweep.
   */
  begin: `${JOB_EXISTS}
    local generation = redis.call('GET', KEYS[2])
    if not generation then generation = ARGV[2] redis.call('SET', KEYS[2], generation) end
    local ref = redis.call('HGET', KEYS[1], ARGV[1])
    if ref and ARGV[3] ~= '' and ref ~= ARGV[3] and not jobExists(ARGV[4], ref) then
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
      ref = ARGV[3]
    end
    return { ref or '', generation }`,
  /** Points the key back at ARGV[3] (none when empty) while it still names ARGV[2] (a job that could not be added). */
  restore: `
    if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
    if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
    return 1`,
  /** Drops the key's pointer; returns the job it named (or nil). */
  unpoint: `
    local old = redis.call('HGET', KEYS[1], ARGV[1])
    redis.call('HDEL', KEYS[1], ARGV[1])
    return old`,
  /** Drops the key's pointer only while it still names ARGV[2] (a finished job that did not reschedule). */
  unpointIf: `
    if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) return 1 end
    return 0`,
  /**
   * 1 when the key names a job that exists (ARGV[2] the prefix); a pointer to a job that is gone is
   * dropped, so the key counts as free again.
   */
  has: `${JOB_EXISTS}
    local ref = redis.call('HGET', KEYS[1], ARGV[1])
    if not ref then return 0 end
    if jobExists(ARGV[2], ref) then return 1 end
    redis.call('HDEL', KEYS[1], ARGV[1])
    return 0`,
});
