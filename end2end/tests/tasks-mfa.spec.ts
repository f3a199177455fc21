import { test, expect, signInAsAdmin, open, managementApi, unique } from "./fixtures";

/**
 * An administrator's MFA tasks in the console: the sign-in MFA settings, a user's factors
 * (removing a lost one), and the warning beside an organization's "Require MFA" switch. The
 * settings are tenant-wide: the file puts back the default afterwards.
 */
test.afterAll(async ({ request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: [], policy: "UserControlled" } });
});

test("MFA settings: factors, policy and the organization rule are saved", async ({ page, request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: [], policy: "UserControlled" } });
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Multi-factor auth" }).click();
  await expect(page).toHaveURL(/\/console\/sign-in-experience\/mfa$/);
  await expect(page.getByRole("heading", { name: "Multi-factor authentication", level: 1 })).toBeVisible();
  await expect(page.getByText("With no factor enabled, nobody is asked for MFA at sign-in.")).toBeVisible();

  // Backup codes alone are refused on their field.
  await page.getByRole("checkbox", { name: /Backup codes/ }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Backup codes need another factor").first()).toBeVisible();

  await page.getByRole("checkbox", { name: /Authenticator app/ }).check();
  await page.getByRole("radio", { name: /Require for everyone/ }).check();
  // The switch's input is drawn by its label (the slider): the label takes the click.
  await page.locator("label.switch", { hasText: "Make members set up MFA at sign-in" }).click();
  await expect(page.getByRole("switch", { name: "Make members set up MFA at sign-in" })).toBeChecked();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("MFA settings saved.");
  const exp = await api.get("/sign-in-exp");
  expect(exp.mfa).toEqual({
    factors: ["BackupCode", "Totp"],
    policy: "Mandatory",
    organizationRequiredMfaPolicy: "Mandatory",
  });

  // The page reads back what was saved.
  await open(page, "/console/sign-in-experience/mfa");
  await expect(page.getByRole("radio", { name: /Require for everyone/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Authenticator app/ })).toBeChecked();
});

test("A user's factors are listed and a lost one is removed", async ({ page, request }) => {
  const api = await managementApi(request);
  const user = await api.post("/users", { username: unique("lost") });
  await api.post(`/users/${user.id}/mfa-verifications`, { type: "Totp" });
  await api.post(`/users/${user.id}/mfa-verifications`, { type: "BackupCode" });
  await signInAsAdmin(page);
  await open(page, `/console/users/${user.id}/details`);
  await page.getByRole("link", { name: "MFA", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/console/users/${user.id}/mfa$`));
  await expect(page.getByRole("cell", { name: "Authenticator app", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "10 of 10 codes left" })).toBeVisible();
  await page.getByRole("button", { name: "Remove authenticator app" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove factor" }).click();
  await expect(page.getByRole("status")).toContainText("Factor removed.");
  await expect(page.getByRole("cell", { name: "Authenticator app", exact: true })).toHaveCount(0);
  const left = await api.get(`/users/${user.id}/mfa-verifications`);
  expect(left.map((f: { type: string }) => f.type)).toEqual(["BackupCode"]);
});

test("Require MFA warns while no factor is enabled", async ({ page, request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: [], policy: "UserControlled" } });
  const org = await api.post("/organizations", { name: unique("Warn org ") });
  await signInAsAdmin(page);
  await open(page, `/console/organizations/${org.id}/settings`);
  await expect(page.getByTestId("no-factor-warning")).toHaveCount(0);
  await page.locator("label.switch", { hasText: "Require MFA" }).click();
  await expect(page.getByTestId("no-factor-warning")).toBeVisible();
  await api.patch("/sign-in-exp", { mfa: { factors: ["Totp"], policy: "NoPrompt" } });
  await open(page, `/console/organizations/${org.id}/settings`);
  await page.locator("label.switch", { hasText: "Require MFA" }).click();
  await expect(page.getByRole("switch", { name: "Require MFA" })).toBeChecked();
  await expect(page.getByTestId("no-factor-warning")).toHaveCount(0);
});
