import { expect, hydrated, managementApi, open, signInAsAdmin, test } from "./fixtures";

// Journeys through the organization template, members, machine-to-machine apps and
// just-in-time provisioning. They build on each other (serial) in one fresh database.
test.describe.configure({ mode: "serial" });

let orgId = "";

test("API resources: create one and its permissions", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "API resources" }).click();
  await expect(page).toHaveURL(/\/console\/api-resources$/);
  await page.getByRole("button", { name: "Create API resource" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("API name").fill("Projects API");
  await dialog.getByLabel("API identifier").fill("not a uri");
  await dialog.getByRole("button", { name: "Create API resource" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await dialog.getByLabel("API identifier").fill("https://projects.example.com");
  await dialog.getByRole("button", { name: "Create API resource" }).click();
  await expect(page).toHaveURL(/\/console\/api-resources\/[^/]+\/permissions$/);
  await expect(page.getByTestId("resource-title")).toHaveText("Projects API");

  for (const name of ["read:projects", "write:projects", "bad name"]) {
    await page.getByRole("button", { name: "Create permission" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Permission name").fill(name);
    await dialog.getByRole("button", { name: "Create permission" }).click();
    if (name === "bad name") {
      await expect(dialog.getByRole("alert")).toHaveText("A permission name cannot contain spaces.");
      await dialog.getByRole("button", { name: "Cancel" }).click();
    } else {
      await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
    }
  }
  await page.getByRole("button", { name: "Delete write:projects" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Delete write:projects?");
  await dialog.getByRole("button", { name: "Delete permission" }).click();
  await expect(page.getByRole("row", { name: /write:projects/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /read:projects/ })).toBeVisible();
});

test("organization template: permissions and roles", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Organization template" }).click();
  await expect(page).toHaveURL(/\/console\/organization-template\/roles$/);
  await expect(page.getByText("No organization roles")).toBeVisible();

  // Permissions tab: create, refuse a duplicate, edit, search, delete.
  await page.getByRole("link", { name: "Organization permissions" }).click();
  await expect(page).toHaveURL(/\/organization-template\/permissions$/);
  for (const name of ["read:members", "invite:members", "delete:org"]) {
    await page.getByRole("button", { name: "Create permission" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Permission name").fill(name);
    await dialog.getByRole("button", { name: "Save permission" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Create permission" }).click();
  await page.getByRole("dialog").getByLabel("Permission name").fill("read:members");
  await page.getByRole("dialog").getByRole("button", { name: "Save permission" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("This name is already in use.");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByRole("button", { name: "Edit invite:members" }).click();
  await page.getByRole("dialog").getByLabel("Description").fill("Invite people to the organization");
  await page.getByRole("dialog").getByRole("button", { name: "Save permission" }).click();
  await expect(page.getByRole("row", { name: /invite:members/ })).toContainText("Invite people");
  await page.getByLabel("Search permissions").fill("delete");
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: "Delete delete:org" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete permission" }).click();
  await expect(page.getByText("No permission matches this search.")).toBeVisible();
  await page.getByLabel("Search permissions").fill("");
  await expect(page.getByRole("row")).toHaveCount(3);

  // Roles tab: a User role with permissions of both kinds, and a machine-to-machine role.
  await page.getByRole("link", { name: "Organization roles" }).click();
  await page.getByRole("button", { name: "Create role" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Name is required.");
  await dialog.getByLabel("Role name").fill("editor");
  await dialog.getByLabel("Description").fill("Edits projects");
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(page).toHaveURL(/\/organization-template\/roles\/[^/]+\/permissions$/);
  await expect(page.getByTestId("role-title")).toHaveText("editor");
  await expect(page.getByText("No permissions yet")).toBeVisible();

  await page.getByRole("button", { name: "Assign permissions" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: /read:members/ }).check();
  await dialog.getByRole("checkbox", { name: /invite:members/ }).check();
  await dialog.getByRole("checkbox", { name: /read:projects/ }).check();
  await dialog.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("row", { name: /read:projects/ })).toContainText("API: Projects API");

  await page.getByRole("button", { name: "Remove invite:members" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Remove invite:members from this role?");
  await dialog.getByRole("button", { name: "Remove permission" }).click();
  await expect(page.getByRole("row", { name: /invite:members/ })).toHaveCount(0);
  await expect(page.getByRole("row")).toHaveCount(3);

  // General tab: rename.
  await page.getByRole("link", { name: "General" }).click();
  await expect(page).toHaveURL(/\/general$/);
  await page.getByLabel("Role name").fill("project-editor");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  await expect(page.getByTestId("role-title")).toHaveText("project-editor");

  // More roles: a viewer to delete, a machine-to-machine role.
  for (const [name, type] of [
    ["viewer", "User"],
    ["scratch", "User"],
    ["robot", "Machine-to-machine"],
  ]) {
    await open(page, "/console/organization-template/roles");
    await page.getByRole("button", { name: "Create role" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Role name").fill(name);
    await dialog.getByLabel(type, { exact: true }).check();
    await dialog.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByTestId("role-title")).toHaveText(name);
  }
  await page.getByRole("button", { name: "Delete" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Delete role robot?");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await open(page, "/console/organization-template/roles");
  await page.getByRole("link", { name: "scratch" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete role" }).click();
  await expect(page).toHaveURL(/\/organization-template\/roles$/);

  const editor = page.getByRole("row", { name: /project-editor/ });
  await expect(editor).toContainText("User");
  await expect(editor).toContainText("read:members");
  await expect(editor).toContainText("read:projects");
  await expect(page.getByRole("row", { name: /robot/ })).toContainText("Machine-to-machine");
  await expect(page.getByRole("row", { name: /scratch/ })).toHaveCount(0);
  await page.getByLabel("Search roles").fill("robo");
  await expect(page.getByRole("row")).toHaveCount(2);
});

test("users: create, search, open", async ({ page, request }) => {
  const api = await managementApi(request);
  for (const username of ["bob", "carol"]) {
    await api.post("/users", { username, primaryEmail: `${username}@acme.test`, name: username.toUpperCase() });
  }
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
  await page.getByRole("button", { name: "Create user" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("Username").fill("bob");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("This username is already in use.");
  await dialog.getByLabel("Username").fill("alice");
  await dialog.getByLabel("Email").fill("alice@acme.test");
  await dialog.getByLabel("Name", { exact: true }).fill("Alice Liddell");
  await dialog.getByLabel("Password").fill("correct-horse-battery");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/console\/users\/[^/]+\/details$/);
  await expect(page.getByTestId("user-title")).toHaveText("Alice Liddell");
  await expect(page.getByLabel("Email")).toHaveValue("alice@acme.test");

  // Other journeys create users in the same database: count only this journey's.
  await open(page, "/console/users");
  await page.getByLabel("Search users").fill("acme.test");
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByLabel("Search users").fill("caro");
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "CAROL" })).toBeVisible();
});

test("members: add with roles, edit roles, remove", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Acme");
  await page.getByRole("dialog").getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/console\/organizations\/[^/]+\/settings$/);
  orgId = page.url().split("/").at(-2)!;

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByText("No members yet")).toBeVisible();
  await page.getByRole("button", { name: "Add members" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Add members" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Pick at least one member to add.");
  await dialog.getByLabel("Search users").fill("alice");
  await dialog.getByRole("checkbox", { name: /Alice Liddell/ }).check();
  await dialog.getByLabel("Search users").fill("bob");
  await dialog.getByRole("checkbox", { name: /BOB/ }).check();
  await expect(dialog.getByTestId("picked").locator(".chip")).toHaveText(["Alice Liddell×", "BOB×"]);
  // Only User roles are offered for users.
  await expect(dialog.getByRole("checkbox", { name: /robot/ })).toHaveCount(0);
  await dialog.getByRole("checkbox", { name: /project-editor/ }).check();
  await dialog.getByRole("button", { name: "Add members" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("row", { name: /Alice Liddell/ })).toContainText("project-editor");
  await expect(page.getByRole("row", { name: /BOB/ })).toContainText("project-editor");
  await expect(page.getByRole("row", { name: /BOB/ })).toContainText("Never");

  // Members already in are not offered again.
  await page.getByRole("button", { name: "Add members" }).click();
  await page.getByRole("dialog").getByLabel("Search users").fill("a");
  await expect(page.getByRole("dialog").getByRole("checkbox", { name: /CAROL/ })).toBeVisible();
  await expect(page.getByRole("dialog").getByRole("checkbox", { name: /Alice/ })).toHaveCount(0);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // Edit roles.
  await page.getByRole("button", { name: "Edit roles of BOB" }).click();
  const edit = page.getByRole("dialog");
  await expect(edit.getByRole("checkbox", { name: /project-editor/ })).toBeChecked();
  await edit.getByRole("checkbox", { name: /project-editor/ }).uncheck();
  await edit.getByRole("checkbox", { name: /viewer/ }).check();
  await edit.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const bob = page.getByRole("row", { name: /BOB/ });
  await expect(bob).toContainText("viewer");
  await expect(bob).not.toContainText("project-editor");

  // Remove with confirmation.
  await page.getByRole("button", { name: "Remove Alice Liddell" }).click();
  await expect(page.getByRole("dialog")).toContainText("Remove Alice Liddell from this organization?");
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("row", { name: /Alice/ })).toHaveCount(0);
  await expect(page.getByRole("row")).toHaveCount(2);

  // The state survives a reload, and the user's page lists the organization with the role.
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("row", { name: /BOB/ })).toContainText("viewer");
  // Deleting the organization would name who loses access; cancelled here.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("dialog")).toContainText("Its 1 member loses access to it.");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await open(page, "/console/users");
  await page.getByRole("link", { name: "BOB" }).click();
  await page.getByRole("navigation", { name: "User sections" }).getByRole("link", { name: "Organizations" }).click();
  await expect(page).toHaveURL(/\/organizations$/);
  await expect(page.getByRole("row", { name: /Acme/ })).toContainText("viewer");
});

test("machine-to-machine tab: add an app with a role; its organization token follows", async ({
  page,
  request,
}) => {
  const api = await managementApi(request);
  const app = await api.post("/applications", { name: "Acme sync", type: "MachineToMachine" });
  await api.post("/applications", { name: "Web frontend", type: "SPA" });
  await signInAsAdmin(page);
  await open(page, `/console/organizations/${orgId}/machine-to-machine`);
  await expect(page.getByText("No applications yet")).toBeVisible();
  await page.getByRole("button", { name: "Add applications" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("checkbox", { name: /Acme sync/ })).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: /Web frontend/ })).toHaveCount(0);
  await expect(dialog.getByRole("checkbox", { name: /viewer/ })).toHaveCount(0);
  await dialog.getByRole("checkbox", { name: /Acme sync/ }).check();
  await dialog.getByRole("checkbox", { name: /robot/ }).check();
  await dialog.getByRole("button", { name: "Add applications" }).click();
  await expect(page.getByRole("row", { name: /Acme sync/ })).toContainText("robot");

  // The app can now get an organization token.
  const basic = `Basic ${Buffer.from(`${app.id}:${app.secret}`).toString("base64")}`;
  const orgToken = () =>
    request.post("/oidc/token", {
      form: { grant_type: "client_credentials", organization_id: orgId },
      headers: { authorization: basic },
    });
  expect((await orgToken()).status()).toBe(200);

  // Its Organizations tab lists the organization.
  await open(page, `/console/applications/${app.id}/organizations`);
  await expect(page.getByRole("row", { name: /Acme/ })).toContainText("robot");

  // Editing roles down to none and removing it take effect at once.
  await open(page, `/console/organizations/${orgId}/machine-to-machine`);
  await page.getByRole("button", { name: "Edit roles of Acme sync" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: /robot/ }).uncheck();
  await page.getByRole("dialog").getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("row", { name: /Acme sync/ })).toContainText("No roles");
  await page.getByRole("button", { name: "Remove Acme sync" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove application" }).click();
  await expect(page.getByText("No applications yet")).toBeVisible();
  expect((await orgToken()).status()).toBe(403);
});

test("just-in-time provisioning settings", async ({ page, request }) => {
  const api = await managementApi(request);
  await api.post("/sso-connectors", { providerName: "OIDC", connectorName: "Acme Okta" });
  await signInAsAdmin(page);
  await open(page, `/console/organizations/${orgId}/jit`);
  const section = page.getByRole("region", { name: "Just-in-time provisioning" });
  await expect(section.getByTestId("jit-domains")).toHaveText("No email domains.");

  await section.getByLabel("Email domain").fill("nodot");
  await section.getByRole("button", { name: "Add domain" }).click();
  await expect(section.getByRole("alert")).toContainText("Enter an email domain");
  for (const domain of ["Acme.com", "acme.io"]) {
    await section.getByLabel("Email domain").fill(domain);
    await section.getByRole("button", { name: "Add domain" }).click();
    await expect(section.getByTestId("jit-domains")).toContainText(domain.toLowerCase());
  }
  await section.getByLabel("Email domain").fill("acme.com");
  await section.getByRole("button", { name: "Add domain" }).click();
  await expect(section.getByRole("alert")).toHaveText("This domain is already in the list.");
  await section.getByRole("button", { name: "Remove acme.io" }).click();
  await expect(section.getByTestId("jit-domains")).not.toContainText("acme.io");

  // Only User roles are offered as defaults.
  await expect(section.getByRole("checkbox", { name: /robot/ })).toHaveCount(0);
  await section.getByRole("checkbox", { name: /Acme Okta/ }).check();
  await section.getByRole("checkbox", { name: /viewer/ }).check();
  await page.getByRole("button", { name: "Save provisioning" }).click();
  await expect(page.getByRole("status")).toContainText("Provisioning saved.");

  await page.reload();
  await expect(section.getByTestId("jit-domains")).toHaveText(/acme\.com/);
  await expect(section.getByRole("checkbox", { name: /Acme Okta/ })).toBeChecked();
  await expect(section.getByRole("checkbox", { name: /viewer/ })).toBeChecked();
  await expect(section.getByRole("checkbox", { name: /project-editor/ })).not.toBeChecked();
  const roles = await api.get(`/organizations/${orgId}/jit/roles`);
  expect(roles.map((r: { name: string }) => r.name)).toEqual(["viewer"]);
});
