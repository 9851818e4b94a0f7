// Calls every operation of the OpenAPI document through the Prism recorder, happy paths and error
// cases, and fails if any operation in the document was not called at least once.
// A request that is invalid on purpose carries X-Prism-Expect-Invalid (the recorder strips it).
// Usage: node traffic.mjs <openapi.json> <baseUrl>   (admin key in CX_API_KEY)
import fs from 'node:fs';
import crypto from 'node:crypto';

const [docFile, base] = process.argv.slice(2);
const admin = process.env.CX_API_KEY;
if (!docFile || !base || !admin) {
  console.error('usage: CX_API_KEY=… node traffic.mjs <openapi.json> <baseUrl>');
  process.exit(2);
}
const doc = JSON.parse(fs.readFileSync(docFile, 'utf8'));

// operations of the document, each with a matcher for concrete paths
const operations = [];
for (const [path, item] of Object.entries(doc.paths))
  for (const [method, op] of Object.entries(item)) {
    if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) continue;
    const re = new RegExp('^' + path.split(/\{[^}]+\}/).map(s => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+') + '$');
    operations.push({ method: method.toUpperCase(), path, id: op.operationId ?? `${method} ${path}`, op, re, literal: (path.match(/\{/g) ?? []).length });
  }
const operationOf = (method, url) => {
  const p = new URL(url, 'http://x').pathname;
  // a literal segment wins over a template ({id} vs evaluate)
  return operations.filter(o => o.method === method && o.re.test(p)).sort((a, b) => a.literal - b.literal)[0];
};

const called = new Map(); // operationId → count
const failures = [];
let sent = 0;

/** One request. opts: key (null = none), body (object → JSON, string → raw), headers, expect (status or list), invalid (why) */
async function call(method, url, opts = {}) {
  const headers = { 'X-Prism-Source': 'traffic', ...opts.headers };
  const key = opts.key === undefined ? admin : opts.key;
  if (key) headers['X-Api-Key'] = key;
  if (opts.invalid) headers['X-Prism-Expect-Invalid'] = opts.invalid;
  let body;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(base + url, { method, headers, body });
  const text = await res.text();
  sent++;
  const op = operationOf(method, url);
  if (op) called.set(op.id, (called.get(op.id) ?? 0) + 1);
  const expected = opts.expect === undefined ? null : [].concat(opts.expect);
  if (expected && !expected.includes(res.status))
    failures.push(`${method} ${url}: expected ${expected.join('|')}, got ${res.status} ${text.slice(0, 200)}`);
  let json = null;
  try { json = JSON.parse(text); } catch { /* CSV, NDJSON, empty */ }
  return { status: res.status, headers: res.headers, text, json };
}

const uid = () => crypto.randomUUID().slice(0, 8);
const missingId = '01a00000-0000-7000-8000-000000000000';
const now = new Date();
const iso = (d) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const hourAgo = iso(new Date(now - 3600e3));
const dayAgo = iso(new Date(now - 86400e3));

// ── keys
const mkKey = async (role, partner) =>
  (await call('POST', '/v1/api-keys', { body: { name: `prism ${role} ${uid()}`, role, ...(partner ? { partner } : {}) }, expect: 201 })).json;
const readKey = (await mkKey('read')).key;
const ingest = await mkKey('ingest', `prism-${uid()}`);
const ingestKey = ingest.key;
const spare = await mkKey('read');
const idem = `prism-${uid()}`;
const idemBody = { name: `prism idem ${uid()}`, role: 'read' };
await call('POST', '/v1/api-keys', { body: idemBody, headers: { 'Idempotency-Key': idem }, expect: 201 });
await call('POST', '/v1/api-keys', { body: idemBody, headers: { 'Idempotency-Key': idem }, expect: 201 }); // replay
await call('POST', '/v1/api-keys', { body: { ...idemBody, name: 'other' }, headers: { 'Idempotency-Key': idem }, expect: 422 });
await call('POST', '/v1/api-keys', { body: { name: 'x', role: 'root' }, expect: 400, invalid: 'unknown role' });
await call('POST', '/v1/api-keys', { body: '{"name": "x", "role": ', expect: [400, 415], invalid: 'malformed JSON' });
await call('POST', '/v1/api-keys', { body: 'name=x', headers: { 'Content-Type': 'text/plain' }, expect: 415, invalid: 'not JSON' });
await call('POST', '/v1/api-keys', { body: { name: 'x'.repeat(300 * 1024), role: 'read' }, expect: 413, invalid: 'body over 256 KB' });
await call('GET', `/v1/api-keys/${spare.id}`, { expect: 200 });
await call('DELETE', `/v1/api-keys/${spare.id}`, { expect: 204 });
await call('DELETE', `/v1/api-keys/${missingId}`, { expect: 404 });
// expiry and rotation: the new secret once, the old one still works during the grace period
await call('POST', '/v1/api-keys', { body: { name: `prism expiring ${uid()}`, role: 'read', expiresAt: iso(new Date(+now + 86400e3)) }, expect: 201 });
await call('POST', '/v1/api-keys', { body: { name: 'x', role: 'read', expiresAt: hourAgo }, expect: 400, invalid: 'expiresAt in the past' });
const rotating = await mkKey('read');
const rotated = (await call('POST', `/v1/api-keys/${rotating.id}/rotate`, { body: { gracePeriod: 'PT1H' }, expect: 200 })).json;
await call('GET', '/v1/surveys', { key: rotating.key, expect: 200 });
await call('GET', '/v1/surveys', { key: rotated?.key, expect: 200 });
await call('POST', `/v1/api-keys/${rotating.id}/rotate`, { expect: 200 }); // no body: the default grace period
await call('POST', `/v1/api-keys/${rotating.id}/rotate`, { body: { gracePeriod: 'P8D' }, expect: 400, invalid: 'grace period over 7 days' });
await call('POST', `/v1/api-keys/${spare.id}/rotate`, { expect: 409 }); // revoked above

// ── surveys
const survey = (await call('POST', '/v1/surveys', { body: { name: `prism csat ${uid()}`, kind: 'csat', channel: 'email' }, expect: 201 })).json;
const nps = (await call('POST', '/v1/surveys', { body: { name: `prism nps ${uid()}`, kind: 'nps' }, expect: 201 })).json;
const catalogued = (await call('POST', '/v1/services', { body: { key: `prism-${uid()}`, name: 'Prism service', tier: 2 }, expect: 201 })).json;
const doomed = (await call('POST', '/v1/surveys', { body: { name: `prism doomed ${uid()}`, kind: 'ces' }, expect: 201 })).json;
await call('POST', '/v1/surveys', { body: { name: 'Bad', kind: 'stars' }, expect: 400, invalid: 'unknown kind' });
await call('PATCH', `/v1/surveys/${survey.id}`, { body: { name: `prism csat renamed ${uid()}` }, headers: { 'Content-Type': 'application/merge-patch+json' }, expect: 200 });
await call('PATCH', `/v1/surveys/${survey.id}`, { body: { kind: 42 }, headers: { 'Content-Type': 'application/merge-patch+json' }, expect: 400, invalid: 'kind is not a string' });
await call('DELETE', `/v1/surveys/${doomed.id}`, { expect: 204 });

// ── records
const resp = (await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: survey.id, score: 4, comment: '=HYPERLINK("x")', customerId: 'c-prism', channel: 'email', product: 'app', region: 'emea', service: 'web', tags: ['a'], respondedAt: hourAgo }, expect: 201 })).json;
await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: nps.id, score: 9, customerId: 'c-prism', respondedAt: hourAgo }, expect: 201 });
await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: survey.id, score: 9, respondedAt: hourAgo }, expect: 400 });
await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: survey.id, score: 3, respondedAt: 'yesterday' }, expect: 400, invalid: 'respondedAt not a date-time' });
const ext = `prism-${uid()}`;
await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: survey.id, score: 3, externalId: ext, respondedAt: hourAgo }, expect: 201 });
await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: survey.id, score: 3, externalId: ext, respondedAt: hourAgo }, expect: 409 });
await call('POST', '/v1/responses', { key: readKey, body: { surveyId: survey.id, score: 3, respondedAt: hourAgo }, expect: 403 });
await call('POST', '/v1/responses/batch', { key: ingestKey, body: { items: [{ surveyId: survey.id, score: 1, respondedAt: hourAgo }, { surveyId: survey.id, score: 2, respondedAt: hourAgo }, { surveyId: survey.id, score: 7, respondedAt: hourAgo }] }, expect: 200 });
await call('POST', '/v1/responses/batch', { key: ingestKey, body: { items: 'none' }, expect: 400, invalid: 'items is not an array' });
await call('DELETE', `/v1/surveys/${survey.id}`, { expect: 409 }); // has responses

const inter = (await call('POST', '/v1/interactions', { key: ingestKey, body: { externalId: `T-${uid()}`, customerId: 'c-prism', channel: 'chat', type: 'support', openedAt: dayAgo, firstResponseAt: hourAgo, resolvedAt: null, status: 'open', contactCount: 1, escalated: false, product: 'app', region: 'emea', team: 'tier1', tags: [] }, expect: 201 }));
const interId = inter.json.id;
await call('POST', '/v1/interactions', { key: ingestKey, body: { channel: 'phone', type: 'support', openedAt: hourAgo, resolvedAt: dayAgo, status: 'resolved' }, expect: 400 });
await call('POST', '/v1/interactions/batch', { key: ingestKey, body: { items: [{ channel: 'email', type: 'support', openedAt: dayAgo, status: 'open', customerId: 'c-prism' }, { channel: 'phone', type: 'support', openedAt: hourAgo, resolvedAt: dayAgo, status: 'resolved' }] }, expect: 200 });
const ig = await call('GET', `/v1/interactions/${interId}`, { key: ingestKey, expect: 200 });
const etag = ig.headers.get('etag');
await call('GET', `/v1/interactions/${interId}`, { key: ingestKey, headers: { 'If-None-Match': etag }, expect: 304 });
await call('PATCH', `/v1/interactions/${interId}`, { key: ingestKey, body: { team: 'tier2' }, headers: { 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' }, expect: 200 });
await call('PATCH', `/v1/interactions/${interId}`, { key: ingestKey, body: { team: 'tier3' }, headers: { 'If-Match': etag, 'Content-Type': 'application/merge-patch+json' }, expect: 412 });
await call('PATCH', `/v1/interactions/${interId}`, { key: ingestKey, body: { status: 'maybe' }, headers: { 'Content-Type': 'application/merge-patch+json' }, expect: 400, invalid: 'unknown status' });
await call('PATCH', `/v1/interactions/${missingId}`, { key: ingestKey, body: { team: 'x' }, headers: { 'Content-Type': 'application/merge-patch+json' }, expect: 404 });
const linked = (await call('POST', '/v1/interactions', { key: ingestKey, body: { channel: 'email', type: 'support', openedAt: dayAgo, status: 'open' }, expect: 201 })).json;
await call('POST', '/v1/responses', { key: ingestKey, body: { surveyId: nps.id, score: 3, interactionId: linked.id, respondedAt: hourAgo }, expect: 201 });
await call('DELETE', `/v1/interactions/${linked.id}`, { key: ingestKey, expect: 409 });

const review = (await call('POST', '/v1/reviews', { key: ingestKey, body: { source: 'trustpilot', externalId: `tp-${uid()}`, rating: 4, title: 'Solid', body: 'Fast', author: 'Ana', product: 'app', region: 'emea', service: 'web', language: 'en', publishedAt: hourAgo, customerId: 'c-prism' }, expect: 201 })).json;
await call('POST', '/v1/reviews', { key: ingestKey, body: { source: 'trustpilot', rating: 6, publishedAt: hourAgo }, expect: 400, invalid: 'rating above 5' });
await call('POST', '/v1/reviews/batch', { key: ingestKey, body: { items: [{ source: 'g2', rating: 2, publishedAt: hourAgo }, { source: 'g2', externalId: review.externalId, rating: 3, publishedAt: hourAgo }] }, expect: 200 });

// ── changes feeds: JSON, NDJSON, bad token
for (const kind of ['responses', 'interactions', 'reviews']) {
  await call('GET', `/v1/changes/${kind}?limit=2`, { key: readKey, expect: 200 });
  await call('GET', `/v1/changes/${kind}`, { key: ingestKey, headers: { Accept: 'application/x-ndjson' }, expect: 200 });
  await call('GET', `/v1/changes/${kind}?since=not-a-token`, { key: readKey, expect: 400 });
}

// ── alerts and webhooks
const hook = (await call('POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/cx-prism', events: ['alert.triggered', 'alert.resolved'] }, expect: 201 })).json;
await call('POST', '/v1/webhooks', { body: { url: 'not a url', events: [] }, expect: 400, invalid: 'bad url' });
const rule = (await call('POST', '/v1/alert-rules', { body: { name: `prism ${uid()}`, metric: 'csat', filters: { surveyId: [survey.id] }, window: 'P1D', condition: { below: 50 }, minResponses: 3 }, expect: 201 })).json;
await call('POST', '/v1/alert-rules', { body: { name: 'Never', metric: 'csat', window: 'P1D', condition: { below: 1e308, above: 1 } }, expect: 400 });
await call('PATCH', `/v1/alert-rules/${rule.id}`, { body: { condition: { dropBy: 10, vsPreviousWindow: true, significantOnly: true } }, headers: { 'Content-Type': 'application/merge-patch+json' }, expect: 200 });
await call('PATCH', `/v1/alert-rules/${rule.id}`, { body: { minResponses: 'many' }, headers: { 'Content-Type': 'application/merge-patch+json' }, expect: 400, invalid: 'minResponses not a number' });
await call('POST', '/v1/alert-rules/evaluate', { expect: 200 });
await call('GET', `/v1/alerts?ruleId=${rule.id}`, { expect: 200 });
await call('GET', `/v1/webhooks/${hook.id}/deliveries`, { expect: 200 });
await call('GET', `/v1/webhooks/${missingId}/deliveries`, { expect: 404 });
await call('DELETE', `/v1/alert-rules/${rule.id}`, { expect: 204 });
await call('DELETE', `/v1/webhooks/${hook.id}`, { expect: 204 });
// ── the audit trail: what was just deleted, and a filter it does not know
await call('GET', `/v1/audit?targetKind=webhook&targetId=${hook.id}&action=deleted`, { expect: 200 });
await call('GET', '/v1/audit?action=exploded', { expect: 400, invalid: 'unknown action' });

// ── admin
await call('GET', '/v1/admin/rollups/verify', { expect: 200 });
await call('POST', '/v1/admin/rollups/rebuild', { expect: 200 });

// ── customers, metrics with data and filters
await call('GET', '/v1/customers/c-prism/timeline', { key: readKey, expect: 200 });
await call('GET', '/v1/customers/at-risk', { key: readKey, expect: 200 });
await call('GET', '/v1/customers/at-risk?slaSeconds=0', { key: readKey, expect: 400, invalid: 'slaSeconds must be > 0' });
// a customer of its own, exported and erased (admin); again: zeros; an id over 200 characters
const erasable = `c-prism-erase-${uid()}`;
await call('POST', '/v1/responses', { body: { surveyId: survey.id, score: 2, customerId: erasable, respondedAt: hourAgo }, expect: 201 });
await call('GET', `/v1/customers/${erasable}/export`, { expect: 200 });
await call('DELETE', `/v1/customers/${erasable}`, { expect: 200 });
await call('DELETE', `/v1/customers/${erasable}`, { expect: 200 });
await call('DELETE', `/v1/customers/${'c'.repeat(201)}`, { expect: 400, invalid: 'customerId over 200 characters' });
await call('GET', `/v1/metrics/csat?surveyId=${survey.id}&groupBy=channel`, { key: readKey, expect: 200 });
await call('GET', `/v1/metrics/nps/trend?interval=day&groupBy=region`, { key: readKey, expect: 200 });
await call('GET', '/v1/metrics/drivers?metric=csat&factor=channel', { key: readKey, expect: 200 });
// charts: a trend and availability as SVG, by format and by Accept; a size out of range
await call('GET', `/v1/metrics/nps/trend?interval=day&format=svg&width=640&height=300&tz=Europe/Berlin`, { key: readKey, expect: 200 });
await call('GET', '/v1/metrics/csat/trend?groupBy=channel', { key: readKey, headers: { Accept: 'image/svg+xml' }, expect: 200 });
await call('GET', `/v1/metrics/availability?format=svg&tz=Europe/Berlin&service=${catalogued.key}`, { key: readKey, expect: 200 });
await call('GET', '/v1/metrics/nps/trend?format=svg&width=10', { key: readKey, expect: 400, invalid: 'width below the minimum' });
await call('GET', '/v1/metrics/nps?groupBy=colour', { key: readKey, expect: 400, invalid: 'groupBy not a dimension' });

// ── integrations: no API key, each delivery signed as its vendor signs it (the secrets the server was started with)
const sign = (secret, body, encoding) => crypto.createHmac('sha256', process.env[secret] ?? '').update(body).digest(encoding);
const incidentEvent = JSON.stringify({ event: { id: crypto.randomUUID(), event_type: 'incident.triggered', resource_type: 'incident', occurred_at: hourAgo,
  agent: null, client: { name: 'PagerDuty' }, data: { id: `PPRISM${uid()}`, type: 'incident', status: 'triggered', created_at: hourAgo,
  title: 'Prism incident', service: { id: 'PPRISM', type: 'service_reference', summary: 'Prism Service' }, priority: null, urgency: 'high' } } });
const pagerDutySigned = { 'X-PagerDuty-Signature': `v1=${sign('Integrations__PagerDuty__Secret', incidentEvent, 'hex')}` };
await call('POST', '/v1/integrations/pagerduty', { key: null, body: incidentEvent, headers: pagerDutySigned, expect: 200 });
await call('POST', '/v1/integrations/pagerduty', { key: null, body: incidentEvent, headers: pagerDutySigned, expect: 200 }); // replay: duplicate
await call('POST', '/v1/integrations/pagerduty', { key: null, body: incidentEvent, headers: { 'X-PagerDuty-Signature': 'v1=00' }, expect: 401 });
const notJson = '{"event": ';
await call('POST', '/v1/integrations/pagerduty', { key: null, body: notJson, expect: 400, invalid: 'malformed JSON',
  headers: { 'X-PagerDuty-Signature': `v1=${sign('Integrations__PagerDuty__Secret', notJson, 'hex')}` } });
const deploymentEvent = JSON.stringify({ action: 'created',
  deployment_status: { id: 1, state: 'failure', environment: 'staging', target_url: '', created_at: hourAgo },
  deployment: { id: Number(`9${Date.now()}`.slice(0, 15)), sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', ref: 'main', task: 'deploy', environment: 'staging', created_at: dayAgo },
  repository: { name: `prism-${uid()}`, full_name: 'example/prism', html_url: 'https://github.com/example/prism' } });
const gitHubSigned = body => ({ 'X-Hub-Signature-256': `sha256=${sign('Integrations__GitHub__Secret', body, 'hex')}`, 'X-GitHub-Delivery': crypto.randomUUID() });
await call('POST', '/v1/integrations/github', { key: null, body: deploymentEvent, headers: { ...gitHubSigned(deploymentEvent), 'X-GitHub-Event': 'deployment_status' }, expect: 200 });
const ping = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
await call('POST', '/v1/integrations/github', { key: null, body: ping, headers: { ...gitHubSigned(ping), 'X-GitHub-Event': 'ping' }, expect: 200 });
await call('POST', '/v1/integrations/github', { key: null, body: ping, headers: { 'X-GitHub-Event': 'ping' }, expect: 401 });
const formResponse = JSON.stringify({ event_id: crypto.randomUUID(), event_type: 'form_response',
  form_response: { form_id: 'prism-unmapped', token: crypto.randomUUID(), submitted_at: hourAgo, hidden: { user_id: 'c-prism' }, answers: [] } });
await call('POST', '/v1/integrations/typeform', { key: null, body: formResponse, expect: 200,
  headers: { 'Typeform-Signature': `sha256=${sign('Integrations__Typeform__Secret', formResponse, 'base64')}` } });
await call('POST', '/v1/integrations/typeform', { key: null, body: formResponse, headers: { 'Typeform-Signature': 'sha256=AAAA' }, expect: 401 });

// ── every operation, generically: each GET as JSON, as CSV, again with its ETag; 401 without a key;
//    403 with a role that may not; 404 for an unknown id; 400 for a limit out of range
const ids = {
  '/v1/api-keys/{id}': ingest.id, '/v1/surveys/{id}': nps.id, '/v1/responses/{id}': resp.id,
  '/v1/interactions/{id}': interId, '/v1/reviews/{id}': review.id, '/v1/customers/{customerId}/timeline': 'c-prism',
  '/v1/customers/{customerId}/export': 'c-prism',
};
const fill = (path, id) => path.replace(/\{[^}]+\}/, id);
// a fixed period, so a metric's ETag stays the same between two calls; the query a GET cannot do without
const period = `from=${encodeURIComponent(dayAgo)}&to=${encodeURIComponent(iso(new Date(+now + 3600e3)))}`;
const query = {
  '/v1/metrics/drivers': `metric=csat&factor=channel&${period}`,
  // an instant whose windows have both ended, so the answer (and its ETag) stays put
  '/v1/metrics/impact': `service=${catalogued.key}&at=${encodeURIComponent(iso(new Date(now - 10 * 86400e3)))}`,
  '/v1/services/scorecard': period,
};
const withQuery = (o, url) => (query[o.path] ? `${url}?${query[o.path]}` : o.path.startsWith('/v1/metrics/') ? `${url}?${period}` : url);
for (const o of operations) {
  const secured = (o.op.security ?? doc.security ?? []).length > 0;
  const declared = Object.keys(o.op.responses ?? {});
  const hasId = /\{/.test(o.path);
  const known = ids[o.path];
  if (o.method === 'GET' && (!hasId || known)) {
    const url = withQuery(o, hasId ? fill(o.path, known) : o.path);
    const r = await call('GET', url, { key: secured ? admin : null, expect: [200] });
    const tag = r.headers.get('etag');
    if (tag) await call('GET', url, { headers: { 'If-None-Match': tag }, expect: 304 });
    if (secured) await call('GET', url, { headers: { Accept: 'text/csv' }, expect: 200 });
    if (o.op.parameters?.some(p => p.in === 'query' && p.name === 'limit'))
      await call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=0`, { expect: 400, invalid: 'limit below 1' });
  }
  if (!secured) continue;
  const bare = hasId ? fill(o.path, known ?? missingId) : o.path;
  // a GET keeps the query it cannot do without, so that only the key is wrong
  const any = o.method === 'GET' ? withQuery(o, bare) : bare;
  const body = ['POST', 'PATCH', 'PUT'].includes(o.method) && o.op.requestBody ? {} : undefined;
  await call(o.method, any, { key: null, body, expect: 401, invalid: 'no API key' });
  await call(o.method, any, { key: 'cx_live_not-a-key', body, expect: 401, invalid: 'unknown API key' });
  if (declared.includes('403')) {
    // read may not write, ingest may not read admin-only resources
    const key = o.method === 'GET' ? ingestKey : readKey;
    await call(o.method, any, { key, body, expect: [403, 404], invalid: body ? 'empty body' : undefined });
  }
  if (hasId && declared.includes('404')) {
    const b = ['POST', 'PATCH', 'PUT'].includes(o.method) && o.op.requestBody ? {} : undefined;
    const headers = b ? { 'Content-Type': o.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {};
    await call(o.method, fill(o.path, missingId), { body: b, headers, expect: 404 });
  }
}

// ── the last active admin key cannot be revoked (tried only when ours is the only one, so nothing is lost)
const me = (await call('GET', '/v1/api-keys?limit=1000')).json;
const admins = (me?.items ?? []).filter(k => k.role === 'admin' && !k.revokedAt);
if (admins.length === 1) await call('DELETE', `/v1/api-keys/${admins[0].id}`, { expect: 409 }); // ours: CI still needs it

// ── coverage
const missing = operations.filter(o => !called.has(o.id));
console.log(`traffic: ${sent} requests, ${called.size}/${operations.length} operations called`);
for (const f of failures) console.log(`traffic: unexpected status: ${f}`);
if (missing.length) {
  console.log(`traffic: FAIL: ${missing.length} operation(s) of the document never called: ${missing.map(o => `${o.id} (${o.method} ${o.path})`).join(', ')}`);
  process.exit(1);
}
// a status that differs from what the script expected is reported, not fatal: the contract check is Prism's
process.exit(0);
