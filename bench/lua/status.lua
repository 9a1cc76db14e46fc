-- GET /api/v1/queue/status for a random real waiting token. Args: token file.
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua"
local common = require("common")
local tokens

function init(args)
  tokens = common.load(args[1])
  math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("GET", "/api/v1/queue/status?token=" .. tokens[math.random(#tokens)])
end

done = common.report
