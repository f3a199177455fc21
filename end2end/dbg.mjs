import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ baseURL: "http://127.0.0.1:3222" });
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("CONSOLE", m.type(), m.text().slice(0, 400)); });
page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
await page.goto("/console/sign-in");
await page.waitForSelector("body[data-hydrated]", { state: "attached" });
await page.getByLabel("Username").fill("root");
await page.getByLabel("Password").fill("longenough1");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/organizations$/);
for (const path of process.argv.slice(2)) {
  console.log("== " + path);
  await page.goto(path);
  await page.waitForTimeout(2500);
  console.log("hydrated:", await page.locator("body[data-hydrated]").count(), await page.locator(".error-state").allTextContents());
}
await browser.close();
