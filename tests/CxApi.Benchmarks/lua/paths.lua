-- wrk script: GETs the paths listed in <file> (one a line) in turn, each thread from its own place in the list.
-- Usage: wrk -s paths.lua <url> -- <runTag> <file>
-- Headers (X-Api-Key) come from wrk -H. Prints "non2xx: N" (and the first failure) when done.

dofile(string.match(debug.getinfo(1, "S").source, "^@(.-)[^/]*$") .. "common.lua")

function init(args)
  paths = {}
  for line in io.lines(args[2]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  at = (tid * math.floor(#paths / 2)) % #paths
  bad, first_bad = 0, ""
end

function request()
  at = at % #paths + 1
  return wrk.format("GET", paths[at])
end

function response(status, headers, body)
  if status < 200 or status > 299 then failed(status, paths[at] .. " " .. (body or "")) end
end

function done(summary, latency, requests)
  report()
end
