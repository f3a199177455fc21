import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import LogtoClient from "@logto/node";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, managementApi, hydrated, interceptCallbacks, unique, CALLBACK, SIGNED_OUT } from "./fixtures";
import { codeNow, freshCode, wrongCode } from "./totp";

/**
 * 2-step verification at sign-in on the hosted pages: binding an authenticator app and backup
 * codes, then verifying either at the next sign-in, with JavaScript on and off; and the
 * organization rule as Logto's Node SDK meets it (no organization token without a factor).
 *
 * MFA settings are tenant-wide and the files share one database: each test sets the settings it
 * needs, and the file puts back the default afterwards so later files sign in without MFA.
 *
 * The per-user lockout (100 wrong codes in an hour) is reached here too: the e2e server allows
 * enough sign-in posts per address for it (playwright.config.ts).
 */
const PASSWORD = "correct horse battery";
const BOTH_FACTORS = ["Totp", "BackupCode"];

test.afterAll(async ({ request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: [], policy: "UserControlled" } });
});

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// The application side: an authorization request, the code exchange, the Node SDK.

interface App {
  id: string;
  secret: string;
}

type Api = Awaited<ReturnType<typeof managementApi>>;

async function createApp(api: Api, name: string): Promise<App> {
  return api.post("/applications", {
    name,
    type: "Traditional",
    oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [SIGNED_OUT] },
  });
}

/** An authorization request with PKCE (S256), and what the exchange needs to check it. */
function authorization(app: App) {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const state = randomBytes(8).toString("hex");
  const query = new URLSearchParams({
    client_id: app.id,
    redirect_uri: CALLBACK,
    response_type: "code",
    scope: "openid",
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return { url: `/oidc/auth?${query}`, verifier, state };
}

/** The sign-in came back to the app with a code that names `userId` once exchanged. */
async function expectSignedInAs(
  request: APIRequestContext,
  app: App,
  auth: ReturnType<typeof authorization>,
  callbackUrl: string,
  userId: string,
) {
  const callback = new URL(callbackUrl);
  expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
  expect(callback.searchParams.get("state")).toBe(auth.state);
  const code = callback.searchParams.get("code");
  expect(code, `callback ${callbackUrl}`).toBeTruthy();
  const token = await request.post("/oidc/token", {
    form: {
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: CALLBACK,
      code_verifier: auth.verifier,
      client_id: app.id,
      client_secret: app.secret,
    },
  });
  expect(token.status(), await token.text()).toBe(200);
  const body = await token.json();
  expect(decodeJwt(body.id_token).sub).toBe(userId);
}

/** Logto's Node SDK over an in-memory storage; `navigation()` is the last URL it sent to. */
function nodeClient(endpoint: string, app: App) {
  const storage = new Map<string, string>();
  let navigateTo = "";
  const client = new LogtoClient(
    { endpoint, appId: app.id, appSecret: app.secret, scopes: ["urn:logto:scope:organizations"] },
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
  return { client, navigation: () => navigateTo };
}

// ---------------------------------------------------------------------------------------------
// The hosted pages.

/** Waits until a page is ready to be used: hydrated with JavaScript on, at once without. */
type Ready = (page: Page) => Promise<void>;
const scriptless: Ready = async () => {};

/**
 * Opens an authorization request and signs in with the password. Cookies are cleared first: a
 * hosted session left by an earlier sign-in would answer with a code at once, asking for neither
 * the password nor a second factor.
 */
async function signInWithPassword(page: Page, authorizeUrl: string, username: string, ready: Ready) {
  await page.context().clearCookies();
  // The previous sign-in's redirect to the app may still be landing: a navigation it interrupts
  // is started again.
  await page.goto(authorizeUrl).catch(() => page.goto(authorizeUrl));
  await expect(page).toHaveURL(/\/sign-in$/);
  await ready(page);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The authenticator app's key as the binding page shows it (base32). */
async function readTotpSecret(page: Page): Promise<string> {
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  return secret;
}

async function submitOtp(page: Page, code: string) {
  await page.getByLabel("One-time code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function submitBackupCode(page: Page, code: string) {
  await page.getByLabel("Backup code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** The ten backup codes the binding page shows. */
async function readBackupCodes(page: Page): Promise<string[]> {
  await expect(page.getByRole("heading", { name: "Save your backup codes" })).toBeVisible();
  const items = page.locator("ul.backup-codes li code");
  await expect(items).toHaveCount(10);
  const codes = (await items.allTextContents()).map((c) => c.trim());
  for (const code of codes) expect(code).toMatch(/^[0-9a-f]{10}$/);
  expect(new Set(codes).size).toBe(10);
  return codes;
}

async function confirmBackupCodes(page: Page) {
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** From the TOTP verification page to the backup-code one. */
async function chooseBackupCode(page: Page, ready: Ready) {
  await expect(page).toHaveURL(/\/mfa-verification\/Totp$/);
  await ready(page);
  await page.getByRole("link", { name: "Backup code", exact: true }).click();
  await expect(page).toHaveURL(/\/mfa-verification\/BackupCode$/);
  await ready(page);
  await expect(page.getByRole("heading", { name: "Enter a backup code" })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------

test("MFA: policy Mandatory binds TOTP and backup codes, then asks for the code (JavaScript on)", async ({ page, request }) => {
  // The second sign-in may wait for a new TOTP time step (up to 30 s).
  test.setTimeout(120_000);
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: BOTH_FACTORS, policy: "Mandatory" } });
  const app = await createApp(api, "MFA app");
  const username = unique("mfa");
  const user = await api.post("/users", { username, password: PASSWORD });
  const reached = await interceptCallbacks(page);

  // First sign-in: the policy requires an authenticator app, with no way to skip it.
  const first = authorization(app);
  await signInWithPassword(page, first.url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Add authenticator app" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  await expect(page.getByRole("button", { name: "Skip for now" })).toHaveCount(0);
  const secret = await readTotpSecret(page);

  await submitOtp(page, wrongCode(secret));
  await expect(page.getByRole("alert")).toHaveText("Invalid TOTP code.");
  await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
  await hydrated(page);
  // A wrong code keeps the key being bound.
  expect(await readTotpSecret(page)).toBe(secret);
  const bound = codeNow(secret);
  await submitOtp(page, bound.code);

  // Then backup codes, shown once and downloadable, confirmed as saved.
  await expect(page).toHaveURL(/\/mfa-binding\/BackupCode$/);
  await hydrated(page);
  const codes = await readBackupCodes(page);
  const download = page.getByRole("link", { name: "Download as a text file" });
  await expect(download).toHaveAttribute("href", "/oidc/interaction/mfa/backup-codes.txt");
  await expect(download).toHaveAttribute("download", /.*/);
  const file = await page.request.get("/oidc/interaction/mfa/backup-codes.txt");
  expect(file.status()).toBe(200);
  const text = await file.text();
  for (const code of codes) expect(text).toContain(code);

  // Not ticked: the browser's own validation keeps the form from being sent.
  const saved = page.getByLabel("I have saved these codes");
  await page.getByRole("button", { name: "Continue" }).click();
  expect(await saved.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(/\/mfa-binding\/BackupCode$/);
  expect(await readBackupCodes(page)).toEqual(codes);
  await confirmBackupCodes(page);
  await expectSignedInAs(request, app, first, await reached(), user.id);

  const factors: { type: string }[] = await api.get(`/users/${user.id}/mfa-verifications`);
  expect(factors.map((f) => f.type).sort()).toEqual(["BackupCode", "Totp"]);

  // Second sign-in: the app's code is asked for. The code that bound the app is refused (its
  // step was recorded at binding; after its window it is too old anyway); a newer one passes.
  const second = authorization(app);
  await signInWithPassword(page, second.url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-verification\/Totp$/);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Enter the one-time code" })).toBeVisible();
  await submitOtp(page, bound.code);
  await expect(page.getByRole("alert")).toHaveText("Invalid TOTP code.");
  await expect(page).toHaveURL(/\/mfa-verification\/Totp$/);
  await hydrated(page);
  const fresh = await freshCode(secret, bound.step);
  await submitOtp(page, fresh.code);
  await expectSignedInAs(request, app, second, await reached(), user.id);

  // Third sign-in: the same code again is a replay of its step; a backup code signs in instead.
  const third = authorization(app);
  await signInWithPassword(page, third.url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-verification\/Totp$/);
  await hydrated(page);
  await submitOtp(page, fresh.code);
  await expect(page.getByRole("alert")).toHaveText("Invalid TOTP code.");
  await chooseBackupCode(page, hydrated);
  await submitBackupCode(page, codes[0]!);
  await expectSignedInAs(request, app, third, await reached(), user.id);

  // Fourth sign-in: a used backup code is refused; another one works, in any case.
  const fourth = authorization(app);
  await signInWithPassword(page, fourth.url, username, hydrated);
  await chooseBackupCode(page, hydrated);
  await submitBackupCode(page, codes[0]!);
  await expect(page.getByRole("alert")).toHaveText("Invalid backup code.");
  await expect(page).toHaveURL(/\/mfa-verification\/BackupCode$/);
  await hydrated(page);
  await submitBackupCode(page, codes[1]!.toUpperCase());
  await expectSignedInAs(request, app, fourth, await reached(), user.id);

  const after: { type: string; remainCodes?: number }[] = await api.get(`/users/${user.id}/mfa-verifications`);
  expect(after.find((f) => f.type === "BackupCode")?.remainCodes).toBe(8);
});

test.describe("JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("MFA works without JavaScript", async ({ page, request }) => {
    const api = await managementApi(request);
    await api.patch("/sign-in-exp", { mfa: { factors: BOTH_FACTORS, policy: "Mandatory" } });
    const app = await createApp(api, "MFA app without scripts");
    const username = unique("mfanojs");
    const user = await api.post("/users", { username, password: PASSWORD });
    const reached = await interceptCallbacks(page);

    // Binding by plain form posts: a wrong code, the right one, then the backup codes.
    const first = authorization(app);
    await signInWithPassword(page, first.url, username, scriptless);
    await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
    await expect(page.getByRole("heading", { name: "Add authenticator app" })).toBeVisible();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
    const secret = await readTotpSecret(page);
    await submitOtp(page, wrongCode(secret));
    await expect(page.getByRole("alert")).toHaveText("Invalid TOTP code.");
    await submitOtp(page, codeNow(secret).code);

    await expect(page).toHaveURL(/\/mfa-binding\/BackupCode$/);
    const codes = await readBackupCodes(page);
    // Not ticked: the browser's validation (no script needed) keeps the form from being sent.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/mfa-binding\/BackupCode$/);
    expect(await readBackupCodes(page)).toEqual(codes);
    await confirmBackupCodes(page);
    await expectSignedInAs(request, app, first, await reached(), user.id);

    // The next sign-in asks for the app's code; a backup code, through the link, does as well.
    const second = authorization(app);
    await signInWithPassword(page, second.url, username, scriptless);
    await expect(page.getByRole("heading", { name: "Enter the one-time code" })).toBeVisible();
    await chooseBackupCode(page, scriptless);
    await submitBackupCode(page, codes[0]!);
    await expectSignedInAs(request, app, second, await reached(), user.id);
  });
});

test("@logto/node: a member of an MFA-required organization gets an organization token after binding TOTP", async ({ page, request, baseURL }) => {
  const api = await managementApi(request);
  // Factors on, but nobody is asked for one: the organization's rule is not applied yet.
  await api.patch("/sign-in-exp", { mfa: { factors: BOTH_FACTORS, policy: "NoPrompt" } });
  const app = await createApp(api, "Node SDK MFA app");
  const username = unique("orgmfa");
  const user = await api.post("/users", { username, password: PASSWORD });
  const org = await api.post("/organizations", { name: unique("Secure Org ") });
  await api.patch(`/organizations/${org.id}`, { isMfaRequired: true });
  await api.post(`/organizations/${org.id}/users`, { userIds: [user.id] });

  const { client, navigation } = nodeClient(baseURL!, app);
  const reached = await interceptCallbacks(page);

  // Signed in without a second factor: the organization refuses its token.
  await client.signIn(CALLBACK);
  expect(navigation()).toContain("/oidc/auth?");
  await signInWithPassword(page, navigation(), username, hydrated);
  await client.handleSignInCallback(await reached());
  expect((await client.getIdTokenClaims()).organizations).toEqual([org.id]);
  await expect(client.getOrganizationToken(org.id)).rejects.toThrow();

  // With the rule applied, the next sign-in makes the member bind an authenticator app, naming
  // the organization, and save backup codes.
  await api.patch("/sign-in-exp", {
    mfa: { factors: BOTH_FACTORS, policy: "NoPrompt", organizationRequiredMfaPolicy: "Mandatory" },
  });
  await client.signIn(CALLBACK);
  await signInWithPassword(page, navigation(), username, hydrated);
  await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
  await hydrated(page);
  await expect(page.getByRole("note")).toHaveText(`${org.name} requires 2-step verification for its members.`);
  await expect(page.getByRole("button", { name: "Skip for now" })).toHaveCount(0);
  const secret = await readTotpSecret(page);
  await submitOtp(page, codeNow(secret).code);
  await expect(page).toHaveURL(/\/mfa-binding\/BackupCode$/);
  await hydrated(page);
  await readBackupCodes(page);
  await confirmBackupCodes(page);
  await client.handleSignInCallback(await reached());

  const orgToken = await client.getOrganizationToken(org.id);
  const jwks = createRemoteJWKSet(new URL(`${baseURL}/oidc/jwks`));
  const { payload } = await jwtVerify(orgToken, jwks, {
    issuer: `${baseURL}/oidc`,
    audience: `urn:logto:organization:${org.id}`,
  });
  expect(payload.sub).toBe(user.id);
});

test("Passkeys: bind with Chromium's virtual authenticator, then verify with it", async ({ page, request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: ["WebAuthn", "BackupCode"], policy: "Mandatory" } });
  const app = await createApp(api, "Passkey app");
  const username = unique("pk");
  const user = await api.post("/users", { username, password: PASSWORD });
  const reached = await interceptCallbacks(page);

  // A platform authenticator that verifies its user (fingerprint or PIN) without asking.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      ctap2Version: "ctap2_1",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  // Binding: the only factor to bind is the passkey, then the backup codes.
  const first = authorization(app);
  await signInWithPassword(page, first.url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-binding\/WebAuthn$/);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Create a passkey" })).toBeVisible();
  await expect(page.getByText("Passkeys need JavaScript")).toBeHidden();
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page).toHaveURL(/\/mfa-binding\/BackupCode$/);
  await readBackupCodes(page);
  await confirmBackupCodes(page);
  await expectSignedInAs(request, app, first, await reached(), user.id);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.rpId).toBe("localhost");
  const factors = await api.get(`/users/${user.id}/mfa-verifications`);
  const passkey = factors.find((f: { type: string }) => f.type === "WebAuthn");
  expect(passkey.agent).toContain("Chrome");

  // The next sign-in asks for the passkey first.
  const second = authorization(app);
  await signInWithPassword(page, second.url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-verification\/WebAuthn$/);
  await hydrated(page);
  await page.getByRole("button", { name: "Use passkey" }).click();
  await expectSignedInAs(request, app, second, await reached(), user.id);
  const used = (await api.get(`/users/${user.id}/mfa-verifications`)).find(
    (f: { type: string }) => f.type === "WebAuthn",
  );
  expect(used.lastUsedAt).toBeGreaterThan(0);
});

test.describe("passkeys without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the passkey page says it needs JavaScript and offers the other methods", async ({ page, request }) => {
    const api = await managementApi(request);
    await api.patch("/sign-in-exp", { mfa: { factors: ["WebAuthn", "Totp", "BackupCode"], policy: "Mandatory" } });
    const app = await createApp(api, "Passkey app (no script)");
    const username = unique("pkns");
    await api.post("/users", { username, password: PASSWORD });
    await signInWithPassword(page, authorization(app).url, username, scriptless);
    await expect(page).toHaveURL(/\/mfa-binding$/);
    await page.getByRole("link", { name: /Passkey/ }).click();
    await expect(page).toHaveURL(/\/mfa-binding\/WebAuthn$/);
    await expect(page.getByText("Passkeys need JavaScript in this browser.").first()).toBeVisible();
    await page.getByRole("button", { name: "Create a passkey" }).click();
    await expect(page).toHaveURL(/\/mfa-binding\/WebAuthn$/);
    await expect(page.getByRole("alert").filter({ hasText: "Passkeys need JavaScript" }).first()).toBeVisible();
    await page.getByRole("link", { name: "Authenticator app OTP" }).click();
    await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
  });
});

test("MFA: 100 wrong codes lock the user's 2-step verification for an hour, and the page says so", async ({ page, request, baseURL }) => {
  const api = await managementApi(request);
  const username = unique("lock");
  const user = await api.post("/users", { username, password: PASSWORD });
  const { secret } = await api.post(`/users/${user.id}/mfa-verifications`, { type: "Totp" });
  await api.patch("/sign-in-exp", { mfa: { factors: ["Totp"], policy: "NoPrompt" } });
  const app = await createApp(api, "Lockout app");
  await signInWithPassword(page, authorization(app).url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-verification\/Totp$/);
  // The form posts as the page would, without waiting for each page to render.
  const wrong = wrongCode(secret);
  for (let i = 0; i < 100; i++) {
    const res = await page.request.post("/oidc/interaction/mfa/verify-totp", {
      form: { code: wrong },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
  }
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole("alert")).toHaveText(
    "Too many attempts in a short time. Please try again in 60 minutes.",
  );
  // Even the right code is refused now.
  await submitOtp(page, codeNow(secret).code);
  await expect(page).toHaveURL(/\/mfa-verification\/Totp$/);
  await expect(page.getByRole("alert")).toContainText("Too many attempts in a short time");
});

test("MFA pages pass axe-core (no serious or critical violations)", async ({ page, request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", { mfa: { factors: BOTH_FACTORS, policy: "PromptAtSignInAndSignUp" } });
  const app = await createApp(api, "Axe MFA app");
  const username = unique("axe");
  await api.post("/users", { username, password: PASSWORD });
  await signInWithPassword(page, authorization(app).url, username, hydrated);
  await expect(page).toHaveURL(/\/mfa-onboarding$/);
  for (const step of ["onboarding", "binding"]) {
    await hydrated(page);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${step}: ${v.id}`)).toEqual([]);
    if (step === "onboarding") {
      await page.getByRole("button", { name: "Enable 2-step verification" }).click();
      await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
    }
  }
});
