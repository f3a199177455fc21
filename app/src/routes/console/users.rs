//! Users: searchable list with "Create user", and a user's page with its details and an
//! Organizations tab.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::users::{create_user, delete_user, get_user, list_users, user_organizations};
use crate::components::browser::format_date;
use crate::components::{
    Chips, ConfirmDialog, CopyButton, Dialog, ErrorState, FieldError, FormError, ListTable,
    PagedTable, SearchInput, TableSkeleton, search_and_page, when_done,
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
    when_done(
        create,
        move |user| {
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
    // The Organizations tab loads its own data outside the user's Suspend (see the organization
    // page for why).
    view! {
        <p class="breadcrumb"><a href="/console/users">"← Users"</a></p>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserView user=user/> }.into_any(),
                    Err(e) => view! {
                        <Title text="User"/>
                        <ErrorState message=e.to_string() on_retry=Callback::new(move |_| user.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
        {move || (tab() == "organizations").then(|| view! { <UserOrganizations id=id()/> })}
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
    when_done(
        delete,
        move |()| navigate("/console/users", Default::default()),
        move |e| error.set(Some(e.to_string())),
    );
    let name = user.display_name();
    let id = user.id.clone();
    let details = user.clone();
    view! {
        <Title text=name.clone()/>
        <div class="card header-card">
            <div>
                <h1 data-testid="user-title">{name.clone()}</h1>
                <p class="muted">
                    "ID " <CopyButton value=user.id.clone() label="user ID"/>
                    " · Created " {format_date(user.created_at)}
                </p>
            </div>
            <button type="button" class="btn danger" on:click=move |_| confirm.set(true)>"Delete"</button>
        </div>
        <nav class="tabs" aria-label="User sections">
            <a href=format!("{base}/details") aria-current=move || current("details")>"Details"</a>
            <a href=format!("{base}/organizations") aria-current=move || current("organizations")>"Organizations"</a>
        </nav>
        {move || (tab() == "details").then(|| view! { <UserDetails user=details.clone()/> })}
        <ConfirmDialog title="Delete user" open=confirm confirm_label="Delete user"
            pending=delete.pending() error=error
            on_confirm=Callback::new(move |_| { delete.dispatch(id.clone()); })>
            <p>
                "Delete user " <strong>{name.clone()}</strong>
                "? They can no longer sign in, and leave every organization with their roles. This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}

#[component]
fn UserDetails(user: User) -> impl IntoView {
    let none = || "—".to_string();
    view! {
        <div class="card">
            <dl class="credentials">
                <dt>"Username"</dt><dd>{user.username.clone().unwrap_or_else(none)}</dd>
                <dt>"Email"</dt><dd>{user.primary_email.clone().unwrap_or_else(none)}</dd>
                <dt>"Phone"</dt><dd>{user.primary_phone.clone().unwrap_or_else(none)}</dd>
                <dt>"Name"</dt><dd>{user.name.clone().unwrap_or_else(none)}</dd>
                <dt>"Password"</dt><dd>{if user.has_password { "Set" } else { "Not set" }}</dd>
                <dt>"Last sign-in"</dt><dd>{user.last_sign_in_at.map_or("Never".to_string(), format_date)}</dd>
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
