//! An organization's Invitations tab: invite several addresses at once with roles and an
//! expiry (each mailed a link to the hosted invitation page), and the list with status,
//! roles, inviter and expiry — resend or revoke a pending one.

use leptos::prelude::*;

use crate::api::invitations::{
    invite_to_organization, organization_invitations, resend_invitation, revoke_invitation,
};
use crate::api::organization_template::organization_roles_of_type;
use crate::components::browser::format_date;
use crate::components::{
    CheckList, Choice, ErrorState, FieldError, FormError, TableSkeleton, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{ConsoleInvitation, InviteForm};

#[component]
pub fn InvitationsTab(org_id: String) -> impl IntoView {
    let org = StoredValue::new(org_id);
    // One resource for the tab (see `JitSection`: nested resources do not hydrate).
    let data = Resource::new(
        || (),
        move |_| async move {
            let list = organization_invitations(org.get_value()).await?;
            let roles = organization_roles_of_type("User".into()).await?;
            Ok::<_, AppError>((list, roles))
        },
    );
    let reload = Callback::new(move |_: ()| data.refetch());
    view! {
        <section class="card settings" aria-labelledby="invite-title">
            <h2 id="invite-title">"Invite people"</h2>
            <p class="muted">"Each address gets an email with a link to join this organization with the roles chosen; the link works once."</p>
            <Transition fallback=|| view! { <TableSkeleton/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::NotFound(_)) => ().into_any(),
                        Err(e) => view! {
                            <ErrorState message=e.to_string() on_retry=Callback::new(move |_| data.refetch())/>
                        }.into_any(),
                        Ok((list, roles)) => {
                            let choices = roles.into_iter()
                                .map(|r| Choice::role(r.role.id, r.role.name, &r.role.role_type, r.role.description))
                                .collect();
                            view! {
                                <InviteFormView org=org.get_value() choices=choices reload=reload/>
                                <h2 class="section-title">"Invitations"</h2>
                                <InvitationTable list=list reload=reload/>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn InviteFormView(org: String, choices: Vec<Choice>, reload: Callback<()>) -> impl IntoView {
    let emails = RwSignal::new(String::new());
    let roles = RwSignal::new(Vec::<String>::new());
    let days = RwSignal::new(7u32);
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let send = Action::new(move |f: &InviteForm| invite_to_organization(org.clone(), f.clone()));
    when_done(
        send,
        move |n: usize| {
            emails.set(String::new());
            roles.set(Vec::new());
            error.set(None);
            toasts.show(if n == 1 {
                "Invitation sent.".to_string()
            } else {
                format!("{n} invitations sent.")
            });
            reload.run(());
        },
        // No reload on a refusal: it would rebuild the form and lose what it says (addresses
        // before a refused one are invited; the list shows them at the next change).
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send.dispatch(InviteForm {
            emails: emails.get(),
            role_ids: roles.get(),
            days: days.get(),
        });
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <label for="emails">"Email addresses"</label>
            <textarea id="emails" name="emails" rows="3" placeholder="pat@example.com, sam@example.com"
                prop:value=move || emails.get() on:input=move |ev| emails.set(event_target_value(&ev))></textarea>
            <p class="help">"Separate addresses with commas, spaces or new lines."</p>
            <FieldError error=error field="emails"/>
            <h3 class="picker-title">"Organization roles"</h3>
            <CheckList label="Organization roles" choices=choices selected=roles
                empty="No User roles yet; create them in the organization template."/>
            <label for="days">"Valid for"</label>
            <select id="days" name="days" on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(7))>
                <option value="1">"1 day"</option>
                <option value="7" selected=true>"7 days"</option>
                <option value="14">"14 days"</option>
                <option value="30">"30 days"</option>
            </select>
            <FieldError error=error field="days"/>
            <FormError error=error fields=&["emails", "days"]/>
            <button type="submit" class="btn primary" disabled=move || send.pending().get()>"Send invitations"</button>
        </form>
    }
}

#[component]
fn InvitationTable(list: Vec<ConsoleInvitation>, reload: Callback<()>) -> impl IntoView {
    let toasts = use_toasts();
    let failed = RwSignal::new(None::<String>);
    let resend = Action::new(|id: &String| resend_invitation(id.clone()));
    let revoke = Action::new(|id: &String| revoke_invitation(id.clone()));
    when_done(
        resend,
        move |()| {
            failed.set(None);
            toasts.show("Invitation sent again.");
        },
        move |e| failed.set(Some(e.to_string())),
    );
    when_done(
        revoke,
        move |()| {
            failed.set(None);
            toasts.show("Invitation revoked.");
            reload.run(());
        },
        move |e| failed.set(Some(e.to_string())),
    );
    if list.is_empty() {
        return view! { <p class="muted">"No invitations yet."</p> }.into_any();
    }
    view! {
        <Show when=move || failed.get().is_some()>
            <p class="form-error" role="alert">{move || failed.get()}</p>
        </Show>
        <div class="table-scroll">
            <table class="table">
                <thead><tr>
                    <th scope="col">"Email"</th><th scope="col">"Status"</th><th scope="col">"Roles"</th>
                    <th scope="col">"Invited by"</th><th scope="col">"Expires"</th><th scope="col"><span class="sr-only">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|i| {
                        let pending = i.status == "Pending";
                        let (a, b) = (i.id.clone(), i.id.clone());
                        let who = i.invitee.clone();
                        view! {
                            <tr>
                                <td>{i.invitee.clone()}</td>
                                <td><span class=format!("badge status-{}", i.status.to_lowercase())>{i.status.clone()}</span></td>
                                <td>{if i.roles.is_empty() { "—".to_string() } else { i.roles.join(", ") }}</td>
                                <td>{i.inviter.clone().unwrap_or_else(|| "—".into())}</td>
                                <td>{format_date(i.expires_at)}</td>
                                <td class="row-actions">
                                    {pending.then(|| view! {
                                        <button type="button" class="btn small" aria-label=format!("Resend invitation to {who}")
                                            on:click=move |_| { resend.dispatch(a.clone()); }>"Resend"</button>
                                        <button type="button" class="btn small danger" aria-label=format!("Revoke invitation to {who}")
                                            on:click=move |_| { revoke.dispatch(b.clone()); }>"Revoke"</button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
