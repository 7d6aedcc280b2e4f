-- POST BENCH_PATH (a tag's tasks): a new top-level task with a random title (~40 characters), a description
-- (~200) and a priority; the service numbers it.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local path = os.getenv("BENCH_PATH")
local words = { "account", "api", "audit", "billing", "cache", "checkout", "client", "config", "cursor",
   "database", "deploy", "endpoint", "export", "filter", "gateway", "import", "index", "invoice", "login",
   "metric", "migration", "order", "page", "parser", "payment", "pool", "query", "queue", "report", "retry",
   "schema", "search", "session", "storage", "token", "upload", "user", "webhook", "worker" }
local priorities = { "low", "medium", "medium", "high", "critical" }

local function phrase(length)
   local parts, size = {}, 0
   while size < length do
      local w = words[math.random(#words)]
      parts[#parts + 1] = w
      size = size + #w + 1
   end
   return table.concat(parts, " ")
end

function init(args)
   seed_thread()
end

function request()
   local body = string.format('{"title":"Add %s","description":"%s.","priority":"%s"}',
      phrase(36), phrase(200), priorities[math.random(#priorities)])
   return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
