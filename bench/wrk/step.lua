-- The full scenario step with many learners playing at once.
-- Each connection (one per wrk thread) is its own learner with its own attempt: it GETs the
-- current node, POSTs a choice with the attempt's step number, and GETs the next node; at an
-- ending (the node GET redirects to the result) it starts a new attempt.
-- A "step" is the POST plus the GET of the next node; its latency runs from sending the
-- POST to receiving that GET's response. The redirect after the POST (to the feedback page)
-- is not followed: the step goes straight on to the next node.
-- Usage: wrk -tN -cN -s step.lua URL -- targets.lua   (targets: cookie, csrf, start)
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "common.lua")

extra_fields = { "steps", "starts", "finished", "stale", "unexpected", "step_lat",
                 "post_lat", "node_lat", "post_q", "node_q", "start_q", "last_error" }

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local target
local phase = "start"     -- what the next request is: start, node or post
local attempt_path = nil
local step_no, choice = nil, nil
local sent_at, step_started = 0, nil
steps, starts, finished, stale, unexpected = 0, 0, 0, 0, 0
step_lat, post_lat, node_lat = {}, {}, {}
post_q, node_q, start_q = { sum = 0, n = 0 }, { sum = 0, n = 0 }, { sum = 0, n = 0 }
last_error = ""

function init(args)
  target = pick_target(args)
  math.randomseed(id * 7919)
end

local function form_headers()
  return {
    ["Cookie"] = target.cookie,
    ["X-CSRFToken"] = target.csrf,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
end

function request()
  sent_at = now_us()
  if phase == "start" then
    return wrk.format("POST", target.start, form_headers(), "")
  elseif phase == "post" then
    step_started = sent_at
    local body = "step=" .. step_no .. "&choice=" .. urlencode(choice)
    return wrk.format("POST", attempt_path, form_headers(), body)
  end
  return wrk.format("GET", attempt_path, { ["Cookie"] = target.cookie })
end

local function add_q(bucket, headers)
  local q = headers["X-Queries"]
  if q then bucket.sum = bucket.sum + tonumber(q); bucket.n = bucket.n + 1 end
end

local function fail(what)
  unexpected = unexpected + 1
  last_error = what
end

function response(status, headers, body)
  local took = now_us() - sent_at
  tally(status, headers)
  if phase == "start" then
    add_q(start_q, headers)
    if status == 302 and headers["Location"] then
      starts = starts + 1
      attempt_path = headers["Location"]:gsub("^https?://[^/]+", "")
      phase = "node"
    else
      fail("start answered " .. status)
    end
  elseif phase == "post" then
    add_q(post_q, headers)
    post_lat[#post_lat + 1] = took / 1000
    if status ~= 302 then
      if status == 409 then stale = stale + 1 else fail("choice answered " .. status) end
      step_started = nil
    end
    phase = "node"
  else -- node
    add_q(node_q, headers)
    node_lat[#node_lat + 1] = took / 1000
    if step_started then
      steps = steps + 1
      step_lat[#step_lat + 1] = (now_us() - step_started) / 1000
      step_started = nil
    end
    if status == 200 then
      step_no = body:match('name="step" value="(%d+)"')
      local choices = {}
      for key in body:gmatch('name="choice" value="([^"]+)"') do choices[#choices + 1] = key end
      if step_no and #choices > 0 then
        choice = choices[math.random(#choices)]
        phase = "post"
      else
        fail("node page without a step form")
        phase = "start"
      end
    elseif status == 302 then
      finished = finished + 1 -- the attempt is over: its page redirects to the result
      phase = "start"
    else
      fail("node answered " .. status)
      phase = "start"
    end
  end
end
