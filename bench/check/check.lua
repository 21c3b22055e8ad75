-- wrk script for the public check: POSTs the bodies of a file (one JSON
-- object a line) to /api/v1/check in turn, each thread starting at its
-- own place in the file, so that requests cycle through the whole set.
--   wrk -t T -s bench/check/check.lua ... URL -- BODIES-FILE T
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local bodies, n, i = {}, 0, 0

function init(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    n = n + 1
    bodies[n] = line
  end
  f:close()
  -- Spread the threads over the file.
  i = math.floor(n * id / tonumber(args[2] or 1))
  wrk.method = "POST"
  wrk.path = "/api/v1/check"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i + 1
  if i > n then i = 1 end
  return wrk.format(nil, nil, nil, bodies[i])
end
