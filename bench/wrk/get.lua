-- A plain GET, every connection with its own target (path and session cookie).
-- Usage: wrk -tN -cN -s get.lua URL -- targets.lua   (one thread per connection)
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "common.lua")

function init(args)
  local target = pick_target(args)
  wrk.path = target.path
  if target.cookie ~= "" then wrk.headers["Cookie"] = target.cookie end
end

function response(status, headers, body)
  tally(status, headers)
end
