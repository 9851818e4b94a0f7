// Charts and the overview page in a real browser (headless Chromium, driven by playwright-core):
//  1. an NPS trend chart (SVG, fetched with the key) is rendered and screenshotted, and the picture is not blank:
//     enough pixels differ from the white background;
//  2. the overview page at / without a key shows the key prompt and makes no API request;
//  3. with the key it shows the scorecard and a rendered chart, and logs no console error.
//   CX_BASE_URL=http://127.0.0.1:5080 CX_API_KEY=<key> node .ci/charts-check.mjs [screenshot-dir]
import { chromium } from "playwright-core";

const baseUrl = process.env.CX_BASE_URL ?? "http://127.0.0.1:5080";
const apiKey = process.env.CX_API_KEY;
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const shots = process.argv[2];
if (!apiKey) throw new Error("Set CX_API_KEY.");

const headers = { "X-Api-Key": apiKey, "Content-Type": "application/json" };
const now = Date.now();
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

// Data of its own, so that the chart has a line and a band whatever ran before.
const survey = await (await fetch(`${baseUrl}/v1/surveys`, { method: "POST", headers, body: JSON.stringify({ name: "charts-check NPS", kind: "nps" }) })).json();
const items = Array.from({ length: 120 }, (_, i) => ({
  surveyId: survey.id, score: (i * 7) % 11, respondedAt: iso(now - ((i % 12) + 0.5) * 86400e3), customerId: `charts-check-${i % 30}`,
}));
const batch = await fetch(`${baseUrl}/v1/responses/batch`, { method: "POST", headers, body: JSON.stringify({ items }) });
if (batch.status !== 200) throw new Error(`seeding responses: ${batch.status} ${await batch.text()}`);

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
const failures = [];
const check = async (name, body) => {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`not ok - ${name}: ${error.message}`);
  }
};

await check("an NPS trend chart renders in Chromium and is not blank", async () => {
  const query = new URLSearchParams({ surveyId: survey.id, interval: "day", from: iso(now - 14 * 86400e3), to: iso(now), format: "svg", width: "800", height: "360" });
  const response = await fetch(`${baseUrl}/v1/metrics/nps/trend?${query}`, { headers: { "X-Api-Key": apiKey } });
  if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("image/svg+xml"))
    throw new Error(`the chart answered ${response.status} ${response.headers.get("content-type")}`);
  const svg = await response.text();
  const page = await browser.newPage({ viewport: { width: 800, height: 360 } });
  // The SVG as an image, the way a mail client or chat would show it (no script could run there either).
  await page.setContent(`<!doctype html><body style="margin:0;background:#fff"><img id="chart" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></body>`);
  await page.waitForFunction(() => document.getElementById("chart").complete);
  const size = await page.evaluate(() => [document.getElementById("chart").naturalWidth, document.getElementById("chart").naturalHeight]);
  if (size[0] !== 800 || size[1] !== 360) throw new Error(`the image decoded as ${size.join("×")}`);
  const png = await page.locator("#chart").screenshot({ path: shots ? `${shots}/chart.png` : undefined });
  // Count the pixels of the screenshot that are not the white background (decoded by the browser itself).
  const inked = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let count = 0, line = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) count++;
      if (data[i] < 60 && data[i + 1] > 70 && data[i + 1] < 150 && data[i + 2] > 180) line++; // the first series' blue (#0969da)
    }
    return { count, line, total: data.length / 4 };
  }, png.toString("base64"));
  console.log(`# ${inked.count} of ${inked.total} pixels are not background, ${inked.line} are the line's blue`);
  // Axes, labels, a line with points and its band cover far more than this; a blank or text-only picture does not.
  if (inked.count < inked.total * 0.02) throw new Error(`only ${inked.count} of ${inked.total} pixels are not background`);
  if (inked.line < 300) throw new Error(`only ${inked.line} pixels of the line's colour: the line and its points were not drawn`);
  await page.close();
});

await check("the overview page without a key shows the key prompt and makes no API request", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const apiRequests = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/v1/") || request.headers()["x-api-key"]) apiRequests.push(request.url());
  });
  await page.goto(`${baseUrl}/`);
  await page.locator("#key-form").waitFor({ state: "visible" });
  await page.locator("#key").waitFor({ state: "visible" });
  if (await page.locator("#overview").isVisible()) throw new Error("the overview is shown without a key");
  await page.waitForTimeout(500);
  if (apiRequests.length > 0) throw new Error(`requests without a key: ${apiRequests.join(", ")}`);
  await context.close();
});

await check("the overview page with a key shows the scorecard and a chart, without console errors", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  const csp = (await page.goto(`${baseUrl}/`)).headers()["content-security-policy"] ?? "";
  if (!csp.includes("script-src 'self'") || csp.includes("unsafe-inline")) throw new Error(`Content-Security-Policy: ${csp}`);
  await page.locator("#key").fill(apiKey);
  await page.locator("#key-form button[type=submit]").click();
  await page.locator("#scorecard").waitFor({ state: "visible" });
  await page.locator("#scorecard tbody tr").first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll("img.chart")].some((img) => img.complete && img.naturalWidth > 0), null, { timeout: 30_000 });
  await page.waitForFunction(() => !document.getElementById("status").textContent.startsWith("Loading"), null, { timeout: 30_000 });
  const status = await page.locator("#status").innerText();
  if (await page.locator("#status.error").count() > 0) throw new Error(`the page says: ${status}`);
  if (await page.evaluate(() => sessionStorage.getItem("cxapi.apiKey")) !== apiKey) throw new Error("the key is not in sessionStorage");
  if (shots) await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });
  if (errors.length > 0) throw new Error(`console errors: ${errors.join("; ")}`);
  await context.close();
});

await browser.close();
process.exit(failures.length === 0 ? 0 : 1);
