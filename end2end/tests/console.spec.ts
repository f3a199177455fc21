import { ADMIN, expect, hydrated, signIn, test } from "./fixtures";

// One fresh database per run: the journey starts at the first-run page and builds on itself.
test.describe.configure({ mode: "serial" });

const LOGO =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

test("first run asks for the first administrator", async ({ page }) => {
  await page.goto("/console/organizations");
  await expect(page).toHaveURL(/\/console\/setup$/);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();
  await page.getByLabel("Username").fill(ADMIN.username);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Confirm password").fill("something-else");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await page.getByLabel("Confirm password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await expect(page.getByTestId("admin-name")).toHaveText(ADMIN.username);
  await expect(page.getByText("No organizations")).toBeVisible();
});

test("a wrong password is refused and the console stays closed", async ({ page }) => {
  await signIn(page, ADMIN.username, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
  await expect(page).toHaveURL(/\/console\/sign-in$/);
  await signIn(page, "nobody-here", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");
  await page.goto("/console/organizations");
  await expect(page).toHaveURL(/\/console\/sign-in$/);
});

test("sign in, create, edit, search and delete an organization", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await hydrated(page);

  for (const name of ["Globex", "Acme Rockets"]) {
    await page.getByRole("button", { name: "Create organization" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Description").fill(`${name} description`);
    await dialog.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/console\/organizations\/[0-9a-z]{12}\/settings$/);
    await expect(page.getByTestId("org-title")).toHaveText(name);
    await page.goto("/console/organizations");
    await hydrated(page);
  }
  await expect(page.getByRole("row")).toHaveCount(3);

  // Search through the server, debounced.
  await page.getByLabel("Search organizations").fill("rock");
  await expect(page).toHaveURL(/q=rock/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Acme Rockets" })).toBeVisible();
  await page.getByLabel("Search organizations").fill("nothing-like-this");
  await expect(page.getByText("No organization matches this search.")).toBeVisible();
  await page.getByLabel("Search organizations").fill("");
  await expect(page.getByRole("row")).toHaveCount(3);

  // Edit settings.
  await page.getByRole("link", { name: "Acme Rockets" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await hydrated(page);
  await page.getByLabel("Name").fill("Acme Corporation");
  await page.getByLabel("Custom data").fill("{ not json");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("custom-data-error")).toContainText("not valid JSON");
  await page.getByLabel("Custom data").fill('["a list"]');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("custom-data-error")).toContainText("must be a JSON object");
  await page.getByLabel("Custom data").fill('{"plan": "enterprise", "seats": 40}');
  const mfa = page.getByRole("switch", { name: "Require MFA" });
  await expect(mfa).not.toBeChecked();
  await page.locator("label.switch").click();
  await expect(mfa).toBeChecked();
  await page.getByLabel("Logo URL", { exact: true }).fill(LOGO);
  await expect(page.getByAltText("Logo preview on a light background")).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  await expect(page.getByTestId("org-title")).toHaveText("Acme Corporation");
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  // A bad URL comes back from the server as a field message.
  await page.getByLabel("Dark logo URL").fill("not a url");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Dark logo URL must be a valid URL");
  await page.getByRole("button", { name: "Discard" }).click();

  // Saved values survive a reload (server-rendered).
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel("Name")).toHaveValue("Acme Corporation");
  await expect(page.getByRole("switch", { name: "Require MFA" })).toBeChecked();
  await expect(page.getByLabel("Custom data")).toHaveValue(/"plan": "enterprise"/);
  await expect(page.getByLabel("Logo URL", { exact: true })).toHaveValue(LOGO);

  // Delete with confirmation.
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Delete organization Acme Corporation? It has no members.");
  await dialog.getByRole("button", { name: "Delete organization" }).click();
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await hydrated(page);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Globex" })).toBeVisible();
});

test("dialogs hold the keyboard and a dirty form asks before leaving", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await hydrated(page);

  // Focus moves into the dialog, Tab cycles inside it, Escape gives focus back to the opener.
  const opener = page.getByRole("button", { name: "Create organization" });
  await opener.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Name")).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // An edited form: leaving by a console link asks; declining keeps the page and the edit.
  await page.getByRole("link", { name: "Globex" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await hydrated(page);
  await page.getByLabel("Name").fill("Globex Edited");
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole("link", { name: "Organizations" }).first().click();
  await expect(page).toHaveURL(/\/settings$/);
  expect(asked).toEqual(["You have unsaved changes. Leave this page and discard them?"]);
  await expect(page.getByLabel("Name")).toHaveValue("Globex Edited");
  // Accepting leaves without saving.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("link", { name: "Organizations" }).first().click();
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await expect(page.getByRole("link", { name: "Globex", exact: true })).toBeVisible();
  // With nothing edited, links leave without asking.
  await page.getByRole("link", { name: "Globex", exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await hydrated(page);
  await page.getByRole("link", { name: "Organizations" }).first().click();
  await expect(page).toHaveURL(/\/console\/organizations$/);
});

test("create a machine-to-machine app and use its secret once", async ({ page, request }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await page.getByRole("link", { name: "Applications" }).click();
  await expect(page).toHaveURL(/\/console\/applications$/);
  await hydrated(page);
  await page.getByRole("button", { name: "Create application" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: /Machine-to-machine/ }).check();
  await dialog.getByLabel("Grant Management API access").check();
  await dialog.getByLabel("Name").fill("Provisioning script");
  await dialog.getByRole("button", { name: "Create application" }).click();
  const panel = page.getByTestId("secret-panel");
  await expect(panel).toContainText("will not be shown again");
  const appId = (await panel.locator("dd code").first().textContent())!.trim();
  const secret = (await page.getByTestId("app-secret").locator("code").textContent())!.trim();
  expect(secret).toHaveLength(32);
  await expect(page.getByRole("row", { name: /Provisioning script/ })).toContainText("Full access");

  // The credentials work against the Management API.
  const token = await request.post("/oidc/token", {
    form: { grant_type: "client_credentials", resource: "https://default.logto.app/api", scope: "all" },
    headers: { authorization: `Basic ${Buffer.from(`${appId}:${secret}`).toString("base64")}` },
  });
  expect(token.status()).toBe(200);
  const { access_token } = await token.json();
  const orgs = await request.get("/api/organizations", { headers: { authorization: `Bearer ${access_token}` } });
  expect(orgs.status()).toBe(200);
  expect((await orgs.json()).map((o: { name: string }) => o.name)).toContain("Globex");

  // The secret is gone once dismissed, and not in the page after a reload.
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("secret-panel")).toHaveCount(0);
  await page.reload();
  await expect(page.locator("body")).not.toContainText(secret);
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/console\/organizations$/);
  await hydrated(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/console\/sign-in$/);
  await page.goto("/console/applications");
  await expect(page).toHaveURL(/\/console\/sign-in$/);
});
