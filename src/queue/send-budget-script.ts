/**
 * `RedisSendBudget.reserve` as one Lua script: the same rule as the in-process SlotLog (a new slot
 * keeps every limit when it is at least a window after the limit-th last slot; tenant slots are
 * paced, wider after a quiet spell), on lists of slot times that every replica books into.
 * KEYS: tenant log, tenant meta (paused, warm), conversation log.
 * ARGV: now, marginMs, paceMs, coldFactor, coldSpanMs, then each limit list as count, limit, windowMs, ...
 * Returns {1, at} (booked) or {0, retryAt}; times as strings (Lua would truncate numbers).
 */
export const RESERVE_SCRIPT = `
local now = tonumber(ARGV[1])
local margin = tonumber(ARGV[2])
local pace = tonumber(ARGV[3])
local factor = tonumber(ARGV[4])
local span = tonumber(ARGV[5])
local i = 6
local function limits()
  local n = tonumber(ARGV[i]); i = i + 1
  local list, most, longest = {}, 0, 0
  for j = 1, n do
    list[j] = { tonumber(ARGV[i]), tonumber(ARGV[i + 1]) }
    most = math.max(most, list[j][1]); longest = math.max(longest, list[j][2])
    i = i + 2
  end
  return list, most, longest
end
local tenantLimits, tenantMost, tenantLongest = limits()
local convLimits, convMost, convLongest = limits()
local function earliest(key, list, from, gap)
  local n = redis.call('LLEN', key)
  if n == 0 then return from end
  local at = math.max(from, tonumber(redis.call('LINDEX', key, -1)) + gap)
  for _, l in ipairs(list) do
    if n >= l[1] then at = math.max(at, tonumber(redis.call('LINDEX', key, -l[1])) + l[2] + margin) end
  end
  return at
end
local paused = tonumber(redis.call('HGET', KEYS[2], 'paused') or '0')
local warm = tonumber(redis.call('HGET', KEYS[2], 'warm') or '-1')
local lastRaw = redis.call('LINDEX', KEYS[1], -1)
local last = lastRaw and tonumber(lastRaw) or nil
local gap = pace
if last and last < warm then gap = pace * factor end
local tenantAt = earliest(KEYS[1], tenantLimits, math.max(now, paused), gap)
local convAt = earliest(KEYS[3], convLimits, now, 0)
if convAt > tenantAt then return { 0, string.format('%.3f', convAt) } end
if span > 0 and (not last or tenantAt - last > span) then redis.call('HSET', KEYS[2], 'warm', string.format('%.3f', tenantAt + span)) end
local slot = string.format('%.3f', tenantAt)
redis.call('RPUSH', KEYS[1], slot)
redis.call('LTRIM', KEYS[1], -tenantMost, -1)
redis.call('RPUSH', KEYS[3], slot)
redis.call('LTRIM', KEYS[3], -convMost, -1)
-- Idle logs go away once no window can see them (slots may be booked ahead of now).
local keep = math.ceil(tenantAt - now) + tenantLongest + margin + 60000
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('PEXPIRE', KEYS[2], math.max(keep, math.ceil(paused - now) + 60000))
redis.call('PEXPIRE', KEYS[3], math.ceil(tenantAt - now) + convLongest + margin + 60000)
return { 1, slot }
`;

/** Raises the tenant's pause to ARGV[1] (never lowers it) and keeps the key at least that long. KEYS: tenant meta. */
export const PAUSE_SCRIPT = `
local till = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'paused') or '0')
if till > current then redis.call('HSET', KEYS[1], 'paused', string.format('%.3f', till)) end
local ttl = redis.call('PTTL', KEYS[1])
local time = redis.call('TIME')
local need = math.ceil(till - (tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))) + 60000
if ttl < need then redis.call('PEXPIRE', KEYS[1], need) end
return 1
`;
