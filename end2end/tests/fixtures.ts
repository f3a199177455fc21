import { test as base, APIRequestContext, expect, Page } from "@playwright/test";

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

/** Signs in, creating the first administrator first when this database has none. */
export async function signInAsAdmin(page: Page) {
  await page.goto("/console/organizations");
  if (page.url().endsWith("/console/setup")) {
    await hydrated(page);
    await page.getByLabel("Username").fill(ADMIN.username);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByLabel("Confirm password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Create administrator" }).click();
  } else if (page.url().endsWith("/console/sign-in")) {
    await signIn(page);
  }
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await hydrated(page);
}

/** Opens a console page and waits for it to be interactive. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

const M2M = { id: "e2e-automation", secret: "e2e-automation-secret-0123456789" };

/** A Management API client authenticated as the bootstrap machine-to-machine app. */
export async function managementApi(request: APIRequestContext) {
  const token = await request.post("/oidc/token", {
    form: { grant_type: "client_credentials", resource: "https://default.logto.app/api", scope: "all" },
    headers: { authorization: `Basic ${Buffer.from(`${M2M.id}:${M2M.secret}`).toString("base64")}` },
  });
  expect(token.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await token.json()).access_token}` };
  return {
    async post(path: string, data: unknown) {
      const res = await request.post(`/api${path}`, { headers, data });
      const text = await res.text();
      expect(res.status(), `POST ${path}: ${text}`).toBeLessThan(300);
      // Relation posts answer 201 with no body.
      return text === "" ? null : JSON.parse(text);
    },
    async get(path: string) {
      const res = await request.get(`/api${path}`, { headers });
      expect(res.status(), `GET ${path}`).toBe(200);
      return res.json();
    },
    async delete(path: string) {
      const res = await request.delete(`/api${path}`, { headers });
      expect(res.status(), `DELETE ${path}: ${await res.text()}`).toBe(204);
    },
    async put(path: string, data: unknown) {
      const res = await request.put(`/api${path}`, { headers, data });
      expect(res.status(), `PUT ${path}: ${await res.text()}`).toBe(200);
      return res.json();
    },
    async patch(path: string, data: unknown) {
      const res = await request.patch(`/api${path}`, { headers, data });
      expect(res.status(), `PATCH ${path}: ${await res.text()}`).toBe(200);
      return res.json();
    },
  };
}

/** Where test apps send people back to: intercepted in the browser, never served. */
export const CALLBACK = "https://app.example.test/callback";
export const SIGNED_OUT = "https://app.example.test/signed-out";

/** A unique name for this run (the e2e database lives for the whole run). */
export function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * Answers navigations to the test app's pages (callback, signed-out) in the browser; each call
 * of the returned function resolves with the next such URL reached.
 */
export async function interceptCallbacks(page: Page): Promise<() => Promise<string>> {
  const seen: string[] = [];
  const waiting: ((url: string) => void)[] = [];
  await page.route("https://app.example.test/**", async (route) => {
    const url = route.request().url();
    const waiter = waiting.shift();
    if (waiter) waiter(url);
    else seen.push(url);
    await route.fulfill({ status: 200, contentType: "text/html", body: "<p>back in the app</p>" });
  });
  return () => {
    const url = seen.shift();
    return url ? Promise.resolve(url) : new Promise<string>((r) => waiting.push(r));
  };
}
