//! Sign-in experience → Multi-factor authentication: the factors users may set up, when the
//! sign-in asks for them, and whether organizations requiring MFA make it ask their members —
//! each with its consequence in one line.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::mfa::{get_mfa_settings, save_mfa_settings};
use crate::components::{
    FieldError, FormError, LoadError, SaveBar, TableSkeleton, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{MFA_FACTORS, MFA_POLICIES, MfaSettingsForm};

#[component]
pub fn MfaSettingsPage() -> impl IntoView {
    let settings = Resource::new(|| (), |_| get_mfa_settings());
    view! {
        <Title text="Multi-factor authentication"/>
        <div class="page-header">
            <div>
                <h1>"Multi-factor authentication"</h1>
                <p class="muted">"A second step at sign-in, after the password, on the hosted sign-in pages."</p>
            </div>
        </div>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(s) => view! { <MfaForm initial=s/> }.into_any(),
                    Err(e) => view! {
                        <LoadError error=e what="Settings" back_href="/console/organizations" back_label="Back"
                            on_retry=Callback::new(move |_| settings.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MfaForm(initial: MfaSettingsForm) -> impl IntoView {
    let saved = RwSignal::new(initial.clone());
    let form = RwSignal::new(initial);
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let save = Action::new(|f: &MfaSettingsForm| save_mfa_settings(f.clone()));
    when_done(
        save,
        move |s: MfaSettingsForm| {
            saved.set(s.clone());
            form.set(s);
            error.set(None);
            toasts.show("MFA settings saved.");
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(form.get());
    };
    let toggle = move |factor: &'static str, on: bool| {
        form.update(|f| {
            f.factors.retain(|x| x != factor);
            if on {
                f.factors.push(factor.to_string());
            }
        })
    };
    let none_enabled = move || form.with(|f| f.factors.is_empty());
    view! {
        <form class="card form settings" on:submit=submit novalidate>
            <h2 id="factors-title">"Factors"</h2>
            <p class="help">"What users may set up as their second step."</p>
            <div role="group" aria-labelledby="factors-title" class="choice-list">
                {MFA_FACTORS.iter().map(|(value, label, hint)| {
                    let id = format!("factor-{value}");
                    view! {
                        <label class="choice">
                            <input type="checkbox" id=id name="factors" value=*value
                                prop:checked=move || form.with(|f| f.factors.iter().any(|x| x == value))
                                on:change=move |ev| toggle(value, event_target_checked(&ev))/>
                            <span><strong>{*label}</strong><span class="help">{*hint}</span></span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <FieldError error=error field="factors"/>
            <Show when=none_enabled>
                <p class="help warning" role="note">"With no factor enabled, nobody is asked for MFA at sign-in."</p>
            </Show>

            <h2 id="policy-title">"When to ask"</h2>
            <div role="radiogroup" aria-labelledby="policy-title" class="choice-list">
                {move || {
                    let current = form.with(|f| f.policy.clone());
                    let legacy = (current == "UserControlled").then(|| view! {
                        <label class="choice" for="policy-UserControlled">
                            <input type="radio" id="policy-UserControlled" name="policy" value="UserControlled" checked=true/>
                            <span><strong>"Let users choose (earlier setting)"</strong>
                                <span class="help">"Behaves as “Suggest at sign-in and sign-up”."</span></span>
                        </label>
                    });
                    view! {
                        {legacy}
                        {MFA_POLICIES.iter().map(|(value, label, hint)| {
                            let id = format!("policy-{value}");
                            view! {
                                <label class="choice">
                                    <input type="radio" id=id name="policy" value=*value
                                        prop:checked=move || form.with(|f| f.policy == *value)
                                        on:change=move |_| form.update(|f| f.policy = value.to_string())/>
                                    <span><strong>{*label}</strong><span class="help">{*hint}</span></span>
                                </label>
                            }
                        }).collect_view()}
                    }
                }}
            </div>
            <FieldError error=error field="policy"/>

            <h2>"Organizations that require MFA"</h2>
            <div class="switch-row">
                <label class="switch">
                    <input type="checkbox" role="switch" id="organization_mandatory" name="organization_mandatory"
                        prop:checked=move || form.get().organization_mandatory
                        on:change=move |ev| form.update(|f| f.organization_mandatory = event_target_checked(&ev))/>
                    <span class="slider" aria-hidden="true"></span>
                    <span>"Make members set up MFA at sign-in"</span>
                </label>
                <p class="help">
                    "Members of an organization with “Require MFA” on must set up a factor before their sign-in completes, whatever the policy above, and cannot skip. Off: they are refused that organization's tokens until they have one."
                </p>
            </div>
            <FormError error=error fields=&["factors", "policy"]/>
            <SaveBar dirty=Signal::derive(move || form.get() != saved.get()) pending=save.pending()
                on_discard=Callback::new(move |()| { form.set(saved.get()); error.set(None); })/>
        </form>
    }
}
