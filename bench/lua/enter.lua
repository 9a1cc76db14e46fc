-- POST /api/v1/queue/enter, each thread walking its own share of a token file once.
-- Args: token file, thread count. Prints GRANTED lines: the grants per wall-clock second.
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua"
local common = require("common")
local threads, counter = {}, 0
local tokens, next_index, step
granted_by_second = {}

function setup(thread)
  counter = counter + 1
  thread:set("slot", counter)
  table.insert(threads, thread)
end

function init(args)
  tokens = common.load(args[1])
  step = tonumber(args[2])
  next_index = slot
  math.randomseed(os.time() + slot)
end

function request()
  local token = tokens[next_index] or tokens[#tokens]
  next_index = next_index + step
  return wrk.format("POST", "/api/v1/queue/enter",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = common.uuid()},
    '{"waiting_token":"' .. token .. '"}')
end

function response(status)
  if status == 200 then
    local s = os.time()
    granted_by_second[s] = (granted_by_second[s] or 0) + 1
  end
end

function done(summary, latency, requests)
  common.report(summary, latency)
  local merged = {}
  for _, t in ipairs(threads) do
    for s, n in pairs(t:get("granted_by_second")) do merged[s] = (merged[s] or 0) + n end
  end
  for s, n in pairs(merged) do io.write(string.format("GRANTED second=%d count=%d\n", s, n)) end
end
