// Two small HTTP relays around the Prism validation proxy, so every request is recorded with the
// violations Prism found for it and the server receives the bytes the client sent:
//
//   client ──► front (records) ──► prism proxy (validates) ──► back (restores the body) ──► server
//
// Prism parses a JSON request body and sends JSON.stringify of it upstream, which changes what a
// deliberately odd request means (a property given twice loses one copy, 1e309 becomes null), and it
// refuses a body that is not JSON outright. So the front relay keeps each request's raw body under an
// id, hands Prism a parsable stand-in (a malformed JSON body goes as text/plain, which Prism reports
// as a request violation), and the back relay puts the original bytes and Content-Type back.
//
// Two request headers steer the record and are removed before Prism sees them:
//   X-Prism-Expect-Invalid: <why>   the request is invalid on purpose (the checker then allows
//                                   request violations if, and only if, the server answered 4xx)
//   X-Prism-Source: <name>          which traffic the request belongs to (default "http/")
//
// Usage: node recorder.mjs <frontPort> <prismPort> <backPort> <upstreamUrl> <records.jsonl>
// Every finished exchange is appended to records.jsonl as one JSON line.
import http from 'node:http';
import fs from 'node:fs';

const [frontPort, prismPort, backPort, upstream, recordsFile] = process.argv.slice(2);
if (!recordsFile) {
  console.error('usage: recorder.mjs <frontPort> <prismPort> <backPort> <upstreamUrl> <records.jsonl>');
  process.exit(2);
}
const upstreamUrl = new URL(upstream);
const out = fs.createWriteStream(recordsFile, { flags: 'a' });
const pending = new Map(); // id → { body: Buffer, contentType }
let seq = 0;

const readBody = req =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const isJsonType = ct => /^application\/([\w.-]+\+)?json\b/i.test(ct ?? '');

function relay(port, req, headers, body) {
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: port.host, port: port.port, method: req.method, path: req.url, headers },
      res => readBody(res).then(b => resolve({ res, body: b }), reject),
    );
    r.on('error', reject);
    r.end(body);
  });
}

function withoutHopByHop(h) {
  const copy = { ...h };
  for (const k of ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer'])
    delete copy[k];
  return copy;
}

function parseViolations(value) {
  if (!value) return [];
  try {
    return JSON.parse(value);
  } catch {
    // Prism cuts the header at 8 KB ("Too many violations! …"): keep every whole entry, and say more were lost.
    const found = [];
    for (const m of value.matchAll(/\{"location":\[[^\]]*\],"severity":"[^"]*","code":[^,]*,"message":"(?:[^"\\]|\\.)*"\}/g))
      try { found.push(JSON.parse(m[0])); } catch { /* a cut entry */ }
    found.push({ location: ['response'], severity: 'Error', code: 'truncated', message: 'Prism cut its sl-violations header at 8 KB; more violations were not reported' });
    return found;
  }
}

// front: record and pass to Prism
http
  .createServer(async (req, res) => {
    const id = String(++seq);
    try {
      const body = await readBody(req);
      const expectInvalid = req.headers['x-prism-expect-invalid'] ?? null;
      const source = req.headers['x-prism-source'] ?? 'http/';
      const headers = withoutHopByHop(req.headers);
      delete headers['x-prism-expect-invalid'];
      delete headers['x-prism-source'];
      pending.set(id, { body, contentType: req.headers['content-type'] });
      headers['x-prism-record-id'] = id;
      if (body.length > 0 && isJsonType(req.headers['content-type'])) {
        try { JSON.parse(body.toString('utf8')); } catch { headers['content-type'] = 'text/plain'; }
      }
      if (body.length > 0) headers['content-length'] = String(body.length);
      const started = Date.now();
      const { res: pres, body: pbody } = await relay({ host: '127.0.0.1', port: prismPort }, req, headers, body);
      const violations = parseViolations(pres.headers['sl-violations']);
      out.write(JSON.stringify({
        seq: Number(id), source, method: req.method, url: req.url, status: pres.statusCode,
        contentType: pres.headers['content-type'] ?? null, expectInvalid,
        reachedServer: pending.get(id)?.forwarded === true, ms: Date.now() - started, violations,
      }) + '\n');
      pending.delete(id);
      const h = withoutHopByHop(pres.headers);
      h['content-length'] = String(pbody.length);
      res.writeHead(pres.statusCode, h);
      res.end(pbody);
    } catch (e) {
      pending.delete(id);
      out.write(JSON.stringify({ seq: Number(id), method: req.method, url: req.url, status: 0, error: String(e), violations: [] }) + '\n');
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`prism recorder: ${e}`);
    }
  })
  .listen(Number(frontPort), '127.0.0.1');

// back: put the client's own bytes back and pass to the server
http
  .createServer(async (req, res) => {
    try {
      await readBody(req); // Prism's re-serialised copy, dropped
      const headers = withoutHopByHop(req.headers);
      const id = headers['x-prism-record-id'];
      delete headers['x-prism-record-id'];
      const original = pending.get(id);
      let body = Buffer.alloc(0);
      if (original) {
        original.forwarded = true;
        body = original.body;
        if (original.contentType) headers['content-type'] = original.contentType;
        else delete headers['content-type'];
      }
      if (body.length > 0) headers['content-length'] = String(body.length);
      else delete headers['content-length'];
      headers.host = upstreamUrl.host;
      delete headers['accept-encoding']; // Prism would hand a compressed body on with its Content-Encoding
      const { res: ures, body: ubody } = await relay({ host: upstreamUrl.hostname, port: upstreamUrl.port }, req, headers, body);
      const h = withoutHopByHop(ures.headers);
      h['content-length'] = String(ubody.length);
      res.writeHead(ures.statusCode, h);
      res.end(ubody);
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`prism recorder (back): ${e}`);
    }
  })
  .listen(Number(backPort), '127.0.0.1');

console.log(`recorder: front :${frontPort} → prism :${prismPort} → back :${backPort} → ${upstream}`);
