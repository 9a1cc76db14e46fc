-- POST /api/v1/queue/join into one event, a fresh Idempotency-Key each time. Args: event id,
-- optional file to append the waiting tokens to (one per line).
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua"
local common = require("common")
local body, out

function init(args)
  body = '{"event_id":"' .. args[1] .. '","user_id":"anonymous"}'
  if args[2] then out = assert(io.open(args[2], "a")) end
  math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("POST", "/api/v1/queue/join",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = common.uuid()}, body)
end

function response(status, headers, resp)
  if out and status == 202 then
    local token = resp:match('"waiting_token":"([^"]+)"')
    if token then out:write(token, "\n") end
  end
end

done = common.report
