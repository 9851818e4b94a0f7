// Swagger UI in a real browser: open /swagger in headless Chromium, authorize with the API key through
// the Authorize dialog, run GET /v1/surveys with "Try it out" → "Execute", and require the UI to show 200.
//   CX_BASE_URL=http://127.0.0.1:5080 CX_API_KEY=<key> node .ci/swagger-check.mjs [screenshot.png]
import { chromium } from "playwright-core";

const baseUrl = process.env.CX_BASE_URL ?? "http://127.0.0.1:5080";
const apiKey = process.env.CX_API_KEY;
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const screenshot = process.argv[2];
if (!apiKey) throw new Error("Set CX_API_KEY.");

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
const page = await browser.newPage();
const pageErrors = [];
page.on("pageerror", (error) => pageErrors.push(error.message));
// The page runs under the Content-Security-Policy the server sends on HTML: anything it blocks fails the check.
page.on("console", (message) => { if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text()); });
page.setDefaultTimeout(30_000);
const operation = page.locator("#operations-Surveys-ListSurveys");
let ok = false;
try {
  const answer = await page.goto(`${baseUrl}/swagger`);
  if (!answer?.headers()["content-security-policy"]) throw new Error("the Swagger UI page has no Content-Security-Policy");
  await page.locator(".swagger-ui .info .title").filter({ hasText: "CxApi" }).waitFor();
  console.log("ok - Swagger UI renders the CxApi document under its Content-Security-Policy");

  await page.locator("button.authorize").first().click();
  const dialog = page.locator(".modal-ux");
  await dialog.locator("input").first().fill(apiKey);
  await dialog.locator("button.authorize").click();
  await dialog.locator("button.btn-done, button.close-modal").first().click();
  await dialog.waitFor({ state: "detached" });
  console.log("ok - authorized with the API key through the Authorize dialog");

  await operation.locator(".opblock-summary").first().click();
  await operation.locator("button.try-out__btn").click();
  await operation.locator("button.execute").click();
  const status = operation.locator(".live-responses-table .response .response-col_status").first();
  await status.waitFor();
  const shown = (await status.innerText()).trim();
  const body = (await operation.locator(".live-responses-table .response-col_description pre").first().innerText()).trim();
  if (shown !== "200") throw new Error(`the UI shows ${shown}: ${body}`);
  if (!body.includes('"items"')) throw new Error(`the UI shows no list body: ${body}`);
  console.log("ok - GET /v1/surveys via Try it out → Execute shows 200 with the list");

  if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join("; ")}`);
  ok = true;
} catch (error) {
  console.log(`not ok - ${error.message}`);
} finally {
  // The operation as the UI shows it (its request, and the live response when there is one).
  if (screenshot) await operation.screenshot({ path: screenshot, timeout: 5_000 }).catch(() => page.screenshot({ path: screenshot }));
  await browser.close();
}
process.exit(ok ? 0 : 1);
