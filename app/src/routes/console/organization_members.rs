//! An organization's Members and Machine-to-machine tabs: one table for either kind of member,
//! with "Add" (search candidates, pick roles for all of them), "Edit roles" and "Remove".

use leptos::prelude::*;

use crate::api::organization_members::{
    list_organization_applications, list_organization_users, remove_organization_member,
    set_organization_member_roles,
};
use crate::api::organization_template::organization_roles_of_type;
use crate::components::browser::format_date;
use crate::components::{
    CheckList, Chips, Choice, ConfirmDialog, Dialog, FormError, PagedTable, SearchInput,
    TableSkeleton, open_for, search_and_page, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{NamedRef, Paged};

mod add_members;

use add_members::AddMembers;

const PAGE_SIZE: u32 = 20;

/// Users (with User roles) or machine-to-machine apps (with machine-to-machine roles).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MemberKind {
    Users,
    Applications,
}

impl MemberKind {
    fn api(self) -> &'static str {
        match self {
            MemberKind::Users => "users",
            MemberKind::Applications => "applications",
        }
    }
    fn role_type(self) -> &'static str {
        match self {
            MemberKind::Users => "User",
            MemberKind::Applications => "MachineToMachine",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            MemberKind::Users => "member",
            MemberKind::Applications => "application",
        }
    }
}

/// A member as the table shows it, whatever its kind.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Member {
    id: String,
    title: String,
    subtitle: Option<String>,
    roles: Vec<NamedRef>,
    last_sign_in: Option<i64>,
}

async fn load_members(
    kind: MemberKind,
    org: String,
    q: String,
    page: u32,
) -> Result<Paged<Member>, AppError> {
    Ok(match kind {
        MemberKind::Users => {
            let p = list_organization_users(org, q, page, PAGE_SIZE).await?;
            Paged {
                items: p
                    .items
                    .into_iter()
                    .map(|m| Member {
                        title: m.user.display_name(),
                        subtitle: m.user.primary_email.clone().or(m.user.username.clone()),
                        id: m.user.id,
                        roles: m.organization_roles,
                        last_sign_in: m.user.last_sign_in_at,
                    })
                    .collect(),
                total: p.total,
                page: p.page,
                page_size: p.page_size,
            }
        }
        MemberKind::Applications => {
            let p = list_organization_applications(org, q, page, PAGE_SIZE).await?;
            Paged {
                items: p
                    .items
                    .into_iter()
                    .map(|m| Member {
                        id: m.application.id,
                        title: m.application.name,
                        subtitle: m.application.description,
                        roles: m.organization_roles,
                        last_sign_in: None,
                    })
                    .collect(),
                total: p.total,
                page: p.page,
                page_size: p.page_size,
            }
        }
    })
}

#[component]
pub fn MembersTab(org_id: String, kind: MemberKind) -> impl IntoView {
    let (q, page) = search_and_page();
    let org = StoredValue::new(org_id);
    let members = Resource::new(
        move || (q.get(), page.get()),
        move |(q, page)| load_members(kind, org.get_value(), q, page),
    );
    let roles = Resource::new(
        || (),
        move |_| organization_roles_of_type(kind.role_type().into()),
    );
    // Pending invitations, counted beside the members (people only).
    let pending = Resource::new(
        || (),
        move |_| async move {
            if kind != MemberKind::Users {
                return Ok(0);
            }
            let list = crate::api::invitations::organization_invitations(org.get_value()).await?;
            Ok::<_, crate::error::AppError>(list.iter().filter(|i| i.status == "Pending").count())
        },
    );
    let reload = Callback::new(move |_| members.refetch());
    let adding = RwSignal::new(false);
    let editing = RwSignal::new(None::<Member>);
    let removing = RwSignal::new(None::<Member>);
    let (heading, add_label, search_label) = match kind {
        MemberKind::Users => ("Members", "Add members", "Search members"),
        MemberKind::Applications => (
            "Machine-to-machine apps",
            "Add applications",
            "Search applications",
        ),
    };
    let columns: &[&str] = match kind {
        MemberKind::Users => &["User", "Organization roles", "Last sign-in"],
        MemberKind::Applications => &["Application", "Organization roles"],
    };
    view! {
        <div class="card">
            <div class="section-head">
                <h2>{heading}</h2>
                <button type="button" class="btn primary" on:click=move |_| adding.set(true)>{add_label}</button>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match pending.await {
                        Ok(n) if n > 0 => {
                            let href = format!("/console/organizations/{}/invitations", org.get_value());
                            let text = if n == 1 {
                                "1 pending invitation".to_string()
                            } else {
                                format!("{n} pending invitations")
                            };
                            view! { <p class="help"><a href=href>{text}</a></p> }.into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </Transition>
            <div class="toolbar">
                <SearchInput label=search_label placeholder="Search by name, email or ID" value=q/>
            </div>
            <PagedTable list=members columns=columns actions=true
                row=move |m: Member| {
                    let (edit, remove) = (m.clone(), m.clone());
                    let names = m.roles.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
                    let last = m.last_sign_in.map_or("Never".to_string(), format_date);
                    view! {
                        <tr>
                            <td>
                                <a class="row-link" href=match kind {
                                    MemberKind::Users => format!("/console/users/{}/details", m.id),
                                    MemberKind::Applications => format!("/console/applications/{}/settings", m.id),
                                }>{m.title.clone()}</a>
                                <div class="muted">{m.subtitle.clone()}</div>
                            </td>
                            <td><Chips items=names empty="No roles"/></td>
                            {(kind == MemberKind::Users).then(|| view! { <td>{last}</td> })}
                            <td class="actions">
                                <button type="button" class="btn small" aria-label=format!("Edit roles of {}", m.title)
                                    on:click=move |_| editing.set(Some(edit.clone()))>"Edit roles"</button>
                                " "
                                <button type="button" class="btn small danger" aria-label=format!("Remove {}", m.title)
                                    on:click=move |_| removing.set(Some(remove.clone()))>"Remove"</button>
                            </td>
                        </tr>
                    }
                }
                empty_title=format!("No {}s yet", kind.noun())
                empty_text=move || match (kind, q.get().is_empty()) {
                    (_, false) => "Nothing matches this search.",
                    (MemberKind::Users, true) => "Add users to this organization and give them roles.",
                    (MemberKind::Applications, true) => "Add machine-to-machine apps so they can get organization tokens.",
                }
                on_page=Callback::new(move |p| page.set(p))/>
        </div>
        {move || adding.get().then(|| view! { <AddMembers org=org.get_value() kind=kind open=adding roles=roles reload=reload/> })}
        {move || editing.get().map(|m| view! { <EditRoles org=org.get_value() kind=kind member=m editing=editing roles=roles reload=reload/> })}
        {move || removing.get().map(|m| view! { <RemoveMember org=org.get_value() kind=kind member=m removing=removing reload=reload/> })}
    }
}

type RolesResource = Resource<Result<Vec<crate::model::OrganizationRoleWithScopes>, AppError>>;

fn role_choices(roles: Vec<crate::model::OrganizationRoleWithScopes>) -> Vec<Choice> {
    roles
        .into_iter()
        .map(|r| {
            Choice::role(
                r.role.id,
                r.role.name,
                &r.role.role_type,
                r.role.description,
            )
        })
        .collect()
}

#[component]
fn EditRoles(
    org: String,
    kind: MemberKind,
    member: Member,
    editing: RwSignal<Option<Member>>,
    roles: RolesResource,
    reload: Callback<()>,
) -> impl IntoView {
    let open = open_for(editing);
    let current: Vec<String> = member.roles.iter().map(|r| r.id.clone()).collect();
    let picked = RwSignal::new(current);
    let error = RwSignal::new(None::<AppError>);
    let member_id = member.id.clone();
    let save = Action::new(move |ids: &Vec<String>| {
        set_organization_member_roles(
            org.clone(),
            kind.api().into(),
            member_id.clone(),
            ids.clone(),
        )
    });
    let toasts = use_toasts();
    when_done(
        save,
        move |()| {
            toasts.show("Roles saved.");
            open.set(false);
            reload.run(());
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        save.dispatch(picked.get());
    };
    view! {
        <Dialog title=format!("Edit roles of {}", member.title) open=open>
            <form class="form" on:submit=submit novalidate>
                <Transition fallback=|| view! { <TableSkeleton/> }>
                    {move || Suspend::new(async move {
                        let choices = role_choices(roles.await.unwrap_or_default());
                        view! { <CheckList label="Organization roles" choices=choices selected=picked
                            empty="No roles of this type yet; create them in the organization template."/> }
                    })}
                </Transition>
                <FormError error=error/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || save.pending().get()>"Save roles"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn RemoveMember(
    org: String,
    kind: MemberKind,
    member: Member,
    removing: RwSignal<Option<Member>>,
    reload: Callback<()>,
) -> impl IntoView {
    let open = open_for(removing);
    let error = RwSignal::new(None::<String>);
    let member_id = member.id.clone();
    let remove = Action::new(move |_: &()| {
        remove_organization_member(org.clone(), kind.api().into(), member_id.clone())
    });
    let toasts = use_toasts();
    when_done(
        remove,
        move |()| {
            toasts.show("Removed from the organization.");
            open.set(false);
            reload.run(());
        },
        move |e| error.set(Some(e.to_string())),
    );
    let title = match kind {
        MemberKind::Users => "Remove member",
        MemberKind::Applications => "Remove application",
    };
    view! {
        <ConfirmDialog title=title open=open confirm_label=title
            pending=remove.pending() error=error
            on_confirm=Callback::new(move |_| { remove.dispatch(()); })>
            <p>
                "Remove " <strong>{member.title.clone()}</strong>
                {match kind {
                    MemberKind::Users => " from this organization? Their roles here are removed too, and their organization tokens stop working on their next refresh.",
                    MemberKind::Applications => " from this organization? Its roles here are removed too, and its organization tokens stop working on their next refresh.",
                }}
            </p>
        </ConfirmDialog>
    }
}
