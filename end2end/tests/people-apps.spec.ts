import { test, expect, signInAsAdmin, hydrated, managementApi, CALLBACK } from "./fixtures";

test("create a web app, see its secret once, and register its redirect URIs", async ({ page, request }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Applications" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: "Create application" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: /Traditional web/ })).toBeChecked();
  await expect(dialog.getByLabel("Grant Management API access")).toHaveCount(0);
  await dialog.getByLabel("Name").fill("Customer portal");
  await dialog.getByRole("button", { name: "Create application" }).click();

  const panel = page.getByTestId("secret-panel");
  await expect(panel).toContainText("will not be shown again");
  const secret = (await page.getByTestId("app-secret").locator("code").textContent())!.trim();
  expect(secret).toHaveLength(32);
  await panel.getByRole("link", { name: "Add redirect URIs" }).click();
  await expect(page).toHaveURL(/\/console\/applications\/[^/]+\/settings$/);
  await hydrated(page);
  const appId = page.url().split("/").at(-2)!;
  await expect(page.getByText(secret)).toHaveCount(0);

  // A URI with a fragment is refused by the server, with the reason.
  await page.getByRole("button", { name: "Add redirect URI" }).click();
  await page.getByLabel("Redirect URI 1", { exact: true }).fill(`${CALLBACK}#fragment`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("must not contain a fragment");

  await page.getByLabel("Redirect URI 1", { exact: true }).fill(CALLBACK);
  await page.getByRole("button", { name: "Add redirect URI" }).click();
  await page.getByLabel("Redirect URI 2", { exact: true }).fill("https://app.example.test/second");
  await page.getByRole("button", { name: "Remove Redirect URI 2" }).click();
  await page.getByRole("button", { name: "Add CORS allowed origin" }).click();
  await page.getByLabel("CORS allowed origin 1", { exact: true }).fill("https://app.example.test");
  await page.getByLabel("Refresh token lifetime (days)").fill("30");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  // Stored, and shown again after a reload.
  const api = await managementApi(request);
  const app = await api.get(`/applications/${appId}`);
  expect(app.type).toBe("Traditional");
  expect(app.oidcClientMetadata.redirectUris).toEqual([CALLBACK]);
  expect(app.customClientMetadata.corsAllowedOrigins).toEqual(["https://app.example.test"]);
  expect(app.customClientMetadata.refreshTokenTtlInDays).toBe(30);
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel("Redirect URI 1", { exact: true })).toHaveValue(CALLBACK);
  const sections = page.getByRole("navigation", { name: "Application sections" });
  await expect(sections.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Organizations" })).toHaveCount(0);
});
