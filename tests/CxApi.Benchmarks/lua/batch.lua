-- wrk script: POST /v1/responses/batch with <size> new items per request (unique externalIds).
-- Usage: wrk -s batch.lua <url>/v1/responses/batch -- <runTag> <surveyId> <size>
-- Counts non-2xx responses and 2xx responses whose batch reports failed items; prints both when done.

dofile(string.match(debug.getinfo(1, "S").source, "^@(.-)[^/]*$") .. "common.lua")

function init(args)
  run, survey, size = args[1], args[2], tonumber(args[3])
  sent, bad, partial, first_bad = 0, 0, 0, ""
  local channels, regions, products = { "email", "chat", "phone", "web" }, { "emea", "amer", "apac" }, { "app", "web" }
  -- Live data, as a partner's sync sends it: every item answered in the last minute. Only the externalIds
  -- change per request, so building a body costs the load generator little (it shares the two cores).
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
  head, parts = {}, {}
  for i = 1, size do
    head[i] = '{"surveyId":"' .. survey .. '","score":' .. (i % 11) .. ',"channel":"' .. channels[i % 4 + 1] ..
      '","region":"' .. regions[i % 3 + 1] .. '","product":"' .. products[i % 2 + 1] .. '","tags":[' ..
      (i % 5 == 0 and '"a"' or '') .. '],"respondedAt":"' .. at .. '","externalId":"wrkb-' .. run .. '-' .. tid .. '-'
  end
end

function request()
  sent = sent + 1
  local tag = sent .. '-'
  for i = 1, size do parts[i] = head[i] .. tag .. i .. '"}' end
  return wrk.format("POST", nil, nil, '{"items":[' .. table.concat(parts, ",") .. ']}')
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    failed(status, body)
  elseif not string.find(body or "", '"failed":0,', 1, true) then
    partial = partial + 1
    remember(status, body)
  end
end

function done(summary, latency, requests)
  report()
  io.write("batches-with-failed-items: " .. sum("partial") .. "\n")
end
