-- Shared by get.lua and step.lua: one wrk thread per connection, per-thread tallies,
-- and one JSON line ("BENCH_JSON {...}") printed by done() for bench/run.py to read.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")

function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local function encode(value)
  local kind = type(value)
  if kind == "number" then
    if value ~= value or value == math.huge or value == -math.huge then return "null" end
    return string.format("%.17g", value)
  elseif kind == "string" then
    return '"' .. value:gsub('[%c"\\]', function(c)
      return string.format("\\u%04x", c:byte())
    end) .. '"'
  elseif kind == "boolean" then
    return tostring(value)
  elseif kind == "table" then
    if #value > 0 or next(value) == nil then
      local items = {}
      for i = 1, #value do items[i] = encode(value[i]) end
      return "[" .. table.concat(items, ",") .. "]"
    end
    local items = {}
    for k, v in pairs(value) do
      items[#items + 1] = encode(tostring(k)) .. ":" .. encode(v)
    end
    return "{" .. table.concat(items, ",") .. "}"
  end
  return "null"
end
json_encode = encode

-- Every connection's own target (cookie, path, learner) comes from a Lua file that
-- bench/run.py writes: `return { {path=..., cookie=...}, ... }`.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

statuses = {}
queries = { sum = 0, n = 0 }

function tally(status, headers)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  local q = headers["X-Queries"]
  if q then
    queries.sum = queries.sum + tonumber(q)
    queries.n = queries.n + 1
  end
end

function pick_target(args)
  local targets = dofile(args[1])
  return targets[(id - 1) % #targets + 1]
end

-- Names of extra per-thread values to collect in done() (step.lua adds its own).
extra_fields = extra_fields or {}

function done(summary, latency, requests)
  local out = {
    requests = summary.requests,
    duration_us = summary.duration,
    bytes = summary.bytes,
    errors = {
      connect = summary.errors.connect,
      read = summary.errors.read,
      write = summary.errors.write,
      status = summary.errors.status,
      timeout = summary.errors.timeout,
    },
    latency_us = {
      p50 = latency:percentile(50),
      p95 = latency:percentile(95),
      p99 = latency:percentile(99),
      mean = latency.mean,
      max = latency.max,
    },
    statuses = {},
    queries = { sum = 0, n = 0 },
    threads = {},
  }
  for _, thread in ipairs(threads) do
    local st = thread:get("statuses") or {}
    for k, v in pairs(st) do out.statuses[k] = (out.statuses[k] or 0) + v end
    local q = thread:get("queries") or { sum = 0, n = 0 }
    out.queries.sum = out.queries.sum + q.sum
    out.queries.n = out.queries.n + q.n
    local extra = {}
    for _, name in ipairs(extra_fields) do extra[name] = thread:get(name) end
    out.threads[#out.threads + 1] = extra
  end
  io.write("BENCH_JSON " .. encode(out) .. "\n")
end
