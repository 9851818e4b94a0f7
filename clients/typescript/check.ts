// What a front end does, end to end, against a live server: define an NPS survey, post answers, read
// the NPS back, and see the errors a form has to handle. Exits non-zero on any unexpected status or value.
//   CX_BASE_URL=http://localhost:5080 CX_API_KEY=<admin key> .ci/node_modules/.bin/tsx clients/typescript/check.ts
import { CxApiClient, UnexpectedStatus } from "./client";

const baseUrl = process.env.CX_BASE_URL ?? "http://localhost:5080";
const apiKey = process.env.CX_API_KEY;
const corsOrigin = process.env.CX_CORS_ORIGIN;
let passed = 0;
let failed = 0;

function expect(what: string, ok: boolean, detail?: unknown): void {
  if (ok) {
    passed++;
    console.log(`ok - ${what}`);
  } else {
    failed++;
    console.log(`not ok - ${what}: ${JSON.stringify(detail)}`);
  }
}

const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();
const day = 24 * 60 * 60 * 1000;

async function main(): Promise<void> {
  if (!apiKey) throw new Error("Set CX_API_KEY to an admin key.");
  const api = new CxApiClient(baseUrl, apiKey);
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

  const survey = (await api.call("post", "/v1/surveys", 201, {
    body: { name: `Front-end check ${run}`, kind: "nps", question: "How likely are you to recommend us?" },
  })).body;
  expect("a created NPS survey has the 0–10 scale", survey.kind === "nps" && survey.scale.min === 0 && survey.scale.max === 10, survey);

  const categories: (string | null | undefined)[] = [];
  for (const [index, score] of [10, 9, 3].entries()) {
    const created = await api.call("post", "/v1/responses", 201, {
      body: { surveyId: survey.id, score, channel: "web", respondedAt: iso(2 * day + index * 60_000), externalId: `fe-${run}-${index}` },
      headers: { "Idempotency-Key": `fe-${run}-${index}` },
    });
    expect(`response ${score} has a Location`, created.headers.get("location") === `/v1/responses/${created.body.id}`, created.headers.get("location"));
    categories.push(created.body.category);
  }
  expect("scores are categorised", categories.join() === "promoter,promoter,detractor", categories);

  const nps = (await api.call("get", "/v1/metrics/nps", 200, {
    query: { surveyId: [survey.id], from: iso(7 * day), to: iso(day) },
  })).body;
  expect("NPS counts every response", nps.responses === 3 && nps.promoters === 2 && nps.passives === 0 && nps.detractors === 1, nps);
  expect("NPS is (2 − 1) / 3 × 100", nps.value !== null && nps.value !== undefined && Math.abs(nps.value - 100 / 3) < 0.01, nps.value);
  expect("NPS has an interval around its value", !!nps.ci95 && nps.ci95.low < (nps.value ?? 0) && (nps.value ?? 0) < nps.ci95.high, nps.ci95);
  expect("NPS flags the low sample", nps.lowSample === true, nps.lowSample);

  const page = (await api.call("get", "/v1/responses", 200, { query: { surveyId: [survey.id], limit: 2 } })).body;
  expect("lists page with a cursor", page.items.length === 2 && typeof page.nextCursor === "string", page);

  const invalid = (await api.call("post", "/v1/responses", 400, {
    body: { surveyId: survey.id, score: 11, respondedAt: iso(day) },
  })).body;
  expect("a score off the scale is a 400 naming the field", invalid.status === 400 && !!invalid.errors?.["score"], invalid);

  const duplicate = (await api.call("post", "/v1/responses", 409, {
    body: { surveyId: survey.id, score: 8, respondedAt: iso(day), externalId: `fe-${run}-0` },
  })).body;
  expect("a repeated externalId is a 409", duplicate.status === 409, duplicate);

  const missing = (await api.call("get", "/v1/surveys/{id}", 404, { path: { id: "no-such-survey" } })).body;
  expect("an unknown survey is a 404 problem", missing.status === 404, missing);

  const anonymous = await new CxApiClient(baseUrl).call("get", "/v1/surveys", 401);
  expect("no key is a 401 problem", anonymous.body.status === 401, anonymous.body);

  const inUse = await api.call("delete", "/v1/surveys/{id}", 409, { path: { id: survey.id } });
  expect("a survey with responses cannot be deleted", inUse.body.status === 409, inUse.body);
  const closed = (await api.call("patch", "/v1/surveys/{id}", 200, {
    path: { id: survey.id }, body: { active: false }, contentType: "application/merge-patch+json",
  })).body;
  expect("it can be deactivated instead", closed.active === false, closed);

  if (corsOrigin) {
    const preflight = await fetch(`${baseUrl}/v1/surveys`, {
      method: "OPTIONS",
      headers: { Origin: corsOrigin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-api-key,content-type" },
    });
    expect(`a browser on ${corsOrigin} may call the API`, preflight.headers.get("access-control-allow-origin") === corsOrigin,
      Object.fromEntries(preflight.headers));
  }
}

main()
  .catch((error: unknown) => {
    failed++;
    console.log(`not ok - ${error instanceof UnexpectedStatus ? error.message : String(error)}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
