-- PATCH BENCH_PATH/{id} with If-Match: each thread walks its own share of the ids N_MIN..N_MAX in turn
-- (thread k of THREADS takes the ids equal to k modulo THREADS), so no two requests in flight name the same
-- task. The version each answer carries is kept per id and sent as If-Match next time; the data set starts
-- at version 0. A 412 (someone else changed the task) makes the next request for that id a GET, which
-- learns the version; both count as requests, the 412 as non-2xx.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local path = os.getenv("BENCH_PATH")
local n_min = tonumber(os.getenv("N_MIN") or "1")
local n_max = tonumber(os.getenv("N_MAX") or "1")
local threads = tonumber(os.getenv("THREADS") or "1")
local statuses = { "pending", "in-progress", "review", "done", "blocked" }
local priorities = { "low", "medium", "high", "critical" }
local version = {}
local stale = {}
local next_id

function init(args)
   seed_thread()
   next_id = n_min + (tid or 0)
end

function request()
   local id = table.remove(stale)
   if id then
      return wrk.format("GET", path .. "/" .. id)
   end
   id = next_id
   next_id = next_id + threads
   if next_id > n_max then
      next_id = n_min + (tid or 0)
   end
   local body = string.format('{"status":"%s","priority":"%s"}',
      statuses[math.random(#statuses)], priorities[math.random(#priorities)])
   return wrk.format("PATCH", path .. "/" .. id, {
      ["Content-Type"] = "application/merge-patch+json",
      ["If-Match"] = '"' .. (version[id] or 0) .. '"' }, body)
end

function response(status, headers, body)
   if status == 200 then
      local id = body:match('^{"id":"(%d+)"')
      local v = body:match('.*"version":(%d+)')
      if id and v then
         version[tonumber(id)] = tonumber(v)
      end
   elseif status == 412 then
      local id = body:match('"instance":"[^"]*/tasks/(%d+)"')
      if id then
         stale[#stale + 1] = tonumber(id)
      end
   end
end
