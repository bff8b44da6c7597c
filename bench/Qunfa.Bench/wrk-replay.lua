-- Replays pre-signed raw HTTP requests, each once: thread n reads "<prefix>.<n>", a sequence of
-- "<length>\n<request bytes>". Used by WrkReplay.cs; the prefix comes after "--" on wrk's command line.
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

local requests = {}
local i = 0

function init(args)
  local file = assert(io.open(args[1] .. "." .. id, "rb"))
  local data = file:read("*a")
  file:close()
  local pos = 1
  while pos <= #data do
    local newline = data:find("\n", pos, true)
    local length = tonumber(data:sub(pos, newline - 1))
    requests[#requests + 1] = data:sub(newline + 1, newline + length)
    pos = newline + length + 1
  end
end

function request()
  i = i + 1
  -- Past the end a request goes again and is refused as a replay; WrkReplay reports that the run ran out.
  if i > #requests then i = 1 end
  return requests[i]
end
