import AxeBuilder from "@axe-core/playwright";
import { test, expect, signInAsAdmin, hydrated, open, managementApi, unique, ADMIN } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

/** One of every console page, over entities made for this run. */
async function consolePages(request: APIRequestContext): Promise<string[]> {
  const api = await managementApi(request);
  const org = await api.post("/organizations", { name: unique("Layout org "), description: "A fairly long description to see how it wraps" });
  const user = await api.post("/users", { username: unique("layout"), primaryEmail: `${unique("l")}@example.test` });
  await api.post(`/organizations/${org.id}/users`, { userIds: [user.id] });
  const web = await api.post("/applications", { name: unique("Layout web "), type: "Traditional" });
  const robot = await api.post("/applications", { name: unique("Layout robot "), type: "MachineToMachine" });
  const resource = await api.post("/resources", { name: unique("Layout API "), indicator: `https://${unique("api")}.example.test` });
  const role = await api.post("/organization-roles", { name: unique("layout-role-") });
  return [
    "/console/organizations",
    `/console/organizations/${org.id}/settings`,
    `/console/organizations/${org.id}/members`,
    `/console/organizations/${org.id}/machine-to-machine`,
    `/console/organizations/${org.id}/jit`,
    `/console/organizations/${org.id}/invitations`,
    "/console/organization-template/roles",
    "/console/organization-template/permissions",
    `/console/organization-template/roles/${role.id}/permissions`,
    "/console/users",
    `/console/users/${user.id}/details`,
    `/console/users/${user.id}/roles`,
    `/console/users/${user.id}/organizations`,
    `/console/users/${user.id}/custom-data`,
    `/console/users/${user.id}/mfa`,
    "/console/sign-in-experience/mfa",
    "/console/sign-in-experience/sign-up-and-sign-in",
    "/console/applications",
    `/console/applications/${web.id}/settings`,
    `/console/applications/${web.id}/secrets`,
    `/console/applications/${robot.id}/organizations`,
    `/console/applications/${robot.id}/custom-data`,
    "/console/api-resources",
    `/console/api-resources/${resource.id}/settings`,
  ];
}

async function sidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("on a phone no console page scrolls sideways, and the navigation folds behind a menu button", async ({ page, request }) => {
  const pages = await consolePages(request);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsAdmin(page);
  for (const path of pages) {
    await open(page, path);
    await expect(page.locator(".skeleton")).toHaveCount(0);
    expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await open(page, "/console/organizations");
  const nav = page.getByRole("navigation", { name: "Console" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
  await expect(nav).toBeHidden();
});

test("on a desktop the navigation stays open and there is no menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAsAdmin(page);
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin signs in and reads every list and detail page", async ({ page, request, browser }) => {
    // The first admin exists once any journey ran; make sure of it with JavaScript on.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, javaScriptEnabled: true });
    await signInAsAdmin(await context.newPage());
    await context.close();
    const pages = await consolePages(request);

    await page.goto("/console/sign-in");
    await page.getByLabel("Username").fill(ADMIN.username);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto("/console/organizations");
    await expect(page).toHaveURL(/\/console\/organizations$/);
    for (const path of pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      // Rendered whole on the server: no skeleton waits for a script.
      await expect(page.locator(".skeleton"), path).toHaveCount(0);
      await expect(page.locator(".error-state"), path).toHaveCount(0);
    }
    await page.goto("/console/users");
    await expect(page.locator("table.table tbody tr").first()).toBeVisible();
    await page.goto(pages[1]);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Layout org");
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious or critical accessibility violations on console pages (${colorScheme})`, async ({ page, request }) => {
    const pages = await consolePages(request);
    await page.emulateMedia({ colorScheme });
    await signInAsAdmin(page);
    const found: string[] = [];
    for (const path of pages) {
      await open(page, path);
      await expect(page.locator(".skeleton")).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations) {
        if (v.impact === "serious" || v.impact === "critical") {
          found.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
}

test("console sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.context().clearCookies();
    await page.goto("/console/sign-in");
    await hydrated(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }
});

test("hosted pages: readable with any brand colour, busy only on a real submit, errors keep what was typed", async ({ page, request }) => {
  const api = await managementApi(request);
  // A pale yellow brand: white text on it would read at about 1.2:1.
  const org = await api.post("/organizations", { name: unique("Sunny "), color: { primaryColor: "#ffeb3b", darkPrimaryColor: "#fff176", isDarkModeEnabled: true } });
  const app = await api.post("/applications", {
    name: "Portal",
    type: "SPA",
    oidcClientMetadata: { redirectUris: ["https://app.example.test/callback"], postLogoutRedirectUris: [] },
  });
  const q = new URLSearchParams({
    client_id: app.id,
    redirect_uri: "https://app.example.test/callback",
    response_type: "code",
    scope: "openid",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
    organization_id: org.id,
  });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/oidc/auth?${q}`);
    await expect(page).toHaveURL(/\/sign-in$/);
    await hydrated(page);
    for (const path of ["/sign-in", "/register"]) {
      if (!page.url().endsWith(path)) await page.goto(path);
      await hydrated(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${colorScheme} ${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }

  // The browser's own validation blocks an empty submit: the button does not turn busy.
  await page.goto("/sign-in");
  await hydrated(page);
  const submit = page.getByRole("button", { name: "Sign in" });
  await submit.click();
  await expect(submit).toHaveText("Sign in");
  await expect(submit).toHaveAttribute("aria-busy", "false");

  // A refused registration keeps the username and the email (a sign-up asking for both).
  const signUp = (await api.get("/sign-in-exp")).signUp;
  await api.patch("/sign-in-exp", {
    signUp: {
      identifiers: ["username"],
      password: true,
      verify: true,
      secondaryIdentifiers: [{ identifier: "email", verify: true }],
    },
  });
  await page.goto("/register");
  await hydrated(page);
  const username = unique("reg");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email").fill(`${username}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill("long-enough-1");
  await page.getByLabel("Confirm password").fill("does-not-match");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue(username);
  await expect(page.getByLabel("Email")).toHaveValue(`${username}@example.test`);
  await api.patch("/sign-in-exp", { signUp });

  // On a phone the hosted pages do not scroll sideways either.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/sign-in", "/register"]) {
    await page.goto(path);
    expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
  }
});

test("an organization's brand colour and CSS are set in the console with a live preview", async ({ page, request }) => {
  const api = await managementApi(request);
  const org = await api.post("/organizations", { name: unique("Branded ") });
  await signInAsAdmin(page);
  await open(page, `/console/organizations/${org.id}/settings`);
  await page.getByLabel("Brand colour", { exact: true }).fill("#ffeb3b");
  // The preview follows as the admin types, with dark text on the pale button.
  const button = page.getByTestId("preview-light").locator(".preview-button");
  await expect(button).toHaveCSS("background-color", "rgb(255, 235, 59)");
  await expect(button).toHaveCSS("color", "rgb(0, 0, 0)");
  await page.getByLabel("Custom CSS").fill(".hosted-card { border-radius: 20px; }");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Saved.");
  const saved = await api.get(`/organizations/${org.id}`);
  expect(saved.color.primaryColor).toBe("#ffeb3b");
  expect(saved.customCss).toBe(".hosted-card { border-radius: 20px; }");
  // A colour that is not one is refused on its field.
  await page.getByLabel("Brand colour", { exact: true }).fill("yellow");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(".field-error")).toContainText("Brand colour");
});

test("the consent page for a third-party app is accessible and fits a phone", async ({ page, request }) => {
  const api = await managementApi(request);
  const app = await api.post("/applications", {
    name: "Partner tool",
    type: "SPA",
    isThirdParty: true,
    oidcClientMetadata: { redirectUris: ["https://app.example.test/callback"], postLogoutRedirectUris: [] },
  });
  const username = unique("consent");
  await api.post("/users", { username, password: "long-enough-password" });
  const q = new URLSearchParams({
    client_id: app.id,
    redirect_uri: "https://app.example.test/callback",
    response_type: "code",
    scope: "openid profile",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  });
  await page.goto(`/oidc/auth?${q}`);
  await hydrated(page);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/consent$/);
  await hydrated(page);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
});

test("pages served outside Leptos (sign-in error, signed out) have no serious accessibility violations", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/oidc/auth?client_id=no-such-app", "/oidc/session/end"]) {
      await page.goto(path);
      await expect(page.locator(".hosted-card")).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${colorScheme} ${path}: ${v.id}`)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }
});
