//! One application: header with Delete, a Settings tab (every type), a Secrets tab (apps that
//! keep secrets), an Organizations tab (the organizations a machine-to-machine app is in, with
//! its roles there) and a Custom data tab.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::application_secrets::{ApplicationCustomDataTab, ApplicationSecretsTab};
use super::application_settings::ApplicationSettingsTab;
use super::applications::type_label;
use crate::api::applications::{application_organizations, delete_application, get_application};
use crate::api::session::get_console_status;
use crate::components::browser::format_date;
use crate::components::{
    Chips, ConfirmDialog, CopyButton, LoadError, PagedTable, TableSkeleton, use_toasts, when_done,
};
use crate::model::{Application, OrganizationWithRoles};

const PAGE_SIZE: u32 = 20;

#[component]
pub fn ApplicationDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tab = move || {
        params
            .read()
            .get("tab")
            .unwrap_or_else(|| "settings".into())
    };
    let app = Resource::new(id, |id| async move {
        let app = get_application(id).await?;
        let issuer = get_console_status().await?.issuer;
        Ok::<_, crate::error::AppError>((app, issuer))
    });
    // The organizations and secrets load outside the app's Suspend (see the organization page
    // for why); for an unknown app their lists show nothing (`LoadError` says it once).
    view! {
        <p class="breadcrumb"><a href="/console/applications">"← Applications"</a></p>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match app.await {
                    Ok((app, issuer)) => view! { <ApplicationView app=app issuer=issuer tab=tab()/> }.into_any(),
                    Err(e) => view! {
                        <Title text="Application"/>
                        <LoadError error=e what="Application" back_href="/console/applications"
                            back_label="Back to applications" on_retry=Callback::new(move |_| app.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
        {move || (tab() == "organizations").then(|| view! { <AppOrganizations id=id()/> })}
        {move || (tab() == "secrets").then(|| view! { <ApplicationSecretsTab id=id()/> })}
    }
}

#[component]
fn ApplicationView(app: Application, issuer: String, tab: String) -> impl IntoView {
    let m2m = app.app_type == "MachineToMachine";
    let keeps_secrets = matches!(
        app.app_type.as_str(),
        "MachineToMachine" | "Traditional" | "Protected"
    );
    let link = |name: &str| format!("/console/applications/{}/{name}", app.id);
    let current = |name: &str| (tab == name).then_some("page");
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = Action::new(move |id: &String| delete_application(id.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("Application deleted.");
            navigate("/console/applications", Default::default());
        },
        move |e| error.set(Some(e.to_string())),
    );
    let id = app.id.clone();
    view! {
        <Title text=app.name.clone()/>
        <div class="card header-card">
            <div>
                <h1 data-testid="app-title">{app.name.clone()}</h1>
                <p class="muted">
                    <span class="badge">{type_label(&app.app_type).to_string()}</span>
                    " · App ID " <CopyButton value=app.id.clone() label="app ID"/>
                    " · Created " {format_date(app.created_at)}
                </p>
            </div>
            <button type="button" class="btn danger" on:click=move |_| confirm.set(true)>"Delete application"</button>
        </div>
        <nav class="tabs" aria-label="Application sections">
            <a href=link("settings") aria-current=current("settings")>"Settings"</a>
            {keeps_secrets.then(|| view! {
                <a href=link("secrets") aria-current=current("secrets")>"Secrets"</a>
            })}
            {m2m.then(|| view! {
                <a href=link("organizations") aria-current=current("organizations")>"Organizations"</a>
            })}
            <a href=link("custom-data") aria-current=current("custom-data")>"Custom data"</a>
        </nav>
        {match tab.as_str() {
            "organizations" | "secrets" => ().into_any(),
            "custom-data" => view! { <ApplicationCustomDataTab app=app.clone()/> }.into_any(),
            _ => view! { <ApplicationSettingsTab app=app.clone() issuer=issuer/> }.into_any(),
        }}
        <ConfirmDialog title="Delete application" open=confirm confirm_label="Delete application"
            pending=delete.pending() error=error
            on_confirm=Callback::new(move |_| { delete.dispatch(id.clone()); })>
            <p>
                "Delete application " <strong>{app.name.clone()}</strong>
                "? Its secrets and tokens stop working at once, and it leaves every organization. This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}

#[component]
fn AppOrganizations(id: String) -> impl IntoView {
    let page = RwSignal::new(1u32);
    let orgs = Resource::new(
        move || page.get(),
        move |p| application_organizations(id.clone(), p, PAGE_SIZE),
    );
    view! {
        <div class="card">
            <PagedTable list=orgs columns=&["Organization", "Organization roles"]
                row=|o: OrganizationWithRoles| {
                    let href = format!("/console/organizations/{}/machine-to-machine", o.organization.id);
                    let roles = o.organization_roles.into_iter().map(|r| r.name).collect::<Vec<_>>();
                    view! {
                        <tr>
                            <td><a class="row-link" href=href>{o.organization.name}</a></td>
                            <td><Chips items=roles empty="No roles"/></td>
                        </tr>
                    }
                }
                empty_title="Not in any organization"
                empty_text="Machine-to-machine apps join organizations from an organization's Machine-to-machine tab; then they can get organization tokens."
                on_page=Callback::new(move |p| page.set(p))/>
        </div>
    }
}
