//! Users: searchable list with "Create user", and a user's page: Details (profile, password,
//! suspension), Roles, Organizations and Custom data tabs, and Delete.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::user_account::{UserAccountActions, UserCustomDataTab, UserProfileTab};
use super::user_mfa::UserMfaTab;
use super::user_roles::UserRolesTab;
use crate::api::users::{create_user, delete_user, get_user, list_users, user_organizations};
use crate::components::browser::format_date;
use crate::components::{
    Chips, ConfirmDialog, CopyButton, Dialog, FieldError, FormError, ListTable, LoadError,
    PagedTable, SearchInput, TableSkeleton, search_and_page, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{NewUser, OrganizationWithRoles, User};

const PAGE_SIZE: u32 = 20;

#[component]
pub fn UsersPage() -> impl IntoView {
    let (q, page) = search_and_page();
    let users = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| list_users(q, page, PAGE_SIZE),
    );
    let open = RwSignal::new(false);
    view! {
        <Title text="Users"/>
        <div class="page-header">
            <div>
                <h1>"Users"</h1>
                <p class="muted">"Everyone who can sign in to your applications, in and outside organizations."</p>
            </div>
            <button type="button" class="btn primary" on:click=move |_| open.set(true)>"Create user"</button>
        </div>
        <div class="card">
            <div class="toolbar">
                <SearchInput label="Search users" placeholder="Search by name, email, username or ID" value=q/>
            </div>
            <PagedTable list=users columns=&["User", "Username", "Last sign-in", "Created"] row=user_row
                empty_title="No users"
                empty_text=move || if q.get().is_empty() {
                    "Create a user, or let people sign up on the sign-in page."
                } else {
                    "No user matches this search."
                }
                on_page=Callback::new(move |p| page.set(p))/>
        </div>
        <CreateUserDialog open=open/>
    }
}

fn user_row(user: User) -> impl IntoView {
    let href = format!("/console/users/{}/details", user.id);
    view! {
        <tr>
            <td>
                <a class="row-link" href=href>{user.display_name()}</a>
                <div class="muted">{user.primary_email.clone()}</div>
            </td>
            <td>{user.username.clone().unwrap_or_else(|| "—".into())}</td>
            <td>{user.last_sign_in_at.map_or("Never".to_string(), format_date)}</td>
            <td>{format_date(user.created_at)}</td>
        </tr>
    }
}

#[component]
fn CreateUserDialog(open: RwSignal<bool>) -> impl IntoView {
    let form = RwSignal::new(NewUser::default());
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new(move |f: &NewUser| create_user(f.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        create,
        move |user| {
            toasts.show("User created.");
            navigate(
                &format!("/console/users/{}/details", user.id),
                Default::default(),
            )
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get();
        if f.username.trim().is_empty() && f.primary_email.trim().is_empty() {
            error.set(Some(AppError::field(
                "username",
                "Enter a username or an email address.",
            )));
            return;
        }
        error.set(None);
        create.dispatch(f);
    };
    view! {
        <Dialog title="Create user" open=open>
            <form class="form" on:submit=submit novalidate>
                <label for="user-username">"Username"</label>
                <input id="user-username" name="username" autofocus autocomplete="off"
                    prop:value=move || form.get().username
                    on:input=move |ev| form.update(|f| f.username = event_target_value(&ev))/>
                <FieldError error=error field="username"/>
                <label for="user-email">"Email"</label>
                <input id="user-email" name="primary_email" type="email" autocomplete="off"
                    prop:value=move || form.get().primary_email
                    on:input=move |ev| form.update(|f| f.primary_email = event_target_value(&ev))/>
                <FieldError error=error field="primary_email"/>
                <label for="user-name">"Name"</label>
                <input id="user-name" name="name" autocomplete="off"
                    prop:value=move || form.get().name
                    on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
                <FieldError error=error field="name"/>
                <label for="user-password">"Password"</label>
                <input id="user-password" name="password" type="password" autocomplete="new-password"
                    prop:value=move || form.get().password
                    on:input=move |ev| form.update(|f| f.password = event_target_value(&ev))/>
                <p class="help">"Optional. Without one, the user signs in another way (email code, SSO)."</p>
                <FieldError error=error field="password"/>
                <FormError error=error fields=&["username", "primary_email", "name", "password"]/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || create.pending().get()>"Create user"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
pub fn UserDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tab = move || params.read().get("tab").unwrap_or_else(|| "details".into());
    let user = Resource::new(id, get_user);
    // The Organizations and Roles tabs load their own data outside the user's Suspend (see the
    // organization page for why); for an unknown user their lists show nothing (`LoadError`
    // says it once).
    view! {
        <p class="breadcrumb"><a href="/console/users">"← Users"</a></p>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserView user=user/> }.into_any(),
                    Err(e) => view! {
                        <Title text="User"/>
                        <LoadError error=e what="User" back_href="/console/users" back_label="Back to users"
                            on_retry=Callback::new(move |_| user.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
        {move || (tab() == "organizations").then(|| view! { <UserOrganizations id=id()/> })}
        {move || (tab() == "roles").then(|| view! { <UserRolesTab id=id()/> })}
        {move || (tab() == "mfa").then(|| view! { <UserMfaTab id=id()/> })}
    }
}

#[component]
fn UserView(user: User) -> impl IntoView {
    let params = use_params_map();
    let tab = move || params.read().get("tab").unwrap_or_else(|| "details".into());
    let current = move |t: &'static str| (tab() == t).then_some("page");
    let base = format!("/console/users/{}", user.id);
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = Action::new(move |id: &String| delete_user(id.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("User deleted.");
            navigate("/console/users", Default::default());
        },
        move |e| error.set(Some(e.to_string())),
    );
    let id = user.id.clone();
    let created = user.created_at;
    // What the header shows follows saves on the tabs.
    let shown = RwSignal::new(user.clone());
    let on_saved = Callback::new(move |u: User| shown.set(u));
    let name = move || shown.with(User::display_name);
    view! {
        <Title text=name/>
        <div class="card header-card">
            <div>
                <h1 data-testid="user-title">{name}</h1>
                <p class="muted">
                    {move || shown.get().is_suspended.then(|| view! { <span class="badge danger-badge">"Suspended"</span> " · " })}
                    "ID " <CopyButton value=user.id.clone() label="user ID"/>
                    " · Created " {format_date(created)}
                </p>
            </div>
            <button type="button" class="btn danger" on:click=move |_| confirm.set(true)>"Delete user"</button>
        </div>
        <nav class="tabs" aria-label="User sections">
            <a href=format!("{base}/details") aria-current=move || current("details")>"Details"</a>
            <a href=format!("{base}/roles") aria-current=move || current("roles")>"Roles"</a>
            <a href=format!("{base}/organizations") aria-current=move || current("organizations")>"Organizations"</a>
            <a href=format!("{base}/mfa") aria-current=move || current("mfa")>"MFA"</a>
            <a href=format!("{base}/custom-data") aria-current=move || current("custom-data")>"Custom data"</a>
        </nav>
        {
            let user = user.clone();
            move || match tab().as_str() {
                "details" => view! {
                    <UserProfileTab user=user.clone() on_saved=on_saved/>
                    <UserAccountActions user=user.clone() on_saved=on_saved/>
                    <UserFacts user=user.clone()/>
                }.into_any(),
                "custom-data" => view! { <UserCustomDataTab user=user.clone() on_saved=on_saved/> }.into_any(),
                _ => ().into_any(),
            }
        }
        <ConfirmDialog title="Delete user" open=confirm confirm_label="Delete user"
            pending=delete.pending() error=error
            on_confirm=Callback::new(move |_| { delete.dispatch(id.clone()); })>
            <p>
                "Delete user " <strong>{name}</strong>
                "? They can no longer sign in, and leave every organization with their roles. This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}

/// What the admin reads but does not edit.
#[component]
fn UserFacts(user: User) -> impl IntoView {
    view! {
        <div class="card settings">
            <h2>"Activity"</h2>
            <dl class="credentials">
                <dt>"Last sign-in"</dt><dd>{user.last_sign_in_at.map_or("Never".to_string(), format_date)}</dd>
                <dt>"Updated"</dt><dd>{format_date(user.updated_at)}</dd>
            </dl>
        </div>
    }
}

#[component]
fn UserOrganizations(id: String) -> impl IntoView {
    let orgs = Resource::new(move || id.clone(), user_organizations);
    view! {
        <div class="card">
            <ListTable list=orgs columns=&["Organization", "Organization roles"]
                row=|o: OrganizationWithRoles| {
                    let href = format!("/console/organizations/{}/members", o.organization.id);
                    let roles = o.organization_roles.into_iter().map(|r| r.name).collect::<Vec<_>>();
                    view! {
                        <tr>
                            <td><a class="row-link" href=href>{o.organization.name}</a></td>
                            <td><Chips items=roles empty="No roles"/></td>
                        </tr>
                    }
                }
                empty_title="Not in any organization"
                empty_text="Add this user from an organization's Members tab."/>
        </div>
    }
}
