// The overview page: asks for an API key (kept in sessionStorage, sent as X-Api-Key to this origin only) and shows
// the headline metrics, the scorecard, the trend charts (SVGs fetched with the key, shown through blob: URLs), the
// open incidents and the customers at risk. Text from the API is only ever set as textContent. No request is made
// before there is a key.
"use strict";

const storageKey = "cxapi.apiKey";
const byId = (id) => document.getElementById(id);
const day = 86400e3;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const charts = [
  { title: "NPS per week", path: "/v1/metrics/nps/trend", query: { interval: "week" } },
  { title: "CSAT per week", path: "/v1/metrics/csat/trend", query: { interval: "week" } },
  { title: "SLA attainment per week", path: "/v1/metrics/interactions/trend", query: { interval: "week" } },
  { title: "Availability per day", path: "/v1/metrics/availability", query: {} },
];
const blobUrls = [];

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
}

function number(value, digits = 1) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

function interval(ci) {
  return ci ? `${number(ci.low)} to ${number(ci.high)}` : "–";
}

async function api(path, params, accept = "application/json") {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params ?? {})) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { "X-Api-Key": sessionStorage.getItem(storageKey), Accept: accept } });
  if (response.status === 401) {
    forget("That key was not accepted; enter another.");
    throw new Error("unauthorized");
  }
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return accept === "application/json" ? response.json() : response.blob();
}

function fail(section, error) {
  if (error.message === "unauthorized") return;
  const status = byId("status");
  status.className = "error";
  status.textContent = `Could not load ${section}: ${error.message}`;
}

async function headline(period) {
  const summary = await api("/v1/metrics/summary", period);
  const body = byId("headline").tBodies[0];
  body.replaceChildren();
  for (const item of summary.metrics) {
    const row = body.insertRow();
    cell(row, item.metric.toUpperCase(), item.lowSample ? "low-sample" : undefined);
    cell(row, number(item.value));
    cell(row, interval(item.ci95));
    cell(row, String(item.n));
    cell(row, number(item.previousValue));
    cell(row, item.delta === null ? "–" : `${item.delta > 0 ? "+" : ""}${number(item.delta)}${item.significant ? " (significant)" : ""}`);
  }
}

async function scorecard(period) {
  const card = await api("/v1/services/scorecard", period);
  const body = byId("scorecard").tBodies[0];
  body.replaceChildren();
  for (const row of card.rows) {
    const tr = body.insertRow();
    cell(tr, row.name ? `${row.name} (${row.service})` : row.service);
    cell(tr, row.availabilityPct === null ? "–" : `${number(row.availabilityPct, 3)} %`);
    cell(tr, row.experienceWeightedAvailabilityPct === null ? "–" : `${number(row.experienceWeightedAvailabilityPct, 3)} %`);
    cell(tr, String(row.incidents.total));
    cell(tr, `${number(row.csat.value)} ${row.csat.ci95 ? `(${interval(row.csat.ci95)})` : ""}`);
    cell(tr, `${number(row.nps.value)} ${row.nps.ci95 ? `(${interval(row.nps.ci95)})` : ""}`);
    cell(tr, number(row.contactsPerDay, 2));
    cell(tr, row.changeFailureRate.value === null ? "–" : `${number(row.changeFailureRate.value)} %`);
  }
  if (body.rows.length === 0) {
    const tr = body.insertRow();
    cell(tr, "No services yet: add them with POST /v1/services.", "muted");
  }
}

async function trendCharts() {
  const box = byId("charts");
  box.replaceChildren();
  const now = Date.now();
  const period = { from: iso(now - 90 * day), to: iso(now), tz: zone, format: "svg", width: "720", height: "320" };
  await Promise.all(charts.map(async (chart) => {
    const figure = document.createElement("figure");
    const img = document.createElement("img");
    img.className = "chart";
    img.alt = chart.title;
    figure.appendChild(img);
    box.appendChild(figure);
    const blob = await api(chart.path, { ...chart.query, ...period }, "image/svg+xml");
    const url = URL.createObjectURL(blob);
    blobUrls.push(url);
    img.src = url;
  }));
}

async function openIncidents() {
  const page = await api("/v1/incidents", { ongoing: "true", limit: "20" });
  const list = byId("incidents");
  list.replaceChildren();
  for (const incident of page.items) {
    const li = document.createElement("li");
    li.textContent = `${incident.severity} ${incident.impact}: ${incident.title} (${incident.services.join(", ")}), since ${new Date(incident.startedAt).toLocaleString()}`;
    list.appendChild(li);
  }
  if (page.items.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = "None open.";
    list.appendChild(li);
  }
}

async function atRisk(period) {
  const page = await api("/v1/customers/at-risk", { ...period, limit: "20" });
  const list = byId("at-risk");
  list.replaceChildren();
  for (const customer of page.items) {
    const li = document.createElement("li");
    li.textContent = `${customer.customerId}: ${customer.reasons.map((r) => r.reason.replaceAll("_", " ")).join("; ")}`;
    list.appendChild(li);
  }
  if (page.items.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = "No customer at risk.";
    list.appendChild(li);
  }
}

async function show() {
  byId("key-form").hidden = true;
  byId("overview").hidden = false;
  byId("forget").hidden = false;
  const status = byId("status");
  status.className = "muted";
  status.textContent = "Loading…";
  const now = Date.now();
  const period = { from: iso(now - 30 * day), to: iso(now) };
  const parts = [
    ["the headline metrics", () => headline(period)],
    ["the scorecard", () => scorecard(period)],
    ["the charts", trendCharts],
    ["the open incidents", openIncidents],
    ["the customers at risk", () => atRisk(period)],
  ];
  let failed = false;
  await Promise.all(parts.map(([name, load]) => load().catch((error) => {
    failed = true;
    fail(name, error);
  })));
  if (!failed) status.textContent = `As of ${new Date(now).toLocaleString()} (${zone}).`;
}

function forget(message) {
  sessionStorage.removeItem(storageKey);
  for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);
  byId("overview").hidden = true;
  byId("forget").hidden = true;
  byId("key-form").hidden = false;
  const input = byId("key");
  input.value = "";
  input.setCustomValidity(message ?? "");
  if (message) input.reportValidity();
  input.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  byId("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = byId("key").value.trim();
    if (!key) return;
    sessionStorage.setItem(storageKey, key);
    show();
  });
  byId("key").addEventListener("input", (event) => event.target.setCustomValidity(""));
  byId("forget").addEventListener("click", () => forget());
  if (sessionStorage.getItem(storageKey)) show();
  else forget();
});
