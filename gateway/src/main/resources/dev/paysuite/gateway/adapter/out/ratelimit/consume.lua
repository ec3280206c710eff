-- Counts one request against a rate-limit bucket if it has room, atomically.
--
-- A bucket is two fixed windows: the main one (limit per window) and a burst one (burst per second).
-- A request is admitted only if both have room, and only admitted requests are counted.
--
-- KEYS[1], KEYS[2]  main and burst counters of the bucket
-- ARGV              limit, window ms, burst, burst window ms
-- Returns           {admitted (1 or 0), used, window ms left, blocking ms left}

local limit, window, burst, burst_window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])

local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local bursted = tonumber(redis.call('GET', KEYS[2]) or '0')
local window_left = redis.call('PTTL', KEYS[1])
if window_left == -1 then
  -- A counter without an expiry would block for ever; give it the window it should have had.
  redis.call('PEXPIRE', KEYS[1], window)
end
if window_left < 0 then window_left = window end
local burst_left = redis.call('PTTL', KEYS[2])
if burst_left == -1 then redis.call('PEXPIRE', KEYS[2], burst_window) end
if burst_left < 0 then burst_left = burst_window end

if used >= limit then return {0, used, window_left, window_left} end
if bursted >= burst then return {0, used, window_left, burst_left} end

used = redis.call('INCR', KEYS[1])
if used == 1 then
  redis.call('PEXPIRE', KEYS[1], window)
  window_left = window
end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], burst_window) end
return {1, used, window_left, 0}
