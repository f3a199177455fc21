//! Organization details: header (name, ID, created, delete) and the Settings, Members,
//! Machine-to-machine and Just-in-time provisioning tabs, each at its own URL (one way of
//! saving per tab: the settings save bar; provisioning saves as its own form).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::organization_branding::BrandColors;
use crate::api::mfa::get_mfa_settings;
use crate::api::organization_members::{list_organization_applications, list_organization_users};
use crate::api::organizations::{delete_organization, get_organization, update_organization};
use crate::components::browser::format_date;
use crate::components::{
    CopyButton, Dialog, LoadError, SaveBar, TableSkeleton, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{Organization, OrganizationSettings};
use crate::routes::console::organization_invitations::InvitationsTab;
use crate::routes::console::organization_jit::JitSection;
use crate::routes::console::organization_members::{MemberKind, MembersTab};

/// How many users and machine-to-machine apps are members; `None` when it could not be read.
async fn member_counts(id: String) -> Option<(i64, i64)> {
    let users = list_organization_users(id.clone(), String::new(), 1, 1)
        .await
        .ok()?;
    let apps = list_organization_applications(id, String::new(), 1, 1)
        .await
        .ok()?;
    Some((users.total, apps.total))
}

/// The sentence of the delete confirmation naming who loses access.
fn who_loses_access(counts: Option<(i64, i64)>) -> String {
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let (who, one) = match counts {
        None => return "Its members lose access to it.".into(),
        Some((0, 0)) => return "It has no members.".into(),
        Some((users, 0)) => (plural(users, "member", "members"), users == 1),
        Some((0, apps)) => (
            plural(apps, "machine-to-machine app", "machine-to-machine apps"),
            apps == 1,
        ),
        Some((users, apps)) => (
            format!(
                "{} and {}",
                plural(users, "member", "members"),
                plural(apps, "machine-to-machine app", "machine-to-machine apps")
            ),
            false,
        ),
    };
    format!(
        "Its {who} {} access to it.",
        if one { "loses" } else { "lose" }
    )
}

fn settings_of(org: &Organization) -> OrganizationSettings {
    let custom_data =
        serde_json::to_string_pretty(&org.custom_data).unwrap_or_else(|_| "{}".into());
    OrganizationSettings {
        name: org.name.clone(),
        description: org.description.clone().unwrap_or_default(),
        custom_data,
        is_mfa_required: org.is_mfa_required,
        logo_url: org.logo_url().unwrap_or_default().to_string(),
        dark_logo_url: org.dark_logo_url().unwrap_or_default().to_string(),
        primary_color: org.color_of("primaryColor").unwrap_or_default().to_string(),
        dark_primary_color: org
            .color_of("darkPrimaryColor")
            .unwrap_or_default()
            .to_string(),
        custom_css: org.custom_css.clone().unwrap_or_default(),
    }
}

#[component]
pub fn OrganizationDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tab = move || {
        params
            .read()
            .get("tab")
            .unwrap_or_else(|| "settings".into())
    };
    let org = Resource::new(id, get_organization);
    // Tabs that load their own data render outside the organization's Suspend: resources
    // created inside a resolved Suspend are created twice while server-rendering and then miss
    // their values when hydrating.
    view! {
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match org.await {
                    Ok(org) => view! { <OrganizationView org=org/> }.into_any(),
                    Err(e) => view! {
                        <Title text="Organization"/>
                        <p class="breadcrumb"><a href="/console/organizations">"← Organizations"</a></p>
                        <LoadError error=e what="Organization" back_href="/console/organizations"
                            back_label="Back to organizations" on_retry=Callback::new(move |_| org.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
        {move || match tab().as_str() {
            "members" => view! { <MembersTab org_id=id() kind=MemberKind::Users/> }.into_any(),
            "machine-to-machine" => {
                view! { <MembersTab org_id=id() kind=MemberKind::Applications/> }.into_any()
            }
            "jit" => view! { <JitSection org_id=id()/> }.into_any(),
            "invitations" => view! { <InvitationsTab org_id=id()/> }.into_any(),
            _ => ().into_any(),
        }}
    }
}

#[component]
fn OrganizationView(org: Organization) -> impl IntoView {
    let saved = RwSignal::new(org.clone());
    let confirm = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<String>);
    let id = org.id.clone();
    let delete = Action::new(move |id: &String| delete_organization(id.clone()));
    // Who loses access, counted when the confirmation opens.
    let holders = Action::new(move |id: &String| member_counts(id.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("Organization deleted.");
            navigate("/console/organizations", Default::default());
        },
        move |e| delete_error.set(Some(e.to_string())),
    );
    let title = org.name.clone();
    let base = format!("/console/organizations/{}", org.id);
    let org_tab = org.clone();
    let params = use_params_map();
    let tab = move || {
        params
            .read()
            .get("tab")
            .unwrap_or_else(|| "settings".into())
    };
    let current = move |t: &'static str| (tab() == t).then_some("page");
    view! {
        <Title text=title/>
        <p class="breadcrumb"><a href="/console/organizations">"← Organizations"</a></p>
        <div class="card header-card">
            <div>
                <h1 data-testid="org-title">{move || saved.get().name}</h1>
                <p class="muted">
                    "ID " <CopyButton value=org.id.clone() label="organization ID"/>
                    " · Created " {format_date(org.created_at)}
                </p>
            </div>
            <button type="button" class="btn danger"
                on:click={
                    let id = id.clone();
                    move |_| {
                        holders.dispatch(id.clone());
                        confirm.set(true);
                    }
                }>"Delete"</button>
        </div>
        <nav class="tabs" aria-label="Organization sections">
            <a href=format!("{base}/settings") aria-current=move || current("settings")>"Settings"</a>
            <a href=format!("{base}/members") aria-current=move || current("members")>"Members"</a>
            <a href=format!("{base}/machine-to-machine") aria-current=move || current("machine-to-machine")>"Machine-to-machine"</a>
            <a href=format!("{base}/invitations") aria-current=move || current("invitations")>"Invitations"</a>
            <a href=format!("{base}/jit") aria-current=move || current("jit")>"Just-in-time provisioning"</a>
        </nav>
        {move || (tab() == "settings").then(|| view! { <SettingsForm org=org_tab.clone() saved=saved/> })}
        <Dialog title="Delete organization" open=confirm>
            <p>
                "Delete organization " <strong>{move || saved.get().name}</strong> "? "
                {move || who_loses_access(holders.value().get().flatten())}
                " Its settings are removed. This cannot be undone."
            </p>
            <Show when=move || delete_error.get().is_some()>
                <p class="form-error" role="alert">{move || delete_error.get()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="btn" on:click=move |_| confirm.set(false)>"Cancel"</button>
                <button type="button" class="btn danger" disabled=move || delete.pending().get()
                    on:click={
                        let id = id.clone();
                        move |_| { delete.dispatch(id.clone()); }
                    }>
                    "Delete organization"
                </button>
            </div>
        </Dialog>
    }
}

#[component]
fn SettingsForm(org: Organization, saved: RwSignal<Organization>) -> impl IntoView {
    let initial = RwSignal::new(settings_of(&org));
    let form = RwSignal::new(settings_of(&org));
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let id = org.id.clone();
    let save = Action::new(move |settings: &OrganizationSettings| {
        update_organization(id.clone(), settings.clone())
    });
    when_done(
        save,
        move |updated| {
            let fresh = settings_of(&updated);
            initial.set(fresh.clone());
            form.set(fresh);
            saved.set(updated);
            error.set(None);
            toasts.show("Saved.");
        },
        move |e| {
            error.set(Some(e));
        },
    );
    let dirty = move || form.get() != initial.get();
    let field_error = move |f: &'static str| move || error.get().and_then(|e| e.for_field(f));
    let general_error = move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Invalid { field: Some(_), .. }))
            .map(|e| e.to_string())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = form.get();
        if current.name.trim().is_empty() {
            error.set(Some(AppError::field("name", "Name is required.")));
            return;
        }
        if let Err(e) =
            serde_json::from_str::<serde_json::Value>(if current.custom_data.trim().is_empty() {
                "{}"
            } else {
                &current.custom_data
            })
        {
            error.set(Some(AppError::field(
                "custom_data",
                format!("Custom data is not valid JSON: {e}."),
            )));
            return;
        }
        save.dispatch(current);
    };
    view! {
        <form class="card form settings" on:submit=submit novalidate>
            <h2>"General"</h2>
            <label for="name">"Name" <span class="required" aria-hidden="true">"*"</span></label>
            <input id="name" name="name" required
                prop:value=move || form.get().name
                on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
            <Show when=move || field_error("name")().is_some()>
                <p class="field-error" role="alert">{field_error("name")}</p>
            </Show>
            <label for="description">"Description"</label>
            <textarea id="description" name="description" rows="2"
                prop:value=move || form.get().description
                on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))></textarea>
            <Show when=move || field_error("description")().is_some()>
                <p class="field-error" role="alert">{field_error("description")}</p>
            </Show>

            <label for="custom_data">"Custom data"</label>
            <textarea id="custom_data" name="custom_data" class="code" rows="6" spellcheck="false"
                prop:value=move || form.get().custom_data
                on:input=move |ev| form.update(|f| f.custom_data = event_target_value(&ev))></textarea>
            <p class="help">"A JSON object for your own use, such as a plan or a CRM id."</p>
            <Show when=move || field_error("custom_data")().is_some()>
                <p class="field-error" role="alert" data-testid="custom-data-error">{field_error("custom_data")}</p>
            </Show>

            <h2>"Security"</h2>
            <div class="switch-row">
                <label class="switch">
                    <input type="checkbox" role="switch" id="is_mfa_required" name="is_mfa_required"
                        prop:checked=move || form.get().is_mfa_required
                        on:change=move |ev| form.update(|f| f.is_mfa_required = event_target_checked(&ev))/>
                    <span class="slider" aria-hidden="true"></span>
                    <span>"Require MFA"</span>
                </label>
                <p class="help">
                    "Members must have a second factor set up before they can get tokens for this organization."
                </p>
                <NoFactorWarning on=Signal::derive(move || form.get().is_mfa_required)/>
            </div>

            <h2>"Branding"</h2>
            <div class="logo-grid">
                <div>
                    <label for="logo_url">"Logo URL"</label>
                    <input id="logo_url" name="logo_url" type="url" placeholder="https://"
                        prop:value=move || form.get().logo_url
                        on:input=move |ev| form.update(|f| f.logo_url = event_target_value(&ev))/>
                    <Show when=move || field_error("logo_url")().is_some()>
                        <p class="field-error" role="alert">{field_error("logo_url")}</p>
                    </Show>
                    <div class="logo-preview light">
                        <Show when=move || !form.get().logo_url.is_empty() fallback=|| view! { <span class="muted">"No logo"</span> }>
                            <img alt="Logo preview on a light background" src=move || form.get().logo_url/>
                        </Show>
                    </div>
                </div>
                <div>
                    <label for="dark_logo_url">"Dark logo URL"</label>
                    <input id="dark_logo_url" name="dark_logo_url" type="url" placeholder="https://"
                        prop:value=move || form.get().dark_logo_url
                        on:input=move |ev| form.update(|f| f.dark_logo_url = event_target_value(&ev))/>
                    <Show when=move || field_error("dark_logo_url")().is_some()>
                        <p class="field-error" role="alert">{field_error("dark_logo_url")}</p>
                    </Show>
                    <div class="logo-preview dark">
                        <Show when=move || !form.get().dark_logo_url.is_empty() fallback=|| view! { <span class="muted">"No logo"</span> }>
                            <img alt="Logo preview on a dark background" src=move || form.get().dark_logo_url/>
                        </Show>
                    </div>
                </div>
            </div>

            <BrandColors form=form error=error/>

            <Show when=move || general_error().is_some()>
                <p class="form-error" role="alert">{general_error}</p>
            </Show>
            <SaveBar dirty=Signal::derive(dirty) pending=save.pending()
                on_discard=Callback::new(move |()| { form.set(initial.get()); error.set(None); })/>
        </form>
    }
}

/// Warns, while "Require MFA" is on, that no factor is enabled tenant-wide: members could never
/// set one up, so the switch would only lock them out.
#[component]
fn NoFactorWarning(on: Signal<bool>) -> impl IntoView {
    let settings = Resource::new(|| (), |_| get_mfa_settings());
    // Read inside a Transition: the server renders it with the settings, as hydration expects.
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let none = settings.await.is_ok_and(|s| s.factors.is_empty());
                view! {
                    <Show when=move || on.get() && none>
                        <p class="warning" role="note" data-testid="no-factor-warning">
                            "No MFA factor is enabled, so members cannot set one up and will be refused this organization's tokens. "
                            <a href="/console/sign-in-experience/mfa">"Enable a factor"</a>
                        </p>
                    </Show>
                }
            })}
        </Transition>
    }
}

#[cfg(test)]
mod tests {
    use super::who_loses_access;

    #[test]
    fn names_who_loses_access() {
        assert_eq!(who_loses_access(Some((0, 0))), "It has no members.");
        assert_eq!(
            who_loses_access(Some((1, 0))),
            "Its 1 member loses access to it."
        );
        assert_eq!(
            who_loses_access(Some((12, 2))),
            "Its 12 members and 2 machine-to-machine apps lose access to it."
        );
        assert_eq!(
            who_loses_access(Some((0, 1))),
            "Its 1 machine-to-machine app loses access to it."
        );
        assert_eq!(who_loses_access(None), "Its members lose access to it.");
    }
}
