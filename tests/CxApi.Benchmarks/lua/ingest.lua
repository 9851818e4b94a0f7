-- wrk script: POST /v1/responses with a unique body per request.
-- Usage: wrk -s ingest.lua <url>/v1/responses -- <runTag> <surveyId>
-- Headers (Content-Type, X-Api-Key) come from wrk -H. Prints "non2xx: N" (and the first failure) when done.

dofile(string.match(debug.getinfo(1, "S").source, "^@(.-)[^/]*$") .. "common.lua")

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
  if status < 200 or status > 299 then failed(status, body) end
end

function done(summary, latency, requests)
  report()
end
