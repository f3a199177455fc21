//! One application: header, a Settings tab (every type) and an Organizations tab (the
//! organizations a machine-to-machine app is in, with its roles there).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::application_settings::ApplicationSettingsTab;
use super::applications::type_label;
use crate::api::applications::{application_organizations, get_application};
use crate::api::session::get_console_status;
use crate::components::browser::format_date;
use crate::components::{Chips, CopyButton, ErrorState, PagedTable, TableSkeleton};
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
    // The organizations load outside the app's Suspend (see the organization page for why).
    view! {
        <p class="breadcrumb"><a href="/console/applications">"← Applications"</a></p>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match app.await {
                    Ok((app, issuer)) => view! { <ApplicationView app=app issuer=issuer tab=tab()/> }.into_any(),
                    Err(e) => view! {
                        <Title text="Application"/>
                        <ErrorState message=e.to_string() on_retry=Callback::new(move |_| app.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
        {move || (tab() == "organizations").then(|| view! { <AppOrganizations id=id()/> })}
    }
}

#[component]
fn ApplicationView(app: Application, issuer: String, tab: String) -> impl IntoView {
    let m2m = app.app_type == "MachineToMachine";
    let link = |name: &str| format!("/console/applications/{}/{name}", app.id);
    let current = |name: &str| (tab == name).then_some("page");
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
        </div>
        <nav class="tabs" aria-label="Application sections">
            <a href=link("settings") aria-current=current("settings")>"Settings"</a>
            {m2m.then(|| view! {
                <a href=link("organizations") aria-current=current("organizations")>"Organizations"</a>
            })}
        </nav>
        {(tab != "organizations").then(|| view! { <ApplicationSettingsTab app=app.clone() issuer=issuer/> })}
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
