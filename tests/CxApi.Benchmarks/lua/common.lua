-- Shared by the wrk scripts (loaded with dofile from the script's own folder): thread ids, counting failed
-- responses per thread (bad, first_bad), and the summary lines Wrk.cs parses.

threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- Keeps the first failure of this thread for the report.
function remember(status, text)
  if first_bad == "" then first_bad = status .. " " .. string.sub(text or "", 1, 400) end
end

function failed(status, text)
  bad = bad + 1
  remember(status, text)
end

-- The sum of a thread counter over all threads.
function sum(name)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get(name) end
  return total
end

-- Prints "non2xx: N" and the first failure any thread saw.
function report()
  local first = ""
  for _, t in ipairs(threads) do
    if first == "" then first = t:get("first_bad") end
  end
  io.write("non2xx: " .. sum("bad") .. "\n")
  if first ~= "" then io.write("first-non2xx: " .. string.gsub(first, "\n", " ") .. "\n") end
end
