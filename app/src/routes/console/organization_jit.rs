//! The "Just-in-time provisioning" section of an organization's Settings: email domains whose
//! users join automatically, enterprise SSO connectors that provision, and the roles new members get.

use leptos::prelude::*;

use crate::api::organization_members::{
    add_jit_email_domain, all_sso_connectors, organization_jit, remove_jit_email_domain,
    set_jit_relation,
};
use crate::api::organization_template::organization_roles_of_type;
use crate::components::{
    CheckList, Choice, ErrorState, FieldError, FormError, SaveBar, TableSkeleton, use_toasts,
    when_done,
};
use crate::error::AppError;

#[component]
pub fn JitSection(org_id: String) -> impl IntoView {
    let org = StoredValue::new(org_id);
    // One resource for the section: resources created inside a resolved Suspend two levels
    // deep do not pick up their server-rendered values when hydrating.
    let settings = Resource::new(
        || (),
        move |_| async move {
            let jit = organization_jit(org.get_value()).await?;
            let connectors = all_sso_connectors().await?;
            let roles = organization_roles_of_type("User".into()).await?;
            Ok::<_, AppError>((jit, connectors, roles))
        },
    );
    view! {
        <section class="card settings" aria-labelledby="jit-title">
            <h2 id="jit-title">"Just-in-time provisioning"</h2>
            <p class="muted">
                "Users who sign up or sign in with a matching email domain or enterprise SSO connector join this organization automatically, with the default roles."
            </p>
            <Transition fallback=|| view! { <TableSkeleton/> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        // An unknown organization: the page's `LoadError` says so once.
                        Err(AppError::NotFound(_)) => ().into_any(),
                        Err(e) => view! {
                            <ErrorState message=e.to_string() on_retry=Callback::new(move |_| settings.refetch())/>
                        }.into_any(),
                        Ok((s, all_connectors, user_roles)) => {
                            let connector_choices = all_connectors.into_iter()
                                .map(|c| Choice { id: c.id, label: c.connector_name, hint: Some(c.provider_name) })
                                .collect();
                            let role_choices = user_roles.into_iter()
                                .map(|r| Choice::role(r.role.id, r.role.name, &r.role.role_type, r.role.description))
                                .collect();
                            view! {
                                <EmailDomains org=org.get_value() domains=s.email_domains
                                    reload=Callback::new(move |_| settings.refetch())/>
                                <DefaultsForm org=org.get_value()
                                    connectors=s.sso_connectors.into_iter().map(|c| c.id).collect()
                                    roles=s.roles.into_iter().map(|r| r.id).collect()
                                    connector_choices=connector_choices role_choices=role_choices/>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn EmailDomains(org: String, domains: Vec<String>, reload: Callback<()>) -> impl IntoView {
    let org = StoredValue::new(org);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let add = Action::new(move |d: &String| add_jit_email_domain(org.get_value(), d.clone()));
    let remove = Action::new(move |d: &String| remove_jit_email_domain(org.get_value(), d.clone()));
    let toasts = use_toasts();
    when_done(
        add,
        move |()| {
            toasts.show("Email domain added.");
            typed.set(String::new());
            reload.run(());
        },
        move |e| error.set(Some(e)),
    );
    when_done(
        remove,
        move |()| {
            toasts.show("Email domain removed.");
            reload.run(())
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let domain = typed.get();
        if domain.trim().is_empty() || !domain.contains('.') {
            error.set(Some(AppError::field(
                "email_domain",
                "Enter an email domain, such as example.com.",
            )));
            return;
        }
        error.set(None);
        add.dispatch(domain);
    };
    view! {
        <h3 class="picker-title">"Email domains"</h3>
        <div class="chips" data-testid="jit-domains">
            {if domains.is_empty() {
                view! { <span class="muted">"No email domains."</span> }.into_any()
            } else {
                domains.into_iter().map(|d| {
                    let label = format!("Remove {d}");
                    let value = d.clone();
                    view! {
                        <span class="chip">
                            {d}
                            <button type="button" class="chip-remove" aria-label=label
                                on:click=move |_| { remove.dispatch(value.clone()); }>"×"</button>
                        </span>
                    }
                }).collect_view().into_any()
            }}
        </div>
        <form class="inline-form" on:submit=submit novalidate>
            <input id="email_domain" aria-label="Email domain" placeholder="example.com"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <button type="submit" class="btn" disabled=move || add.pending().get()>"Add domain"</button>
        </form>
        <FieldError error=error field="email_domain"/>
        <FormError error=error fields=&["email_domain"]/>
    }
}

#[component]
fn DefaultsForm(
    org: String,
    connectors: Vec<String>,
    roles: Vec<String>,
    connector_choices: Vec<Choice>,
    role_choices: Vec<Choice>,
) -> impl IntoView {
    let saved = RwSignal::new((connectors.clone(), roles.clone()));
    let picked_connectors = RwSignal::new(connectors);
    let picked_roles = RwSignal::new(roles);
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let save = Action::new(move |(c, r): &(Vec<String>, Vec<String>)| {
        let (org, c, r) = (org.clone(), c.clone(), r.clone());
        async move {
            set_jit_relation(org.clone(), "sso-connectors".into(), c.clone()).await?;
            set_jit_relation(org, "roles".into(), r.clone()).await?;
            Ok::<_, AppError>((c, r))
        }
    });
    when_done(
        save,
        move |now| {
            saved.set(now);
            error.set(None);
            toasts.show("Provisioning saved.");
        },
        move |e| {
            error.set(Some(e));
        },
    );
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let dirty = move || {
        let (c, r) = saved.get();
        sorted(c) != sorted(picked_connectors.get()) || sorted(r) != sorted(picked_roles.get())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch((picked_connectors.get(), picked_roles.get()));
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <h3 class="picker-title">"Enterprise SSO connectors"</h3>
            <CheckList label="Enterprise SSO connectors" choices=connector_choices selected=picked_connectors
                empty="No enterprise SSO connectors exist yet."/>
            <h3 class="picker-title">"Default organization roles"</h3>
            <CheckList label="Default organization roles" choices=role_choices selected=picked_roles
                empty="No User roles yet; create them in the organization template."/>
            <p class="help">"Only User roles can be given on provisioning."</p>
            <FormError error=error/>
            <SaveBar dirty=Signal::derive(dirty) pending=save.pending()
                message="You have unsaved provisioning changes." label="Save provisioning"
                on_discard=Callback::new(move |()| {
                    let (c, r) = saved.get();
                    picked_connectors.set(c);
                    picked_roles.set(r);
                })/>
        </form>
    }
}
