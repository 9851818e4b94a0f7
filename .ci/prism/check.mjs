// Reads the recorder's records and the OpenAPI document; prints what was sent, what was covered and
// every Prism violation grouped by operation and kind; exits 1 on any violation that is not allowed.
//
// The rule: a RESPONSE violation is never allowed. A REQUEST violation (including "route not found"
// for a /v1 path) is allowed only when the request was marked invalid on purpose — by the traffic
// script's X-Prism-Expect-Invalid header, or for http/ requests by an entry of expected-invalid.json —
// AND the server rejected it with a 4xx. A request that never got an answer is a failure too.
// Requests outside /v1 that the document does not describe (Swagger UI, the document itself) are only
// counted.
// Usage: node check.mjs <openapi.json> <records.jsonl> [expected-invalid.json]
import fs from 'node:fs';

const [docFile, recordsFile, allowFile] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(docFile, 'utf8'));
const records = fs.readFileSync(recordsFile, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
const allow = allowFile && fs.existsSync(allowFile) ? JSON.parse(fs.readFileSync(allowFile, 'utf8')) : [];

const operations = [];
for (const [path, item] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(item)) {
    if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) continue;
    const re = new RegExp('^' + path.split(/\{[^}]+\}/).map(s => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+') + '$');
    operations.push({ method: method.toUpperCase(), path, id: op.operationId ?? `${method} ${path}`, re, templated: (path.match(/\{/g) ?? []).length });
  }
const operationOf = (method, pathname) =>
  operations.filter(o => o.method === method && o.re.test(pathname)).sort((a, b) => a.templated - b.templated)[0];

const covered = new Map();
const groups = new Map(); // "op | status | kind | location | message" → { count, allowed, example }
let disallowed = 0;
const bySource = {};

for (const r of records) {
  const pathname = new URL(r.url, 'http://x').pathname;
  const op = operationOf(r.method, pathname);
  const opName = op ? `${op.id} (${r.method} ${op.path})` : `${r.method} ${pathname} (not in the document)`;
  bySource[r.source ?? '?'] = (bySource[r.source ?? '?'] ?? 0) + 1;
  if (op) covered.set(op.id, (covered.get(op.id) ?? 0) + 1);
  const marked =
    r.expectInvalid ??
    (r.source === 'http/' ? allow.find(a => a.method === r.method && new RegExp(a.path).test(pathname))?.why : null) ??
    null;
  const rejected = r.status >= 400 && r.status < 500;
  const violations = [...(r.violations ?? [])];
  if (r.error) violations.push({ location: ['request'], severity: 'Error', message: `no answer through Prism: ${r.error}` });
  for (const v of violations) {
    const side = v.location?.[0] === 'response' ? 'response' : 'request';
    const unrouted = v.message === 'Selected route not found';
    let ok;
    if (unrouted && !pathname.startsWith('/v1/') && pathname !== '/v1') ok = true;
    else if (side === 'response') ok = false;
    else ok = Boolean(marked) && rejected;
    // one group per operation, status, side and JSON path (array indices folded)
    const location = (v.location ?? []).join('.').replace(/\.\d+(?=\.|$)/g, '[]');
    const message = String(v.message).replace(/\.\d+(?=[.\s]|$)/g, '[]');
    const key = [opName, r.status, side, location, message].join(' | ');
    const g = groups.get(key) ?? { opName, status: r.status, side, location, message, count: 0, allowed: 0, example: null, why: marked };
    g.count++;
    if (ok) g.allowed++;
    else {
      disallowed++;
      g.example ??= `#${r.seq} ${r.source} ${r.method} ${r.url}${marked && side === 'request' ? ` (marked invalid: ${marked})` : ''}`;
    }
    groups.set(key, g);
  }
}

const missing = operations.filter(o => !covered.has(o.id));
console.log(`\nPrism contract check: ${records.length} requests (${Object.entries(bySource).map(([s, n]) => `${s} ${n}`).join(', ')}), ` +
  `${covered.size}/${operations.length} operations covered`);
if (missing.length) console.log(`  not covered: ${missing.map(o => `${o.id} (${o.method} ${o.path})`).join(', ')}`);

const sorted = [...groups.values()].sort((a, b) => a.opName.localeCompare(b.opName) || a.status - b.status || a.location.localeCompare(b.location));
let lastOp = null;
const bad = sorted.filter(g => g.count > g.allowed);
const fine = sorted.filter(g => g.count === g.allowed);
console.log(`\nViolations not allowed: ${disallowed} in ${bad.length} distinct (operation, status, kind, JSON path, message)`);
for (const g of bad) {
  if (g.opName !== lastOp) console.log(`\n  ${g.opName}`);
  lastOp = g.opName;
  console.log(`    ${g.status} ${g.side.padEnd(8)} ${g.location} — ${g.message} ×${g.count - g.allowed}   e.g. ${g.example}`);
}
console.log(`\nAllowed (request invalid on purpose and rejected with 4xx, or a page outside /v1): ${fine.reduce((n, g) => n + g.count, 0)} in ${fine.length} distinct`);
lastOp = null;
for (const g of fine) {
  if (g.opName !== lastOp) console.log(`  ${g.opName}`);
  lastOp = g.opName;
  console.log(`    ${g.status} ${g.side} ${g.location} — ${g.message} ×${g.count}${g.why ? ` (${g.why})` : ''}`);
}
if (process.env.PRISM_CHECK_JSON) fs.writeFileSync(process.env.PRISM_CHECK_JSON, JSON.stringify(sorted, null, 1));
const failed = disallowed > 0 || missing.length > 0;
console.log(failed ? `\nPrism contract check FAILED (${disallowed} violation(s) not allowed${missing.length ? `, ${missing.length} operation(s) not covered` : ''})` : '\nPrism contract check passed');
process.exit(failed ? 1 : 0);
