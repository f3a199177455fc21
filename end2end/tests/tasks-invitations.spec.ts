import { createHash, randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import type { Page } from "@playwright/test";
import { test, expect, managementApi, hydrated, interceptCallbacks, open, signInAsAdmin, unique, CALLBACK } from "./fixtures";
import { newestMail } from "./outbox";

/**
 * Organization invitations and magic links as people meet them, with JavaScript on and off:
 * the emailed link to the hosted invitation page, accepting as a new person (who creates an
 * account) or as an existing account, the invitation's roles, the link refused the second
 * time, a withdrawn invitation; and a magic link (`one_time_token` + `login_hint`) that signs
 * its account in and joins the token's organizations.
 */
const PASSWORD = "correct horse battery";
type Api = Awaited<ReturnType<typeof managementApi>>;

/** An organization with one role; an invitation to `email` mailed with Tessera's link. */
async function invite(api: Api, email: string) {
  const org = await api.post("/organizations", { name: unique("Invited ") });
  const role = await api.post("/organization-roles", { name: unique("member-") });
  const since = Date.now() - 1000;
  const invitation = await api.post("/organization-invitations", {
    invitee: email,
    organizationId: org.id,
    expiresAt: Date.now() + 86_400_000,
    organizationRoleIds: [role.id],
    messagePayload: {},
  });
  const mail = await newestMail(email, "OrganizationInvitation", since);
  const link = new URL(mail.payload.link!);
  expect(link.pathname).toBe(`/invitation/${invitation.id}`);
  expect(mail.text).toContain(org.name);
  return { org, role, invitation, path: `${link.pathname}${link.search}` };
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`invitations, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    const ready = async (page: Page) => {
      if (javaScriptEnabled) await hydrated(page);
    };

    test("a new person accepts the emailed invitation and joins with its role; the link works once", async ({ page, request }) => {
      const api = await managementApi(request);
      const username = unique("inv");
      const email = `${username}@example.test`;
      const { org, role, invitation, path } = await invite(api, email);

      await page.goto(path);
      await ready(page);
      await expect(page.getByRole("heading", { name: `Join ${org.name}` })).toBeVisible();
      await expect(page.getByText(`Accepting creates your account for ${email}.`)).toBeVisible();
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill("something else");
      await page.getByRole("button", { name: "Accept invitation" }).click();
      await expect(page.getByRole("alert")).toHaveText("The passwords do not match.");
      await ready(page);
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill(PASSWORD);
      await page.getByRole("button", { name: "Accept invitation" }).click();
      await expect(page.getByRole("heading", { name: `You joined ${org.name}` })).toBeVisible();

      const accepted = await api.get(`/organization-invitations/${invitation.id}`);
      expect(accepted.status).toBe("Accepted");
      const roles = await api.get(`/organizations/${org.id}/users/${accepted.acceptedUserId}/roles`);
      expect(roles.map((r: { id: string }) => r.id)).toEqual([role.id]);
      const user = await api.get(`/users/${accepted.acceptedUserId}`);
      expect(user.primaryEmail).toBe(email);
      expect(user.username).toBe(username);

      // The link again: refused.
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "This invitation was already accepted" })).toBeVisible();
    });

    test("an existing account accepts without a password; a withdrawn invitation says so", async ({ page, request }) => {
      const api = await managementApi(request);
      const username = unique("member");
      const email = `${username}@example.test`;
      const user = await api.post("/users", { username, primaryEmail: email, password: PASSWORD });
      const { org, path } = await invite(api, email);
      await page.goto(path);
      await ready(page);
      await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
      await page.getByRole("button", { name: "Accept invitation" }).click();
      await expect(page.getByRole("heading", { name: `You joined ${org.name}` })).toBeVisible();
      const members = await api.get(`/organizations/${org.id}/users`);
      expect(members.map((m: { id: string }) => m.id)).toContain(user.id);

      const withdrawn = await invite(api, `${unique("gone")}@example.test`);
      await api.put(`/organization-invitations/${withdrawn.invitation.id}/status`, { status: "Revoked" });
      await page.goto(withdrawn.path);
      await expect(page.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    });

    test("a magic link signs its account in and joins the token's organization", async ({ page, request }) => {
      const api = await managementApi(request);
      const app = await api.post("/applications", {
        name: "Magic App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const org = await api.post("/organizations", { name: unique("Magic ") });
      const email = `${unique("magic")}@example.test`;
      const user = await api.post("/users", { primaryEmail: email });
      const token = await api.post("/one-time-tokens", { email, context: { jitOrganizationIds: [org.id] } });
      const verifier = randomBytes(32).toString("base64url");
      const q = new URLSearchParams({
        client_id: app.id,
        redirect_uri: CALLBACK,
        response_type: "code",
        scope: "openid",
        state: "s-magic",
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
        one_time_token: token.token,
        login_hint: email,
      });
      const reached = await interceptCallbacks(page);
      await page.goto(`/oidc/auth?${q}`);
      await expect(page).toHaveURL(/\/one-time-token$/);
      await ready(page);
      await expect(page.getByRole("heading", { name: `Continue as ${email}` })).toBeVisible();
      await page.getByRole("button", { name: "Continue" }).click();
      const callback = new URL(await reached());
      const exchanged = await request.post("/oidc/token", {
        form: {
          grant_type: "authorization_code",
          code: callback.searchParams.get("code")!,
          redirect_uri: CALLBACK,
          client_id: app.id,
          code_verifier: verifier,
        },
      });
      expect(exchanged.status()).toBe(200);
      expect(decodeJwt((await exchanged.json()).id_token).sub).toBe(user.id);
      const members = await api.get(`/organizations/${org.id}/users`);
      expect(members.map((m: { id: string }) => m.id)).toContain(user.id);
    });
  });
}

test("an administrator invites from the console; the invitee accepts from the email and joins with the role", async ({ page, request }) => {
  const api = await managementApi(request);
  const org = await api.post("/organizations", { name: unique("Console Invites ") });
  const role = await api.post("/organization-roles", { name: unique("reviewer-") });
  const username = unique("guest");
  const email = `${username}@example.test`;
  await signInAsAdmin(page);
  await open(page, `/console/organizations/${org.id}/invitations`);
  await expect(page.getByRole("heading", { name: "Invite people" })).toBeVisible();
  await page.getByLabel("Email addresses").fill(`${email}, not-an-address`);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText("not-an-address is not an email address.").first()).toBeVisible();
  const since = Date.now() - 1000;
  await page.getByLabel("Email addresses").fill(email);
  await page.getByRole("checkbox", { name: new RegExp(role.name) }).check();
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation sent.");
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: role.name, exact: true })).toBeVisible();

  // The members tab counts it, linking to the invitations.
  await open(page, `/console/organizations/${org.id}/members`);
  await expect(page.getByRole("link", { name: "1 pending invitation" })).toBeVisible();

  const mail = await newestMail(email, "OrganizationInvitation", since);
  const link = new URL(mail.payload.link!);
  await page.goto(`${link.pathname}${link.search}`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: `Join ${org.name}` })).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByRole("heading", { name: `You joined ${org.name}` })).toBeVisible();

  // The console lists it accepted; nothing left to resend or revoke.
  await open(page, `/console/organizations/${org.id}/invitations`);
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Revoke invitation to ${email}` })).toHaveCount(0);
  const [user] = await api.get(`/users?q=${encodeURIComponent(email)}`);
  const roles = await api.get(`/organizations/${org.id}/users/${user.id}/roles`);
  expect(roles.map((r: { id: string }) => r.id)).toEqual([role.id]);
});
