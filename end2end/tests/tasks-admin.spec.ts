import { test, expect, signInAsAdmin, open, managementApi, unique } from "./fixtures";

test("a user's account: profile, password, suspension, roles, custom data, delete", async ({ page, request }) => {
  const api = await managementApi(request);
  const username = unique("grace");
  const user = await api.post("/users", { username, name: "Grace", password: "first-password-1" });
  const role = await api.post("/roles", { name: unique("Auditor"), description: "Reads reports", type: "User" });
  await signInAsAdmin(page);
  await open(page, `/console/users/${user.id}/details`);
  const toasts = page.getByTestId("toasts");

  // Profile: saved with the save bar, with a toast, and the header follows.
  await page.getByLabel("Name", { exact: true }).fill("Grace Hopper");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(".field-error")).toContainText("Email");
  await page.getByLabel("Email").fill(`${username}@navy.test`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toasts).toContainText("User saved.");
  await expect(page.getByTestId("user-title")).toHaveText("Grace Hopper");
  expect((await api.get(`/users/${user.id}`)).primaryEmail).toBe(`${username}@navy.test`);

  // Password reset: too short is refused inline, then the new one is the user's.
  await page.getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("New password").fill("short");
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog.locator(".field-error")).toContainText("at least 8");
  await dialog.getByLabel("New password").fill("second-password-2");
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(toasts).toContainText("Password changed.");
  const verify = await request.post(`/api/users/${user.id}/password/verify`, {
    headers: { authorization: (await bearer(request)) },
    data: { password: "second-password-2" },
  });
  expect(verify.status()).toBe(204);

  // Suspension, confirmed first; the header says so, and the API agrees.
  await page.getByRole("button", { name: "Suspend" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Suspend" }).click();
  await expect(toasts).toContainText("User suspended.");
  await expect(page.locator(".header-card")).toContainText("Suspended");
  expect((await api.get(`/users/${user.id}`)).isSuspended).toBe(true);
  await page.getByRole("button", { name: "Reactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reactivate" }).click();
  await expect(toasts).toContainText("User reactivated.");
  expect((await api.get(`/users/${user.id}`)).isSuspended).toBe(false);

  // Global roles: a searchable picker with chips.
  await page.getByRole("navigation", { name: "User sections" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.getByText("No roles", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Assign roles" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByLabel("Search roles").fill(role.name.slice(0, 6));
  await picker.getByRole("checkbox", { name: new RegExp(role.name) }).check();
  await expect(picker.locator(".chip")).toContainText(role.name);
  await picker.getByRole("button", { name: "Assign" }).click();
  await expect(toasts).toContainText("Role assigned.");
  await expect(page.getByRole("cell", { name: role.name, exact: true })).toBeVisible();
  expect((await api.get(`/users/${user.id}/roles`)).map((r: { id: string }) => r.id)).toEqual([role.id]);
  await page.getByRole("button", { name: `Remove role ${role.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove role" }).click();
  await expect(toasts).toContainText("Role removed.");
  expect(await api.get(`/users/${user.id}/roles`)).toEqual([]);

  // Custom data: a JSON editor; invalid JSON is refused on the field.
  await page.getByRole("navigation", { name: "User sections" }).getByRole("link", { name: "Custom data" }).click();
  await page.getByLabel("JSON object").fill("{ nope");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(".field-error")).toContainText("not valid JSON");
  await page.getByLabel("JSON object").fill('{ "plan": "pro" }');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toasts).toContainText("Custom data saved.");
  expect((await api.get(`/users/${user.id}/custom-data`))).toEqual({ plan: "pro" });

  // Delete from the page.
  await page.getByRole("button", { name: "Delete user" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
  await expect(toasts).toContainText("User deleted.");
  const gone = await request.get(`/api/users/${user.id}`, { headers: { authorization: await bearer(request) } });
  expect(gone.status()).toBe(404);
});

test("an app's secrets rotate, its custom data saves, and it is deleted from its page", async ({ page, request }) => {
  const api = await managementApi(request);
  const app = await api.post("/applications", { name: unique("Robot"), type: "MachineToMachine" });
  await signInAsAdmin(page);
  await open(page, `/console/applications/${app.id}/secrets`);
  const toasts = page.getByTestId("toasts");
  await expect(page.getByRole("cell", { name: "Default secret", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Add secret" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("rotation");
  await dialog.getByLabel("Expires").selectOption("90");
  await dialog.getByRole("button", { name: "Add secret" }).click();
  await expect(toasts).toContainText("Secret added.");
  const value = (await dialog.locator(".secret-value code").textContent())!.trim();
  expect(value).toHaveLength(32);
  await dialog.getByRole("button", { name: "Done" }).click();

  // The new secret works; the old one is deleted and stops working.
  const token = (secret: string) =>
    request.post("/oidc/token", {
      form: { grant_type: "client_credentials", resource: "https://default.logto.app/api" },
      headers: { authorization: `Basic ${Buffer.from(`${app.id}:${secret}`).toString("base64")}` },
    });
  expect((await token(value)).status()).not.toBe(401);
  await page.getByRole("button", { name: "Delete secret Default secret" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete secret" }).click();
  await expect(toasts).toContainText("Secret deleted.");
  await expect(page.getByRole("cell", { name: "Default secret", exact: true })).toHaveCount(0);
  const names = (await api.get(`/applications/${app.id}/secrets`)).map((s: { name: string }) => s.name);
  expect(names).toEqual(["rotation"]);

  await page.getByRole("navigation", { name: "Application sections" }).getByRole("link", { name: "Custom data" }).click();
  await page.getByLabel("JSON object").fill('{ "team": "billing" }');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toasts).toContainText("Custom data saved.");
  expect((await api.get(`/applications/${app.id}`)).customData).toEqual({ team: "billing" });

  await page.getByRole("button", { name: "Delete application" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete application" }).click();
  await expect(page).toHaveURL(/\/console\/applications$/);
  await expect(toasts).toContainText("Application deleted.");
});

test("an unknown id is one not-found card with a 404", async ({ page }) => {
  await signInAsAdmin(page);
  for (const path of [
    "/console/organizations/no-such-org/settings",
    "/console/users/no-such-user/details",
    "/console/applications/no-such-app/settings",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toHaveCount(1);
    await expect(page.locator(".error-state")).toHaveCount(0);
  }
});

async function bearer(request: import("@playwright/test").APIRequestContext) {
  const token = await request.post("/oidc/token", {
    form: { grant_type: "client_credentials", resource: "https://default.logto.app/api", scope: "all" },
    headers: {
      authorization: `Basic ${Buffer.from("e2e-automation:e2e-automation-secret-0123456789").toString("base64")}`,
    },
  });
  return `Bearer ${(await token.json()).access_token}`;
}
