-- wrk script: POST /v1/responses with a unique body per request.
-- Usage: wrk -s ingest.lua <url>/v1/responses -- <runTag> <surveyId>
-- Headers (Content-Type, X-Api-Key) come from wrk -H. Prints "non2xx: N" (and the first failure) when done.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  run, survey = args[1], args[2]
  sent, bad, first_bad = 0, 0, ""
  channels = { "email", "chat", "phone", "web" }
end

function request()
  sent = sent + 1
  local body = '{"surveyId":"' .. survey .. '","score":' .. (sent % 11) ..
    ',"channel":"' .. channels[sent % 4 + 1] .. '","region":"emea","product":"app","tags":[]' ..
    ',"respondedAt":"2026-10-15T12:00:00Z","externalId":"wrk-' .. run .. '-' .. tid .. '-' .. sent .. '"}'
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
    if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 400) end
  end
end

function done(summary, latency, requests)
  local total, first = 0, ""
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
    if first == "" then first = t:get("first_bad") end
  end
  io.write("non2xx: " .. total .. "\n")
  if first ~= "" then io.write("first-non2xx: " .. string.gsub(first, "\n", " ") .. "\n") end
end
