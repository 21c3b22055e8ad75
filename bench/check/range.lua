-- wrk script for the private range check: GET /api/v1/range/{prefix}
-- with a random 5-hex-digit prefix each time.
function init(args)
  math.randomseed(os.time() + (id or 0) * 7919)
end

local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function request()
  return wrk.format("GET", string.format("/api/v1/range/%05x", math.random(0, 0xfffff)))
end
