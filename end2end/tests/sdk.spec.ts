import LogtoClient from "@logto/node";
import * as oidc from "openid-client";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { test, expect, managementApi, hydrated, interceptCallbacks, unique, CALLBACK, SIGNED_OUT } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * Real clients against Tessera, unmodified: Logto's own Node SDK and panva's openid-client,
 * each driving the hosted sign-in page in Chromium.
 */
const PASSWORD = "correct horse battery";

async function signInOnHostedPage(page: Page, authorizeUrl: string, username: string) {
  await page.goto(authorizeUrl);
  await expect(page).toHaveURL(/\/sign-in$/);
  await hydrated(page);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("@logto/node signs in, reads organization claims and gets an organization token", async ({ page, request, baseURL }) => {
  const api = await managementApi(request);
  const app = await api.post("/applications", {
    name: "Node SDK app",
    type: "Traditional",
    oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [SIGNED_OUT] },
  });
  const username = unique("sdk");
  const user = await api.post("/users", { username, password: PASSWORD });
  const permission = await api.post("/organization-scopes", { name: unique("read:reports-") });
  const role = await api.post("/organization-roles", { name: unique("analyst-"), organizationScopeIds: [permission.id] });
  const org = await api.post("/organizations", { name: unique("Org ") });
  await api.post(`/organizations/${org.id}/users`, { userIds: [user.id] });
  await api.post(`/organizations/${org.id}/users/${user.id}/roles`, { organizationRoleIds: [role.id] });

  const storage = new Map<string, string>();
  let navigateTo = "";
  const client = new LogtoClient(
    {
      endpoint: baseURL!,
      appId: app.id,
      appSecret: app.secret,
      scopes: ["urn:logto:scope:organizations", "urn:logto:scope:organization_roles", permission.name],
    },
    {
      navigate: (url: string) => {
        navigateTo = url;
      },
      storage: {
        getItem: async (key: string) => storage.get(key) ?? null,
        setItem: async (key: string, value: string) => {
          storage.set(key, value);
        },
        removeItem: async (key: string) => {
          storage.delete(key);
        },
      },
    },
  );

  const reached = await interceptCallbacks(page);
  await client.signIn(CALLBACK);
  expect(navigateTo).toContain("/oidc/auth?");
  await signInOnHostedPage(page, navigateTo, username);
  await client.handleSignInCallback(await reached());

  expect(await client.isAuthenticated()).toBe(true);
  const claims = await client.getIdTokenClaims();
  expect(claims.sub).toBe(user.id);
  expect(claims.organizations).toEqual([org.id]);
  expect(claims.organization_roles).toEqual([`${org.id}:${role.name}`]);

  const orgToken = await client.getOrganizationToken(org.id);
  const jwks = createRemoteJWKSet(new URL(`${baseURL}/oidc/jwks`));
  const { payload, protectedHeader } = await jwtVerify(orgToken, jwks, {
    issuer: `${baseURL}/oidc`,
    audience: `urn:logto:organization:${org.id}`,
  });
  expect(protectedHeader.typ).toBe("at+jwt");
  expect(payload.sub).toBe(user.id);
  expect(payload.scope).toBe(permission.name);
  const orgClaims = await client.getOrganizationTokenClaims(org.id);
  expect(orgClaims.aud).toBe(`urn:logto:organization:${org.id}`);

  // Removed from the organization: the next organization token is refused.
  await client.clearAccessToken();
  await api.delete(`/organizations/${org.id}/users/${user.id}`);
  await expect(client.getOrganizationToken(org.id)).rejects.toThrow();

  // Sign out revokes the refresh token and ends the hosted session.
  await client.signOut(SIGNED_OUT);
  expect(navigateTo).toContain("/oidc/session/end?");
});

test("openid-client: discovery, code + PKCE, userinfo, refresh and logout", async ({ page, request, baseURL }) => {
  const api = await managementApi(request);
  const app = await api.post("/applications", {
    name: "openid-client app",
    type: "Traditional",
    oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [SIGNED_OUT] },
  });
  const username = unique("oc");
  const user = await api.post("/users", { username, password: PASSWORD, primaryEmail: `${username}@example.test` });

  const config = await oidc.discovery(new URL(`${baseURL}/oidc`), app.id, app.secret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: "openid offline_access profile email",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  const reached = await interceptCallbacks(page);
  await signInOnHostedPage(page, url.href, username);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(await reached()), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const idClaims = tokens.claims()!;
  expect(idClaims.sub).toBe(user.id);
  expect(idClaims.email).toBe(`${username}@example.test`);

  const info = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
  expect(info.username).toBe(username);
  expect(info.email).toBe(`${username}@example.test`);

  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
  expect(refreshed.access_token).toBeTruthy();
  expect(refreshed.claims()!.sub).toBe(user.id);

  const logout = oidc.buildEndSessionUrl(config, {
    id_token_hint: tokens.id_token!,
    post_logout_redirect_uri: SIGNED_OUT,
    state: "bye",
  });
  // The browser leaves through our end-session page; the redirect it answers with is awaited
  // (page.goto would report the intercepted cross-site redirect as a failed navigation).
  const back = new URL(
    await Promise.all([reached(), page.goto(logout.href).catch(() => null)]).then(([url]) => url),
  );
  expect(back.origin + back.pathname).toBe(SIGNED_OUT);
  expect(back.searchParams.get("state")).toBe("bye");
  await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token ?? tokens.refresh_token!)).rejects.toThrow();
});
