//! A user's Roles tab: the global (User) roles it holds, which carry API permissions into its
//! access tokens; assign more with a searchable picker, remove one with a confirmation.

use leptos::prelude::*;

use crate::api::user_account::{
    assign_user_roles, assignable_user_roles, remove_user_role, user_roles,
};
use crate::components::{
    CheckList, Choice, ConfirmRemoval, Dialog, FormError, ListTable, TableSkeleton, use_toasts,
    when_done,
};
use crate::error::AppError;
use crate::model::Role;

#[component]
pub fn UserRolesTab(id: String) -> impl IntoView {
    let user = StoredValue::new(id);
    let roles = Resource::new(|| (), move |_| user_roles(user.get_value()));
    let assigning = RwSignal::new(false);
    let removing = RwSignal::new(None::<Role>);
    let reload = Callback::new(move |_| roles.refetch());
    view! {
        <div class="card">
            <div class="section-head">
                <div>
                    <h2>"Roles"</h2>
                    <p class="muted">"Global roles give the user API permissions in every access token, outside any organization."</p>
                </div>
                <button type="button" class="btn primary" on:click=move |_| assigning.set(true)>"Assign roles"</button>
            </div>
            <ListTable list=roles columns=&["Role", "Description"] actions=true
                row=move |role: Role| {
                    let label = format!("Remove role {}", role.name);
                    let held = role.clone();
                    view! {
                        <tr>
                            <td><strong>{role.name}</strong></td>
                            <td class="muted">{role.description}</td>
                            <td class="actions">
                                <button type="button" class="btn small danger" aria-label=label
                                    on:click=move |_| removing.set(Some(held.clone()))>"Remove"</button>
                            </td>
                        </tr>
                    }
                }
                empty_title="No roles"
                empty_text="Assign User roles to give this user API permissions."/>
        </div>
        <Show when=move || assigning.get()>
            <AssignRoles user=user.get_value() open=assigning reload=reload/>
        </Show>
        {move || removing.get().map(|role| view! {
            <RemoveRole user=user.get_value() role=role removing=removing reload=reload/>
        })}
    }
}

#[component]
fn AssignRoles(user: String, open: RwSignal<bool>, reload: Callback<()>) -> impl IntoView {
    let id = StoredValue::new(user);
    let choices = Resource::new(
        || (),
        move |_| assignable_user_roles(id.get_value(), String::new()),
    );
    let picked = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let assign =
        Action::new(move |ids: &Vec<String>| assign_user_roles(id.get_value(), ids.clone()));
    when_done(
        assign,
        move |()| {
            let n = picked.get_untracked().len();
            toasts.show(if n == 1 {
                "Role assigned.".to_string()
            } else {
                format!("{n} roles assigned.")
            });
            open.set(false);
            reload.run(());
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if picked.get().is_empty() {
            error.set(Some(AppError::field(
                "role_ids",
                "Choose at least one role.",
            )));
            return;
        }
        error.set(None);
        assign.dispatch(picked.get());
    };
    view! {
        <Dialog title="Assign roles" open=open>
            <form class="form" on:submit=submit novalidate>
                <Transition fallback=|| view! { <TableSkeleton/> }>
                    {move || Suspend::new(async move {
                        match choices.await {
                            Ok(roles) => {
                                let choices = roles.into_iter()
                                    .map(|r| Choice::role(r.id, r.name, &r.role_type, Some(r.description)))
                                    .collect::<Vec<_>>();
                                view! { <CheckList label="Roles" choices=choices selected=picked
                                    empty="No User roles left to assign; create roles through the Management API (POST /api/roles)."/> }.into_any()
                            }
                            Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                        }
                    })}
                </Transition>
                <FormError error=error/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || assign.pending().get()>"Assign"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn RemoveRole(
    user: String,
    role: Role,
    removing: RwSignal<Option<Role>>,
    reload: Callback<()>,
) -> impl IntoView {
    let role_id = role.id.clone();
    view! {
        <ConfirmRemoval item=removing title="Remove role" confirm_label="Remove role"
            done="Role removed." reload=reload
            remove=move || remove_user_role(user.clone(), role_id.clone())>
            <p>
                "Remove the role " <strong>{role.name.clone()}</strong>
                " from this user? Its API permissions leave the user's next access tokens."
            </p>
        </ConfirmRemoval>
    }
}
