/**
 * The store's Lua scripts. Each touches only keys of one policy name, all carrying the same hash
 * tag (`prefix:{name}:…`), so each runs on one node of a Redis Cluster. Windows and ages are
 * measured on the clock of the process that calls (ARGV now); durations other processes act on
 * (a gate's delay, an open breaker's time left) travel as remaining milliseconds, measured by
 * Redis's own clock (key expiry, TIME), so hosts whose clocks disagree still agree on them.
 */
export interface Script {
  readonly name: string;
  readonly source: string;
}

function script(name: string, source: string): Script {
  return { name, source };
}

const shas = new Map<Script, string>();

/** The SHA-1 EVALSHA names a script by, computed once with Web Crypto (no Node-only import in the package's types). */
export async function shaOf(script: Script): Promise<string> {
  const known = shas.get(script);
  if (known !== undefined) return known;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(script.source)));
  const sha = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  shas.set(script, sha);
  return sha;
}

/**
 * Spends ARGV[1] tokens if the bucket holds them. KEYS[1]: the bucket (a number; missing = full).
 * ARGV: cost, capacity, ttlMs, channel, name. A spend that takes a full bucket below capacity says
 * so to the fleet (its processes then start sending the refills their successes earn).
 * Returns {paid 0|1, tokens left}.
 */
export const BUDGET_ACQUIRE = script(
  'budget.acquire',
  `local capacity = tonumber(ARGV[2])
local tokens = tonumber(redis.call('GET', KEYS[1])) or capacity
if tokens > capacity then tokens = capacity end
local cost = tonumber(ARGV[1])
if cost > tokens then return {0, tostring(tokens)} end
local full = tokens >= capacity
tokens = tokens - cost
redis.call('SET', KEYS[1], tostring(tokens), 'PX', ARGV[3])
if full and tokens < capacity then
  redis.call('PUBLISH', ARGV[4], cjson.encode({t = 'budget', n = ARGV[5], full = 0}))
end
return {1, tostring(tokens)}`,
);

/**
 * Gives back ARGV[1] tokens, never past capacity (a missing bucket is already full); 0 just reads
 * the level. A refill that fills the bucket says so to the fleet (its processes stop sending refills).
 * ARGV: amount, capacity, ttlMs, channel, name. Returns the tokens now held.
 */
export const BUDGET_REFILL = script(
  'budget.refill',
  `local capacity = tonumber(ARGV[2])
local tokens = tonumber(redis.call('GET', KEYS[1]))
if tokens == nil then return tostring(capacity) end
if tokens >= capacity then return tostring(capacity) end
tokens = math.min(capacity, tokens + tonumber(ARGV[1]))
if tokens >= capacity then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[4], cjson.encode({t = 'budget', n = ARGV[5], full = 1}))
else
  redis.call('SET', KEYS[1], tostring(tokens), 'PX', ARGV[3])
end
return tostring(tokens)`,
);

/**
 * The gates of one policy name, one per scope (a host; '' for the name-wide one), in one hash:
 * scope → when it opens, on Redis's clock (so hosts whose clocks disagree agree on the time left).
 * ARGV: channel, name, processId, then pairs of scope and delayMs: each closes its scope for that
 * long unless it is already closed for longer (a gate only ever extends), and an extension is
 * published as the delay itself. No pairs: just reads. Expired scopes are dropped, and the key
 * lives as long as its longest gate.
 * Returns every scope still closed and its ms left: {scope, ms, scope, ms…}.
 */
export const GATE_CLOSE = script(
  'gate.close',
  `local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
for i = 4, #ARGV, 2 do
  local scope, delay = ARGV[i], math.ceil(tonumber(ARGV[i + 1]))
  local ends = tonumber(redis.call('HGET', KEYS[1], scope)) or 0
  if delay > 0 and now + delay > ends then
    redis.call('HSET', KEYS[1], scope, string.format('%.0f', now + delay))
    redis.call('PUBLISH', ARGV[1], cjson.encode({t = 'gate', n = ARGV[2], s = scope, ms = delay, p = ARGV[3]}))
  end
end
local open, longest = {}, 0
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local left = tonumber(all[i + 1]) - now
  if left > 0 then
    open[#open + 1] = all[i]
    open[#open + 1] = left
    if left > longest then longest = left end
  else
    redis.call('HDEL', KEYS[1], all[i])
  end
end
if longest > 0 then redis.call('PEXPIRE', KEYS[1], longest) end
return open`,
);

/*
 * Breaker keys: KEYS[1] state (hash: state 'closed'|'open', gen), KEYS[2] open (its TTL is the time
 * left before a probe), KEYS[3] processes (zset: processId → last seen), KEYS[4] failures (zset:
 * processId → last report), KEYS[5] probe (the lock of the one process probing).
 * gen orders the fleet's state changes: it grows with Redis's clock, so it keeps growing after a
 * Redis restart that lost everything, and a process can drop news older than what it knows.
 * Every breaker script takes all five keys and answers {state, gen, ms left open, extra}.
 */
const BREAKER_COMMON = `local function state_of()
  return redis.call('HGET', KEYS[1], 'state') or 'closed', tonumber(redis.call('HGET', KEYS[1], 'gen')) or 0
end
local function left_open()
  local left = redis.call('PTTL', KEYS[2])
  if left < 0 then return 0 end
  return left
end
local function next_gen(gen)
  local time = redis.call('TIME')
  return math.max(gen + 1, tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))
end
local function seen(pid, now, alive_ms, ttl_ms)
  redis.call('ZADD', KEYS[3], now, pid)
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. string.format('%.0f', now - alive_ms))
  redis.call('PEXPIRE', KEYS[3], ttl_ms)
end
local function set_state(state, gen, open_ms, ttl_ms, channel, name, pid)
  local g = string.format('%.0f', gen)
  redis.call('HSET', KEYS[1], 'state', state, 'gen', g)
  redis.call('PEXPIRE', KEYS[1], ttl_ms)
  if state == 'open' then
    redis.call('SET', KEYS[2], g, 'PX', open_ms)
  else
    redis.call('DEL', KEYS[2])
    open_ms = 0
  end
  redis.call('DEL', KEYS[4], KEYS[5])
  redis.call('PUBLISH', channel, cjson.encode({t = 'breaker', n = name, s = state, g = g, ms = open_ms, p = pid}))
  return {state, g, open_ms, 0}
end
`;

/**
 * A process says it is alive and asks the fleet's state (on first use, on a heartbeat, after an outage).
 * ARGV: processId, now, aliveMs, ttlMs.
 */
export const BREAKER_READ = script(
  'breaker.read',
  `${BREAKER_COMMON}
seen(ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4])
local state, gen = state_of()
return {state, string.format('%.0f', gen), left_open(), 0}`,
);

/**
 * A process saw its own run of failures. Its report counts for windowMs; when the processes
 * reporting within the window reach the quorum (a count, or a share of the processes alive but
 * never fewer than two when two or more are alive), the breaker opens for the fleet and says so.
 * ARGV: processId, now, windowMs, quorum, aliveMs, ttlMs, channel, name.
 * The 4th answer is the number of processes reporting.
 */
export const BREAKER_REPORT = script(
  'breaker.report',
  `${BREAKER_COMMON}
local pid, now, window = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
seen(pid, now, tonumber(ARGV[5]), ARGV[6])
local state, gen = state_of()
if state == 'open' then return {state, string.format('%.0f', gen), left_open(), 0} end
redis.call('ZADD', KEYS[4], now, pid)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. string.format('%.0f', now - window))
redis.call('PEXPIRE', KEYS[4], ARGV[6])
local reporting = redis.call('ZCARD', KEYS[4])
local quorum = tonumber(ARGV[4])
local needed = quorum
if quorum < 1 then
  local alive = redis.call('ZCARD', KEYS[3])
  needed = math.max(math.ceil(quorum * alive - 1e-9), math.min(2, alive))
end
if reporting >= needed then return set_state('open', next_gen(gen), window, ARGV[6], ARGV[7], ARGV[8], pid) end
return {state, string.format('%.0f', gen), 0, reporting}`,
);

/**
 * A process whose view is half-open asks to be the fleet's one probe: a lock for lockMs (a probe
 * whose caller vanished frees it then). The caller's clock decides that the open time is over.
 * ARGV: processId, lockMs. The 4th answer is 1 when this process owns the probe; when another one
 * does, the 3rd is the ms its lock has left.
 */
export const BREAKER_PROBE = script(
  'breaker.probe',
  `${BREAKER_COMMON}
local state, gen = state_of()
local g = string.format('%.0f', gen)
if state ~= 'open' then return {state, g, 0, 0} end
if redis.call('SET', KEYS[5], ARGV[1], 'NX', 'PX', ARGV[2]) or redis.call('GET', KEYS[5]) == ARGV[1] then
  return {'half-open', g, 0, 1}
end
return {'half-open', g, math.max(1, redis.call('PTTL', KEYS[5])), 0}`,
);

/**
 * The probe's owner started it: its lock now lasts the probe's whole time (it was taken only for a
 * short grace, so an owner with no call to probe with does not hold the fleet up). ARGV: processId, lockMs.
 */
export const BREAKER_HOLD = script(
  'breaker.hold',
  `if redis.call('GET', KEYS[5]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[5], ARGV[2])
  return 1
end
return 0`,
);

/**
 * The probe's verdict: 'closed' closes the fleet's breaker, 'open' opens it again for windowMs.
 * A verdict from a process that does not hold the lock while another one does is ignored.
 * ARGV: processId, verdict, windowMs, ttlMs, channel, name.
 */
export const BREAKER_SETTLE = script(
  'breaker.settle',
  `${BREAKER_COMMON}
local state, gen = state_of()
if state ~= 'open' then return {state, string.format('%.0f', gen), 0, 0} end
local owner = redis.call('GET', KEYS[5])
if owner and owner ~= ARGV[1] then return {state, string.format('%.0f', gen), left_open(), 0} end
return set_state(ARGV[2], next_gen(gen), tonumber(ARGV[3]), ARGV[4], ARGV[5], ARGV[6], ARGV[1])`,
);

/**
 * A process withdraws its failure report (its own probe succeeded) or, leaving, also its
 * heartbeat. ARGV: processId, leaving 0|1.
 */
export const BREAKER_FORGET = script(
  'breaker.forget',
  `redis.call('ZREM', KEYS[4], ARGV[1])
if ARGV[2] == '1' then
  redis.call('ZREM', KEYS[3], ARGV[1])
  if redis.call('GET', KEYS[5]) == ARGV[1] then redis.call('DEL', KEYS[5]) end
end
return 1`,
);
