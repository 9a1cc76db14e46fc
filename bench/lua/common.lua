-- Shared by the wrk scripts: loads a token file and prints one machine-readable RESULT line.
local M = {}

function M.load(path)
  local list = {}
  local f = assert(io.open(path, "r"))
  for line in f:lines() do
    if line ~= "" then list[#list + 1] = line end
  end
  f:close()
  return list
end

function M.uuid()
  return string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff),
    math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    math.random(0, 0xffffffffff))
end

function M.report(summary, latency)
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests, failed))
end

return M
