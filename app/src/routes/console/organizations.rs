//! Organizations list: server-side search (`q`, debounced) and pagination in the URL, and the
//! "Create organization" dialog.

use std::time::Duration;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::organizations::{create_organization, list_organizations};
use crate::components::browser::encode;
use crate::components::{CopyButton, Dialog, PagedTable, use_toasts, when_done};
use crate::error::AppError;
use crate::model::OrganizationWithFeatured;

const PAGE_SIZE: u32 = 20;

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let orgs = Resource::new(
        move || (q(), page()),
        |(q, page)| list_organizations(q, page, PAGE_SIZE),
    );

    let navigate = use_navigate();
    let go = move |q: String, page: u32| {
        let mut url = String::from("/console/organizations");
        let mut sep = '?';
        if !q.is_empty() {
            url.push_str(&format!("?q={}", encode(&q)));
            sep = '&';
        }
        if page > 1 {
            url.push_str(&format!("{sep}page={page}"));
        }
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };

    // Debounce typing: search once the admin pauses.
    let typed = RwSignal::new(q());
    let version = StoredValue::new(0u64);
    let go_search = go.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        typed.set(value.clone());
        let mine = version.get_value() + 1;
        version.set_value(mine);
        let go = go_search.clone();
        set_timeout(
            move || {
                if version.get_value() == mine {
                    go(value, 1);
                }
            },
            Duration::from_millis(250),
        );
    };

    let open = RwSignal::new(false);
    view! {
        <Title text="Organizations"/>
        <div class="page-header">
            <div>
                <h1>"Organizations"</h1>
                <p class="muted">"Organizations group your customers' users, with their own roles and settings."</p>
            </div>
            <button type="button" class="btn primary" on:click=move |_| open.set(true)>"Create organization"</button>
        </div>
        <div class="card">
            <div class="toolbar">
                <input
                    type="search"
                    class="search"
                    placeholder="Search by name or ID"
                    aria-label="Search organizations"
                    prop:value=move || typed.get()
                    on:input=on_input
                />
            </div>
            <PagedTable list=orgs columns=&["Name", "Organization ID", "Members"]
                row=|item: OrganizationWithFeatured| {
                    let org = item.organization;
                    let href = format!("/console/organizations/{}/settings", org.id);
                    view! {
                        <tr>
                            <td><a class="row-link" href=href>{org.name.clone()}</a></td>
                            <td><CopyButton value=org.id.clone() label="organization ID"/></td>
                            <td>{item.users_count}</td>
                        </tr>
                    }
                }
                empty_title="No organizations"
                empty_text=move || if q().is_empty() {
                    "Create your first organization to group users and give them roles."
                } else {
                    "No organization matches this search."
                }
                on_page=Callback::new(move |p| go(q(), p))/>
        </div>
        <CreateOrganizationDialog open=open/>
    }
}

#[component]
fn CreateOrganizationDialog(open: RwSignal<bool>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new(move |(name, description): &(String, String)| {
        create_organization(name.clone(), description.clone())
    });
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        create,
        move |org| {
            toasts.show("Organization created.");
            navigate(
                &format!("/console/organizations/{}/settings", org.id),
                Default::default(),
            );
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get().trim().is_empty() {
            error.set(Some(AppError::field("name", "Name is required.")));
            return;
        }
        error.set(None);
        create.dispatch((name.get(), description.get()));
    };
    let field_error = move |f: &str| error.get().and_then(|e| e.for_field(f));
    let general_error = move || {
        error
            .get()
            .filter(|e| e.for_field("name").is_none())
            .map(|e| e.to_string())
    };
    view! {
        <Dialog title="Create organization" open=open>
            <form class="form" on:submit=submit novalidate>
                <label for="org-name">"Name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="org-name" name="name" required autofocus
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <Show when=move || field_error("name").is_some()>
                    <p class="field-error" role="alert">{move || field_error("name")}</p>
                </Show>
                <label for="org-description">"Description"</label>
                <textarea id="org-description" name="description" rows="3"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                <Show when=move || general_error().is_some()>
                    <p class="form-error" role="alert">{general_error}</p>
                </Show>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || create.pending().get()>
                        "Create organization"
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
