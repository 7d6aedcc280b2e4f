-- GET BENCH_PATH with {n} replaced by a random whole number in N_MIN..N_MAX (a task id, a page).
-- Without {n} the same path every time (next).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local path = os.getenv("BENCH_PATH")
local n_min = tonumber(os.getenv("N_MIN") or "1")
local n_max = tonumber(os.getenv("N_MAX") or "1")

function init(args)
   seed_thread()
end

function request()
   return wrk.format("GET", (path:gsub("{n}", tostring(math.random(n_min, n_max)))))
end
