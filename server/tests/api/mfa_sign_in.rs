//! MFA on the hosted pages, driven as a browser without JavaScript: binding an authenticator
//! app and backup codes, verifying at the next sign-in (no replay, backup codes once), every
//! row of the decision table (next-features.md §1.4), the per-user lockout, and the
//! organization token that follows a binding.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app_pinned, spawn_app_pinned_with};
use crate::mfa_journey::*;
use crate::people::*;

both_backends!(binds_then_verifies_totp_and_backup_codes, bind_verify_impl);
async fn bind_verify_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user = create_user(&app, "alice").await;
    set_mfa(
        &app,
        json!({ "factors": ["Totp", "BackupCode"], "policy": "Mandatory" }),
    )
    .await;

    // Mandatory: straight to binding, no way to skip it.
    let first = browser();
    let b1 = &first;
    assert_eq!(
        password_step(&app, b1, &client_id, "alice").await,
        "/mfa-binding/Totp"
    );
    let html = page(&app, b1, "/mfa-binding/Totp").await;
    assert!(html.contains("<svg"), "the QR code is drawn on the server");
    assert!(
        !html.contains("/oidc/interaction/mfa/skip"),
        "no Skip under Mandatory"
    );
    assert_eq!(post_mfa(&app, b1, "skip", &[]).await, "/mfa-binding/Totp");
    let secret = marked(&html, "totp-secret");
    assert_eq!(
        post_mfa(&app, b1, "bind-totp", &[("code", "000000")]).await,
        "/mfa-binding/Totp"
    );
    assert!(
        page(&app, b1, "/mfa-binding/Totp")
            .await
            .contains("Invalid TOTP code.")
    );
    // The secret shown stays the same across the refusal.
    assert_eq!(
        marked(&page(&app, b1, "/mfa-binding/Totp").await, "totp-secret"),
        secret
    );
    let binding_code = code_now(&app, &secret);
    let to = post_mfa(&app, b1, "bind-totp", &[("code", &binding_code)]).await;
    assert_eq!(to, "/mfa-binding/BackupCode");
    let html = page(&app, b1, &to).await;
    let codes = backup_codes(&html);
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 10));
    let file = b1
        .get(app.url("/oidc/interaction/mfa/backup-codes.txt"))
        .send()
        .await
        .unwrap();
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    assert!(file.text().await.unwrap().contains(&codes[9]));
    // Saving needs the confirmation.
    assert_eq!(
        post_mfa(&app, b1, "bind-backup-codes", &[]).await,
        "/mfa-binding/BackupCode"
    );
    let to = post_mfa(&app, b1, "bind-backup-codes", &[("saved", "on")]).await;
    assert!(to.starts_with(REDIRECT), "{to}");
    let (status, tokens) = exchange(&app, &client_id, &param(&to, "code").unwrap(), &[]).await;
    assert_eq!(status, 200, "{tokens}");

    let (_, factors) = app
        .api_get(&format!("/users/{user}/mfa-verifications"))
        .await;
    assert_eq!(factors.as_array().unwrap().len(), 2);
    factor(&factors, "type", "Totp");
    assert_eq!(factor(&factors, "type", "BackupCode")["remainCodes"], 10);
    let (_, flags) = app.api_get(&format!("/users/{user}/logto-configs")).await;
    assert_eq!(flags["mfa"]["enabled"], true);

    // The next sign-in asks for the code; the binding code's step cannot be replayed.
    let second = browser();
    assert_eq!(
        password_step(&app, &second, &client_id, "alice").await,
        "/mfa-verification/Totp"
    );
    let html = page(&app, &second, "/mfa-verification/Totp").await;
    assert!(
        html.contains("/mfa-verification/BackupCode"),
        "another method is offered"
    );
    assert_eq!(
        post_mfa(&app, &second, "verify-totp", &[("code", &binding_code)]).await,
        "/mfa-verification/Totp"
    );
    assert!(
        page(&app, &second, "/mfa-verification/Totp")
            .await
            .contains("Invalid TOTP code.")
    );
    app.state.clock.advance(30_000);
    let code = code_now(&app, &secret);
    let to = post_mfa(&app, &second, "verify-totp", &[("code", &code)]).await;
    assert!(to.starts_with(REDIRECT), "{to}");

    // The same code in the same step is refused to another browser.
    let other = browser();
    password_step(&app, &other, &client_id, "alice").await;
    assert_eq!(
        post_mfa(&app, &other, "verify-totp", &[("code", &code)]).await,
        "/mfa-verification/Totp"
    );
    // A backup code works once (in any case).
    let to = post_mfa(
        &app,
        &other,
        "verify-backup-code",
        &[("code", &codes[0].to_uppercase())],
    )
    .await;
    assert!(to.starts_with(REDIRECT), "{to}");
    let again = browser();
    password_step(&app, &again, &client_id, "alice").await;
    assert_eq!(
        post_mfa(&app, &again, "verify-backup-code", &[("code", &codes[0])]).await,
        "/mfa-verification/BackupCode"
    );
    assert!(
        page(&app, &again, "/mfa-verification/BackupCode")
            .await
            .contains("Invalid backup code.")
    );
    let (_, factors) = app
        .api_get(&format!("/users/{user}/mfa-verifications"))
        .await;
    assert_eq!(factor(&factors, "type", "BackupCode")["remainCodes"], 9);
    // The consent and code steps cannot be reached around the MFA step.
    let res = post_form(&app, &again, "/oidc/interaction/consent", &[]).await;
    assert_eq!(location(&res), "/sign-in");
}

both_backends!(decision_table_rows, decision_table_impl);
async fn decision_table_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap().to_string();
    app.api_json(
        Method::PATCH,
        &format!("/organizations/{org_id}"),
        &json!({ "isMfaRequired": true }),
    )
    .await;
    let member = create_user(&app, "member").await;
    app.api_json(
        Method::POST,
        &format!("/organizations/{org_id}/users"),
        &json!({ "userIds": [member] }),
    )
    .await;
    create_user(&app, "plain").await;
    let factors = json!(["Totp", "BackupCode"]);

    // NoPrompt: nobody is asked, unless an organization requires MFA and the organization
    // policy is Mandatory; then binding names the organization and cannot be skipped.
    set_mfa(&app, json!({ "factors": factors, "policy": "NoPrompt" })).await;
    assert!(
        password_step(&app, &browser(), &client_id, "member")
            .await
            .starts_with(REDIRECT)
    );
    set_mfa(
        &app,
        json!({ "factors": factors, "policy": "NoPrompt",
        "organizationRequiredMfaPolicy": "Mandatory" }),
    )
    .await;
    assert!(
        password_step(&app, &browser(), &client_id, "plain")
            .await
            .starts_with(REDIRECT)
    );
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "member").await,
        "/mfa-binding/Totp"
    );
    let html = page(&app, &b, "/mfa-binding/Totp").await;
    assert!(html.contains("Acme"), "the page names the organization");
    assert!(!html.contains("/oidc/interaction/mfa/skip"));
    assert_eq!(post_mfa(&app, &b, "skip", &[]).await, "/mfa-binding/Totp");
    assert!(
        page(&app, &b, "/mfa-binding/Totp")
            .await
            .contains("cannot be skipped")
    );

    // Skippable prompts: a suggestion first; Skip is remembered.
    set_mfa(
        &app,
        json!({ "factors": factors, "policy": "PromptAtSignInAndSignUp" }),
    )
    .await;
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "plain").await,
        "/mfa-onboarding"
    );
    assert!(post_mfa(&app, &b, "skip", &[]).await.starts_with(REDIRECT));
    assert!(
        password_step(&app, &browser(), &client_id, "plain")
            .await
            .starts_with(REDIRECT)
    );
    // … but an organization's rule overrides a skip.
    set_mfa(
        &app,
        json!({ "factors": factors, "policy": "PromptAtSignInAndSignUp",
        "organizationRequiredMfaPolicy": "Mandatory" }),
    )
    .await;
    let (_, flags) = app
        .api_json(
            Method::PATCH,
            &format!("/users/{member}/logto-configs"),
            &json!({ "mfa": { "skipped": true } }),
        )
        .await;
    assert_eq!(flags["mfa"]["skipped"], true);
    assert_eq!(
        password_step(&app, &browser(), &client_id, "member").await,
        "/mfa-binding/Totp"
    );

    // Enabling from the suggestion leads to binding, which may still be skipped.
    create_user(&app, "eager").await;
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "eager").await,
        "/mfa-onboarding"
    );
    assert_eq!(post_mfa(&app, &b, "enable", &[]).await, "/mfa-binding/Totp");
    assert!(
        page(&app, &b, "/mfa-binding/Totp")
            .await
            .contains("/oidc/interaction/mfa/skip")
    );
    assert!(post_mfa(&app, &b, "skip", &[]).await.starts_with(REDIRECT));

    // Registration: asked under PromptAtSignInAndSignUp and Mandatory, not under
    // PromptOnlyAtSignIn.
    assert_eq!(
        register_step(&app, &browser(), &client_id, "newbie1").await,
        "/mfa-onboarding"
    );
    set_mfa(
        &app,
        json!({ "factors": factors, "policy": "PromptOnlyAtSignIn" }),
    )
    .await;
    assert!(
        register_step(&app, &browser(), &client_id, "newbie2")
            .await
            .starts_with(REDIRECT)
    );
    // Accounts the sign-in creates start with 2-step verification not enabled (as Logto).
    let (_, users) = app.api_get("/users?search=newbie2").await;
    let newbie = users[0]["id"].as_str().unwrap().to_string();
    let (_, flags) = app.api_get(&format!("/users/{newbie}/logto-configs")).await;
    assert_eq!(flags["mfa"]["enabled"], false, "{flags}");
    assert_eq!(
        password_step(&app, &browser(), &client_id, "newbie2").await,
        "/mfa-onboarding"
    );
    set_mfa(&app, json!({ "factors": factors, "policy": "Mandatory" })).await;
    assert_eq!(
        register_step(&app, &browser(), &client_id, "newbie3").await,
        "/mfa-binding/Totp"
    );

    // No factor configured: nothing is asked, whatever the policy.
    set_mfa(
        &app,
        json!({ "factors": [], "policy": "Mandatory",
        "organizationRequiredMfaPolicy": "Mandatory" }),
    )
    .await;
    assert!(
        password_step(&app, &browser(), &client_id, "member")
            .await
            .starts_with(REDIRECT)
    );
}

both_backends!(organization_token_follows_binding, org_token_impl);
async fn org_token_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let org = app.create_org("Globex").await;
    let org_id = org["id"].as_str().unwrap().to_string();
    app.api_json(
        Method::PATCH,
        &format!("/organizations/{org_id}"),
        &json!({ "isMfaRequired": true }),
    )
    .await;
    let user = create_user(&app, "hank").await;
    app.api_json(
        Method::POST,
        &format!("/organizations/{org_id}/users"),
        &json!({ "userIds": [user] }),
    )
    .await;
    set_mfa(
        &app,
        json!({ "factors": ["Totp", "BackupCode"], "policy": "NoPrompt",
        "organizationRequiredMfaPolicy": "Mandatory" }),
    )
    .await;
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "hank").await,
        "/mfa-binding/Totp"
    );
    let (_, _, to) = bind_totp_and_codes(&app, &b).await;
    let (status, tokens) = exchange(&app, &client_id, &param(&to, "code").unwrap(), &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let rt = tokens["refresh_token"].as_str().unwrap();
    let (status, body) = refresh(&app, &client_id, rt, &[("organization_id", &org_id)]).await;
    assert_eq!(status, 200, "{body}");
}

both_backends!(wrong_codes_lock_the_user_then_expire, lockout_impl);
async fn lockout_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned_with(backend, |s| {
        s.oidc.sign_in_per_ip_per_minute = 10_000;
    })
    .await
    else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user = create_user(&app, "ivan").await;
    let (_, totp) = app
        .api_json(
            Method::POST,
            &format!("/users/{user}/mfa-verifications"),
            &json!({ "type": "Totp" }),
        )
        .await;
    let secret = totp["secret"].as_str().unwrap().to_string();
    set_mfa(&app, json!({ "factors": ["Totp"], "policy": "NoPrompt" })).await;
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "ivan").await,
        "/mfa-verification/Totp"
    );
    for _ in 0..50 {
        post_mfa(&app, &b, "verify-totp", &[("code", "000000")]).await;
    }
    // A right code in between does not renew the budget (an attacker cannot wait for the
    // user to sign in).
    let to = post_mfa(
        &app,
        &b,
        "verify-totp",
        &[("code", &code_now(&app, &secret))],
    )
    .await;
    assert!(to.starts_with(REDIRECT), "{to}");
    app.state.clock.advance(30_000);
    let b = browser();
    password_step(&app, &b, &client_id, "ivan").await;
    for _ in 0..50 {
        post_mfa(&app, &b, "verify-totp", &[("code", "000000")]).await;
    }
    let html = page(&app, &b, "/mfa-verification/Totp").await;
    assert!(html.contains("Too many attempts in a short time"), "{html}");
    // While locked even the right code is refused, in any other sign-in too.
    let other = browser();
    password_step(&app, &other, &client_id, "ivan").await;
    let code = code_now(&app, &secret);
    assert_eq!(
        post_mfa(&app, &other, "verify-totp", &[("code", &code)]).await,
        "/mfa-verification/Totp"
    );
    assert!(
        page(&app, &other, "/mfa-verification/Totp")
            .await
            .contains("60 minutes")
    );
    // An hour on (the sign-in request itself has expired by then: a new one).
    app.state.clock.advance(61 * 60_000);
    let later = browser();
    password_step(&app, &later, &client_id, "ivan").await;
    let code = code_now(&app, &secret);
    let to = post_mfa(&app, &later, "verify-totp", &[("code", &code)]).await;
    assert!(to.starts_with(REDIRECT), "{to}");
}

both_backends!(binding_is_guarded, binding_guard_impl);
async fn binding_guard_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user = create_user(&app, "jane").await;
    set_mfa(
        &app,
        json!({ "factors": ["Totp", "BackupCode"], "policy": "Mandatory" }),
    )
    .await;
    let b = browser();
    assert_eq!(
        password_step(&app, &b, &client_id, "jane").await,
        "/mfa-binding/Totp"
    );

    // The binding page is never stored, and the key it shows is on that page only.
    let res = b.get(app.url("/mfa-binding/Totp")).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "no-store");
    let secret = marked(&res.text().await.unwrap(), "totp-secret");
    let other_page = page(&app, &b, "/mfa-verification").await;
    assert!(
        !other_page.contains(&secret),
        "the key stays off other pages"
    );

    // The user gets a factor elsewhere meanwhile (another browser, an admin): this sign-in must
    // verify it, not bind its own key next to it.
    let (_, added) = app
        .api_json(
            Method::POST,
            &format!("/users/{user}/mfa-verifications"),
            &json!({ "type": "Totp" }),
        )
        .await;
    let real = added["secret"].as_str().unwrap().to_string();
    let to = post_mfa(&app, &b, "bind-totp", &[("code", &code_now(&app, &secret))]).await;
    assert_eq!(to, "/mfa-verification/Totp");
    let (_, factors) = app
        .api_get(&format!("/users/{user}/mfa-verifications"))
        .await;
    assert_eq!(factors.as_array().unwrap().len(), 1, "{factors}");
    let to = post_mfa(&app, &b, "verify-totp", &[("code", &code_now(&app, &real))]).await;
    assert_eq!(to, "/mfa-binding/BackupCode", "then on to the backup codes");

    // Suspended while signing in: the sign-in ends there.
    let (status, _) = app
        .api_json(
            Method::PATCH,
            &format!("/users/{user}/is-suspended"),
            &json!({ "isSuspended": true }),
        )
        .await;
    assert_eq!(status, 200);
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/mfa/bind-backup-codes",
        &[("saved", "on")],
    )
    .await;
    assert_ne!(res.status(), 303, "no code, no session");
    assert!(res.text().await.unwrap().contains("suspended"));
}
