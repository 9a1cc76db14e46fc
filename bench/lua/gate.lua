-- GET /gate/check as nginx's auth_request asks it, for a protected path, with one of the valid
-- session cookies in the file (one "name=value" per line). Args: cookie file, host, path.
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua"
local common = require("common")
local cookies, host, path

function init(args)
  cookies = common.load(args[1])
  host = args[2]
  path = args[3]
  math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("GET", "/gate/check?proxy=nginx", {
    ["X-Forwarded-Method"] = "GET",
    ["X-Forwarded-Proto"] = "https",
    ["X-Forwarded-Host"] = host,
    ["X-Forwarded-Uri"] = path,
    ["X-Forwarded-For"] = "203.0.113.7",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120",
    ["Cookie"] = "theme=dark; " .. cookies[math.random(#cookies)],
  })
end

done = common.report
