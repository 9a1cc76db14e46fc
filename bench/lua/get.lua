-- A plain GET of the URL's path (for /healthz), with the RESULT line.
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua"
local common = require("common")
done = common.report
