//! The "Add" dialog of a members tab: search candidates that are not members yet, pick several
//! and the roles they all get.

use std::collections::HashMap;

use leptos::prelude::*;

use super::{MemberKind, RolesResource, role_choices};
use crate::api::organization_members::{
    add_organization_members, applications_outside_organization, users_outside_organization,
};
use crate::components::{
    CheckList, Choice, Dialog, FormError, PickedChips, SearchInput, TableSkeleton, use_toasts,
    when_done,
};
use crate::error::AppError;

#[component]
pub(super) fn AddMembers(
    org: String,
    kind: MemberKind,
    open: RwSignal<bool>,
    roles: RolesResource,
    reload: Callback<()>,
) -> impl IntoView {
    let q = RwSignal::new(String::new());
    let org = StoredValue::new(org);
    let candidates = Resource::new(
        move || q.get(),
        move |q| load_candidates(kind, org.get_value(), q),
    );
    let picked = RwSignal::new(Vec::<String>::new());
    let picked_roles = RwSignal::new(Vec::<String>::new());
    // Names of everyone seen in results, so picks stay listed when the search changes.
    let seen = StoredValue::new(HashMap::<String, String>::new());
    let error = RwSignal::new(None::<AppError>);
    let add = Action::new(move |(ids, roles): &(Vec<String>, Vec<String>)| {
        add_organization_members(
            org.get_value(),
            kind.api().into(),
            ids.clone(),
            roles.clone(),
        )
    });
    let toasts = use_toasts();
    when_done(
        add,
        move |()| {
            toasts.show("Added to the organization.");
            open.set(false);
            reload.run(());
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if picked.get().is_empty() {
            error.set(Some(AppError::invalid(format!(
                "Pick at least one {} to add.",
                kind.noun()
            ))));
            return;
        }
        error.set(None);
        add.dispatch((picked.get(), picked_roles.get()));
    };
    let placeholder = match kind {
        MemberKind::Users => "Name, email or ID",
        MemberKind::Applications => "Name or ID",
    };
    let (title, search, roles_label) = match kind {
        MemberKind::Users => (
            "Add members",
            "Search users",
            "Organization roles for these members",
        ),
        MemberKind::Applications => (
            "Add applications",
            "Search applications",
            "Organization roles for these applications",
        ),
    };
    view! {
        <Dialog title=title open=open>
            <form class="form" on:submit=submit novalidate>
                <h3 class="picker-title">{search}</h3>
                <SearchInput label=search placeholder=placeholder value=q/>
                <Transition fallback=|| view! { <TableSkeleton/> }>
                    {move || Suspend::new(async move {
                        let found = candidates.await.unwrap_or_default();
                        seen.update_value(|s| for c in &found { s.insert(c.id.clone(), c.label.clone()); });
                        let empty = match kind {
                            MemberKind::Users => "No user outside this organization matches.",
                            MemberKind::Applications => "No machine-to-machine app outside this organization matches.",
                        };
                        view! { <CheckList label=search choices=found selected=picked empty=empty searched_elsewhere=true/> }
                    })}
                </Transition>
                // What is picked across searches, as chips (each removable).
                <div class="help" data-testid="picked">
                    {move || {
                        if picked.with(Vec::is_empty) {
                            return view! { <span>"Nothing selected yet."</span> }.into_any();
                        }
                        let label_of = move |id: &str| {
                            seen.with_value(|s| s.get(id).cloned().unwrap_or_else(|| id.to_string()))
                        };
                        view! { <PickedChips selected=picked label_of=label_of/> }.into_any()
                    }}
                </div>
                <h3 class="picker-title">{roles_label}</h3>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let choices = role_choices(roles.await.unwrap_or_default());
                        view! { <CheckList label=roles_label choices=choices selected=picked_roles
                            empty="No roles of this type yet; create them in the organization template."/> }
                    })}
                </Transition>
                <FormError error=error/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || add.pending().get()>{title}</button>
                </div>
            </form>
        </Dialog>
    }
}

async fn load_candidates(
    kind: MemberKind,
    org: String,
    q: String,
) -> Result<Vec<Choice>, AppError> {
    Ok(match kind {
        MemberKind::Users => users_outside_organization(org, q)
            .await?
            .items
            .into_iter()
            .map(|u| Choice {
                label: u.display_name(),
                hint: u.primary_email.clone().or(u.username.clone()),
                id: u.id,
            })
            .collect(),
        MemberKind::Applications => applications_outside_organization(org, q)
            .await?
            .items
            .into_iter()
            .map(|a| Choice {
                id: a.id,
                label: a.name,
                hint: a.description,
            })
            .collect(),
    })
}
