-- Shared by the benchmark's wrk scripts (src/bench/run.sh loads it with dofile).
-- Each thread gets its own deterministic random sequence; done() prints one machine-readable line:
-- BENCH_RESULT requests duration_us p50_us p99_us non2xx connect read write timeout
local threads_started = 0

function setup(thread)
   thread:set("tid", threads_started)
   threads_started = threads_started + 1
end

function seed_thread()
   math.randomseed(tonumber(os.getenv("BENCH_SEED") or "42") * 1000 + (tid or 0))
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("BENCH_RESULT\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      e.status, e.connect, e.read, e.write, e.timeout))
end
