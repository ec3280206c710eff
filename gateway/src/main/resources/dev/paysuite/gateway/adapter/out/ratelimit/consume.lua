-- Counts one request against a rate-limit bucket if it has room, atomically.
--
-- A bucket is two fixed windows: the main one (limit per window) and a burst one (burst per second).
-- A request is admitted only if both have room, and only admitted requests are counted. With a guard
-- (KEYS[3], KEYS[4]), the request is refused while the guard bucket has no room; the guard is not counted.
--
-- KEYS[1], KEYS[2]  main and burst counters of the bucket
-- KEYS[3], KEYS[4]  main and burst counters of the guard (optional)
-- ARGV              limit, window ms, burst, burst window ms [, guard limit, guard window ms, guard burst]
-- Returns           {refused_by (0 none, 1 bucket, 2 guard), used, window ms left, blocking ms left}
--                   where used and window ms left describe the guard when it refused, the bucket otherwise.

local burst_window = tonumber(ARGV[4])

local function read(main_key, burst_key, window)
  local used = tonumber(redis.call('GET', main_key) or '0')
  local bursted = tonumber(redis.call('GET', burst_key) or '0')
  local window_left = redis.call('PTTL', main_key)
  if window_left == -1 then
    -- A counter without an expiry would block for ever; give it the window it should have had.
    redis.call('PEXPIRE', main_key, window)
  end
  if window_left < 0 then window_left = window end
  local burst_left = redis.call('PTTL', burst_key)
  if burst_left == -1 then redis.call('PEXPIRE', burst_key, burst_window) end
  if burst_left < 0 then burst_left = burst_window end
  return used, bursted, window_left, burst_left
end

if #KEYS == 4 then
  local limit, window, burst = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
  local used, bursted, window_left, burst_left = read(KEYS[3], KEYS[4], window)
  if used >= limit then return {2, used, window_left, window_left} end
  if bursted >= burst then return {2, used, window_left, burst_left} end
end

local limit, window, burst = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local used, bursted, window_left, burst_left = read(KEYS[1], KEYS[2], window)
if used >= limit then return {1, used, window_left, window_left} end
if bursted >= burst then return {1, used, window_left, burst_left} end

used = redis.call('INCR', KEYS[1])
if used == 1 then
  redis.call('PEXPIRE', KEYS[1], window)
  window_left = window
end
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], burst_window) end
return {0, used, window_left, 0}
