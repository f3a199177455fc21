import { createHash, randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import type { Page } from "@playwright/test";
import { test, expect, managementApi, hydrated, interceptCallbacks, open, signInAsAdmin, unique, CALLBACK } from "./fixtures";
import { mailsTo, newestMail } from "./outbox";
import { codeNow } from "./totp";

/**
 * The email journeys of the hosted pages, with JavaScript on and off: registering with an
 * emailed code and joining organizations by email domain (one of them requiring MFA), signing
 * in with an emailed code, and resetting a forgotten password. Codes are read from the e2e
 * server's outbox file (outbox.ts).
 *
 * The sign-up and sign-in settings are tenant-wide: each test sets what it needs and the file
 * puts back the defaults afterwards.
 */
const PASSWORD = "correct horse battery";

const DEFAULTS = {
  signInMode: "SignInAndRegister",
  signUp: { identifiers: ["username"], password: true, verify: false },
  signIn: {
    methods: [
      { identifier: "username", password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: "email", password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  forgotPasswordMethods: ["EmailVerificationCode"],
  mfa: { factors: [], policy: "UserControlled" },
};

/** Sign-up by verified email with a password; sign-in by password or emailed code. */
const EMAIL_SETTINGS = {
  signInMode: "SignInAndRegister",
  signUp: { identifiers: ["email"], password: true, verify: true },
  signIn: {
    methods: [
      { identifier: "email", password: true, verificationCode: true, isPasswordPrimary: true },
      { identifier: "username", password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  forgotPasswordMethods: ["EmailVerificationCode"],
  mfa: { factors: [], policy: "UserControlled" },
};

test.afterAll(async ({ request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", DEFAULTS);
});

/** The code of the newest mail to `to` of `template` written at or after `since`. */
async function mailedCode(to: string, template: string, since: number): Promise<string> {
  const mail = await newestMail(to, template, since);
  if (!mail.payload.code) throw new Error(`no code in ${JSON.stringify(mail)}`);
  return mail.payload.code;
}

/** An authorization request with PKCE; the verifier for the exchange. */
function authorization(clientId: string) {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const q = new URLSearchParams({
    client_id: clientId,
    redirect_uri: CALLBACK,
    response_type: "code",
    scope: "openid",
    state: "s-mail",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return { url: `/oidc/auth?${q}`, verifier };
}

function authorizeUrl(clientId: string) {
  return authorization(clientId).url;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`email journeys, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    const ready = async (page: Page) => {
      if (javaScriptEnabled) await hydrated(page);
    };

    async function enterCode(page: Page, code: string) {
      await ready(page);
      await page.getByLabel("Verification code").fill(code);
      await page.getByRole("button", { name: "Continue" }).click();
    }

    test("registers with an email of a JIT domain (any case) and joins with the default role", async ({ page, request }) => {
      const api = await managementApi(request);
      await api.patch("/sign-in-exp", EMAIL_SETTINGS);
      const domain = `${unique("acme")}.test`;
      const org = await api.post("/organizations", { name: unique("Acme ") });
      const role = await api.post("/organization-roles", { name: unique("staff-") });
      await api.post(`/organizations/${org.id}/jit/email-domains`, { emailDomain: domain });
      await api.post(`/organizations/${org.id}/jit/roles`, { organizationRoleIds: [role.id] });
      const app = await api.post("/applications", {
        name: "Mail App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const reached = await interceptCallbacks(page);
      const local = unique("pat");
      const typed = `${local}@${domain.toUpperCase()}`;
      const address = `${local}@${domain}`;

      await page.goto(authorizeUrl(app.id));
      await ready(page);
      await page.getByRole("link", { name: "Create one" }).click();
      await expect(page).toHaveURL(/\/register$/);
      await ready(page);
      await expect(page.getByLabel("Username")).toHaveCount(0);
      const since = Date.now() - 1000;
      await page.getByLabel("Email").fill(typed);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill(PASSWORD);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/register\/verify$/);
      await expect(page.getByText(typed)).toBeVisible();
      const code = await mailedCode(address, "Register", since);

      // A wrong code first: refused on the page.
      await enterCode(page, code === "000000" ? "111111" : "000000");
      await expect(page.getByRole("alert")).toHaveText("The code is incorrect.");
      await enterCode(page, code);
      const callback = new URL(await reached());
      expect(callback.searchParams.get("code")).toBeTruthy();

      const [user] = await api.get(`/users?q=${encodeURIComponent(address)}`);
      expect(user.primaryEmail).toBe(typed);
      const roles = await api.get(`/organizations/${org.id}/users/${user.id}/roles`);
      expect(roles.map((r: { id: string }) => r.id)).toEqual([role.id]);
    });

    test("signs in with an emailed code", async ({ page, request }) => {
      const api = await managementApi(request);
      await api.patch("/sign-in-exp", EMAIL_SETTINGS);
      const address = `${unique("sam")}@example.test`;
      const user = await api.post("/users", { primaryEmail: address });
      const app = await api.post("/applications", {
        name: "Code App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const reached = await interceptCallbacks(page);
      const auth = authorization(app.id);
      await page.goto(auth.url);
      await expect(page).toHaveURL(/\/sign-in$/);
      await ready(page);
      const since = Date.now() - 1000;
      await page.getByLabel("Email or username").fill(address);
      await page.getByRole("button", { name: "Email me a sign-in code instead" }).click();
      await expect(page).toHaveURL(/\/sign-in\/verify$/);
      await expect(page.getByRole("heading", { name: "Enter your sign-in code" })).toBeVisible();
      const first = await mailedCode(address, "SignIn", since);

      // "Send a new code" replaces the first one.
      await ready(page);
      const resent = Date.now();
      await page.getByRole("button", { name: "Send a new code" }).click();
      await expect(page).toHaveURL(/\/sign-in\/verify$/);
      let code = await mailedCode(address, "SignIn", resent);
      if (code === first) code = await mailedCode(address, "SignIn", resent);
      await enterCode(page, code);
      const callback = new URL(await reached());
      expect(callback.searchParams.get("code")).toBeTruthy();
      const token = await request.post("/oidc/token", {
        form: {
          grant_type: "authorization_code",
          code: callback.searchParams.get("code")!,
          redirect_uri: CALLBACK,
          client_id: app.id,
          code_verifier: auth.verifier,
        },
      });
      expect(token.status(), await token.text()).toBe(200);
      expect(decodeJwt((await token.json()).id_token).sub).toBe(user.id);
    });

    test("resets a forgotten password and signs in with the new one", async ({ page, request }) => {
      const api = await managementApi(request);
      await api.patch("/sign-in-exp", DEFAULTS);
      const username = unique("robin");
      const address = `${username}@example.test`;
      await api.post("/users", { username, primaryEmail: address, password: PASSWORD });
      const app = await api.post("/applications", {
        name: "Reset App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const reached = await interceptCallbacks(page);
      await page.goto(authorizeUrl(app.id));
      await ready(page);
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await ready(page);

      // An address without an account looks the same and gets no mail.
      const nobody = `${unique("nobody")}@example.test`;
      await page.getByLabel("Email").fill(nobody);
      await page.getByRole("button", { name: "Send code" }).click();
      await expect(page).toHaveURL(/\/forgot-password\/verify$/);
      await expect(page.getByText(nobody)).toBeVisible();
      await ready(page);
      await page.getByRole("link", { name: "Use another email address" }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await ready(page);

      const since = Date.now() - 1000;
      await page.getByLabel("Email").fill(address);
      await page.getByRole("button", { name: "Send code" }).click();
      await expect(page).toHaveURL(/\/forgot-password\/verify$/);
      await enterCode(page, await mailedCode(address, "ForgotPassword", since));
      await expect(page).toHaveURL(/\/reset-password$/);
      await ready(page);
      const newPassword = "a brand new passphrase";
      await page.getByLabel("New password", { exact: true }).fill(newPassword);
      await page.getByLabel("Confirm new password").fill(newPassword);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
      await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
      expect(mailsTo(nobody)).toBe(0);

      await ready(page);
      await page.getByLabel("Username or email").fill(username);
      await page.getByLabel("Password").fill(newPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      const callback = new URL(await reached());
      expect(callback.searchParams.get("code")).toBeTruthy();
    });

    test("a JIT organization requiring MFA makes the new member bind an authenticator app", async ({ page, request }) => {
      const api = await managementApi(request);
      await api.patch("/sign-in-exp", {
        ...EMAIL_SETTINGS,
        mfa: { factors: ["Totp"], policy: "NoPrompt", organizationRequiredMfaPolicy: "Mandatory" },
      });
      const domain = `${unique("secure")}.test`;
      const orgName = unique("Secure ");
      const org = await api.post("/organizations", { name: orgName });
      await api.patch(`/organizations/${org.id}`, { isMfaRequired: true });
      await api.post(`/organizations/${org.id}/jit/email-domains`, { emailDomain: domain });
      const app = await api.post("/applications", {
        name: "Secure App",
        type: "SPA",
        oidcClientMetadata: { redirectUris: [CALLBACK], postLogoutRedirectUris: [] },
      });
      const reached = await interceptCallbacks(page);
      const address = `${unique("lee")}@${domain}`;
      await page.goto(authorizeUrl(app.id));
      await ready(page);
      await page.getByRole("link", { name: "Create one" }).click();
      await ready(page);
      const since = Date.now() - 1000;
      await page.getByLabel("Email").fill(address);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Confirm password").fill(PASSWORD);
      await page.getByRole("button", { name: "Continue" }).click();
      await enterCode(page, await mailedCode(address, "Register", since));

      // The membership exists before the MFA step: binding is required and names it.
      await expect(page).toHaveURL(/\/mfa-binding\/Totp$/);
      await expect(page.getByRole("heading", { name: "Add authenticator app" })).toBeVisible();
      await expect(page.getByText(orgName)).toBeVisible();
      await expect(page.getByRole("button", { name: "Skip" })).toHaveCount(0);
      await ready(page);
      const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
      await page.getByLabel("One-time code").fill(codeNow(secret).code);
      await page.getByRole("button", { name: "Continue" }).click();
      const callback = new URL(await reached());
      expect(callback.searchParams.get("code")).toBeTruthy();
      const [user] = await api.get(`/users?q=${encodeURIComponent(address)}`);
      const members = await api.get(`/organizations/${org.id}/users`);
      expect(members.map((m: { id: string }) => m.id)).toContain(user.id);
    });
  });
}

test("the console's Sign-up and sign-in page saves the settings and says where mail goes", async ({ page, request }) => {
  const api = await managementApi(request);
  await api.patch("/sign-in-exp", DEFAULTS);
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Sign-up and sign-in" }).click();
  await expect(page).toHaveURL(/\/console\/sign-in-experience\/sign-up-and-sign-in$/);
  await hydrated(page);
  await expect(page.getByText(/Mail is written to the outbox folder .*target\/e2e\/outbox/)).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Username People pick/ })).toBeChecked();

  // No way to sign in at all is refused on its field.
  await page.getByRole("checkbox", { name: "Username and password" }).uncheck();
  await page.getByRole("checkbox", { name: "Email address and password" }).uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Choose at least one way to sign in.").first()).toBeVisible();

  // Passwordless sign-up by email: sign-in by code must be on.
  await page.getByRole("radio", { name: /^Email address People prove/ }).check();
  await page.getByRole("checkbox", { name: "Set a password at sign-up" }).uncheck();
  await page.getByRole("checkbox", { name: "Email address and password" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/sign in with an emailed code: turn it on/).first()).toBeVisible();
  await page.getByRole("checkbox", { name: /Email address and an emailed code/ }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Sign-up and sign-in settings saved.");
  const exp = await api.get("/sign-in-exp");
  expect(exp.signUp).toEqual({ identifiers: ["email"], password: false, verify: true });
  expect(exp.signIn.methods).toEqual([
    { identifier: "email", password: true, verificationCode: true, isPasswordPrimary: true },
  ]);

  await open(page, "/console/sign-in-experience/sign-up-and-sign-in");
  await expect(page.getByRole("radio", { name: /^Email address People prove/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Email address and an emailed code/ })).toBeChecked();
  await api.patch("/sign-in-exp", DEFAULTS);
});
