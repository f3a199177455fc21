import { test as base, expect, Page } from "@playwright/test";

/**
 * Fails the test on any browser console error or uncaught exception. Refused requests (4xx) are
 * part of the journeys (wrong password, invalid input) and Chromium logs each one; server errors
 * (5xx) and script errors are never expected.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        const text = m.text();
        if (m.type() === "error" && !/status of 4\d\d/.test(text)) errors.push(text);
      });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const ADMIN = { username: "admin", password: "correct-horse-1" };

/** Waits until the wasm has hydrated the page (App sets body[data-hydrated]). */
export async function hydrated(page: Page) {
  await page.waitForSelector("body[data-hydrated]", { state: "attached" });
}

export async function signIn(page: Page, username = ADMIN.username, password = ADMIN.password) {
  await page.goto("/console/sign-in");
  await hydrated(page);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
