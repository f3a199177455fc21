import { createHash, randomBytes } from "node:crypto";
import { test, expect, managementApi, hydrated, interceptCallbacks, unique, CALLBACK } from "./fixtures";

/**
 * The hosted sign-in pages as end users meet them, run twice: with JavaScript on (the pages
 * hydrate) and off (plain forms and redirects only).
 */
const PASSWORD = "correct horse battery";

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

function authorizeUrl(clientId: string, challenge: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    client_id: clientId,
    redirect_uri: CALLBACK,
    response_type: "code",
    scope: "openid profile offline_access",
    state: "s-123",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...extra,
  });
  return `/oidc/auth?${q}`;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`hosted sign-in, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    const ready = async (page: import("@playwright/test").Page) => {
      if (javaScriptEnabled) await hydrated(page);
    };

    test("signs in after a wrong password and returns a code the app can exchange", async ({ page, request }) => {
      const api = await managementApi(request);
      const app = await api.post("/applications", {
        name: "Customer Portal",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const username = unique("user");
      await api.post("/users", { username, password: PASSWORD });
      const reached = await interceptCallbacks(page);
      const { verifier, challenge } = pkce();

      await page.goto(authorizeUrl(app.id, challenge));
      await expect(page).toHaveURL(/\/sign-in$/);
      await ready(page);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await expect(page.getByText("Customer Portal")).toBeVisible();

      await page.getByLabel("Username or email").fill(username);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert")).toHaveText("The username, email or password is incorrect.");
      await ready(page);
      await expect(page.getByLabel("Username or email")).toHaveValue(username);

      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      const callback = new URL(await reached());
      expect(callback.searchParams.get("state")).toBe("s-123");
      const code = callback.searchParams.get("code")!;
      const token = await request.post("/oidc/token", {
        form: { grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier, client_id: app.id },
      });
      expect(token.status()).toBe(200);
      const body = await token.json();
      expect(body.id_token).toBeTruthy();
      expect(body.refresh_token).toBeTruthy();
    });

    test("creates an account from the registration page", async ({ page, request }) => {
      const api = await managementApi(request);
      const app = await api.post("/applications", {
        name: "Signup App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const reached = await interceptCallbacks(page);
      const { challenge } = pkce();
      await page.goto(authorizeUrl(app.id, challenge));
      await ready(page);
      await page.getByRole("link", { name: "Create one" }).click();
      await expect(page).toHaveURL(/\/register$/);
      await ready(page);
      const username = unique("new");
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill("something else");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByRole("alert")).toHaveText("The passwords do not match.");
      await ready(page);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      const callback = new URL(await reached());
      expect(callback.searchParams.get("code")).toBeTruthy();
      const users = await api.get(`/users?q=${username}`);
      expect(users.map((u: { username: string }) => u.username)).toEqual([username]);
    });

    test("shows the organization's branding and lets the user cancel", async ({ page, request }) => {
      const api = await managementApi(request);
      const app = await api.post("/applications", {
        name: "Branded App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const org = await api.post("/organizations", {
        name: "Acme Corp",
        branding: { logoUrl: "https://cdn.example.test/acme.png" },
        color: { primaryColor: "#ff5500" },
      });
      await page.route("https://cdn.example.test/**", (route) => route.fulfill({ status: 200, contentType: "image/png", body: Buffer.alloc(0) }));
      const reached = await interceptCallbacks(page);
      const { challenge } = pkce();
      await page.goto(authorizeUrl(app.id, challenge, { organization_id: org.id }));
      await ready(page);
      await expect(page.getByRole("img", { name: "Acme Corp" })).toHaveAttribute("src", "https://cdn.example.test/acme.png");
      await page.getByRole("button", { name: "Cancel and go back" }).click();
      const callback = new URL(await reached());
      expect(callback.searchParams.get("error")).toBe("access_denied");
      expect(callback.searchParams.get("state")).toBe("s-123");
    });
  });
}

test("an unregistered redirect URI gets an error page, never a redirect", async ({ page, request }) => {
  const api = await managementApi(request);
  const app = await api.post("/applications", {
    name: "Strict App",
    type: "SPA",
    oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
  });
  const { challenge } = pkce();
  const url = authorizeUrl(app.id, challenge).replace(encodeURIComponent(CALLBACK), encodeURIComponent(`${CALLBACK}.evil.test`));
  const res = await page.goto(url);
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await expect(page.getByText("redirect_uri did not match")).toBeVisible();
});
