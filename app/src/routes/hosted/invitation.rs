//! `/invitation/{id}?token=…`: Tessera's hosted invitation page (next-features §5.3). The
//! invitee sees the organization and who invited them, then accepts — creating their account
//! first when the address has none; expired, withdrawn and accepted invitations, a used link
//! and another signed-in account each get their own words. Plain forms: works without
//! JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::AttemptError;
use super::branding::Branded;
use crate::api::hosted::get_invitation_view;
use crate::model::InvitationView;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    let query = use_query_map().read_untracked().clone();
    let token = query.get("token").unwrap_or_default();
    let error = query.get("error").unwrap_or_default();
    let joined = query.get("joined").as_deref() == Some("1");
    let (id_c, token_c) = (id.clone(), token.clone());
    let data = Resource::new(
        || (),
        move |_| get_invitation_view(id_c.clone(), token_c.clone(), error.clone()),
    );
    view! {
        <leptos_meta::Title text="Invitation"/>
        <main class="hosted">
            <Suspense fallback=|| view! { <section class="hosted-card" aria-busy="true"></section> }>
                {move || {
                    let (id, token) = (id.clone(), token.clone());
                    Suspend::new(async move {
                        match data.await {
                            Ok(v) if v.found => {
                                let branding = v.branding.clone();
                                view! {
                                    <Branded branding>
                                        <div>{body(v, id, token, joined)}</div>
                                    </Branded>
                                }
                                .into_any()
                            }
                            Ok(_) => view! {
                                <section class="hosted-card" role="alert">
                                    <h1>"This invitation does not exist"</h1>
                                    <p class="muted">"It may have been deleted. Ask for a new invitation."</p>
                                </section>
                            }
                            .into_any(),
                            Err(e) => view! {
                                <section class="hosted-card" role="alert">
                                    <h1>"Something went wrong"</h1>
                                    <p>{e.to_string()}</p>
                                </section>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </main>
    }
}

fn body(v: InvitationView, id: String, token: String, joined: bool) -> AnyView {
    let org = v.organization_name.clone();
    let ask_again = match &v.inviter {
        Some(who) => format!("Ask {who} for a new invitation."),
        None => "Ask for a new invitation.".to_string(),
    };
    match v.status.as_str() {
        "Accepted" if joined => view! {
            <h1>{format!("You joined {org}")}</h1>
            <p class="muted">{format!(
                "Sign in to your organization's apps with {}.", v.invitee
            )}</p>
        }
        .into_any(),
        "Accepted" => view! {
            <h1>"This invitation was already accepted"</h1>
            <p class="muted">{format!("It was accepted for {org}. Sign in to your organization's apps.")}</p>
        }
        .into_any(),
        "Expired" => view! {
            <h1>"This invitation has expired"</h1>
            <p class="muted">{ask_again}</p>
        }
        .into_any(),
        "Revoked" => view! {
            <h1>"This invitation was withdrawn"</h1>
            <p class="muted">{format!("{org} withdrew it. {ask_again}")}</p>
        }
        .into_any(),
        _ if !v.link_valid => view! {
            <h1>"This invitation link is not valid"</h1>
            <p class="muted">{format!("It was already used or has expired. {ask_again}")}</p>
        }
        .into_any(),
        _ => match v.signed_in_as.clone() {
            Some(other) => view! {
                <h1>"Switch account to accept"</h1>
                <p>{format!(
                    "This invitation is for {}. This browser is signed in as {other}.",
                    v.invitee
                )}</p>
                <form method="post" action=format!("/oidc/interaction/invitation/{id}/switch-account") class="form">
                    <input type="hidden" name="token" value=token/>
                    <button type="submit" class="btn primary wide">"Sign out and continue"</button>
                </form>
            }
            .into_any(),
            None => accept_form(v, id, token),
        },
    }
}

fn accept_form(v: InvitationView, id: String, token: String) -> AnyView {
    let org = v.organization_name.clone();
    let who = v
        .inviter
        .clone()
        .unwrap_or_else(|| "An administrator".into());
    let new_account = !v.has_account;
    let ask_username = new_account && v.sign_up.username;
    let ask_password = new_account && v.sign_up.password;
    let error = v.error.clone();
    view! {
        <h1>{format!("Join {org}")}</h1>
        <p class="muted">{format!("{who} invited {} to join {org}.", v.invitee)}</p>
        <form method="post" action=format!("/oidc/interaction/invitation/{id}/accept") class="form">
            <input type="hidden" name="token" value=token/>
            {new_account.then(|| view! {
                <p class="help">{format!("Accepting creates your account for {}.", v.invitee)}</p>
            })}
            {ask_username.then(|| view! {
                <label for="username">"Username"</label>
                <input id="username" name="username" autocomplete="username" required/>
            })}
            {ask_password.then(|| view! {
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="new-password"
                    minlength="8" required/>
                <p class="help">"At least 8 characters."</p>
                <label for="password_confirm">"Confirm password"</label>
                <input id="password_confirm" name="password_confirm" type="password"
                    autocomplete="new-password" required/>
            })}
            <AttemptError error/>
            <button type="submit" class="btn primary wide">"Accept invitation"</button>
        </form>
    }
    .into_any()
}
