//! A user's MFA tab: the factors they set up (type, added, last used) and removing one — how
//! an admin helps a user who lost their phone or their codes (they set a new one up at their
//! next sign-in, when the policy asks).

use leptos::prelude::*;

use crate::api::mfa::{remove_user_mfa_factor, user_mfa_factors};
use crate::components::browser::format_date;
use crate::components::{ConfirmRemoval, ListTable};
use crate::model::UserFactor;

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "Totp" => "Authenticator app",
        "BackupCode" => "Backup codes",
        "WebAuthn" => "Passkey",
        _ => "Other",
    }
}

#[component]
pub fn UserMfaTab(id: String) -> impl IntoView {
    let user = StoredValue::new(id);
    let factors = Resource::new(|| (), move |_| user_mfa_factors(user.get_value()));
    let removing = RwSignal::new(None::<UserFactor>);
    let reload = Callback::new(move |_| factors.refetch());
    view! {
        <div class="card">
            <div class="section-head">
                <div>
                    <h2>"Multi-factor authentication"</h2>
                    <p class="muted">"The second factors this user set up. Remove one when they have lost it; they set up a new one at their next sign-in if the policy asks."</p>
                </div>
            </div>
            <ListTable list=factors columns=&["Factor", "Details", "Added", "Last used"] actions=true
                row=move |f: UserFactor| {
                    let label = format!("Remove {}", kind_label(&f.kind).to_lowercase());
                    let held = f.clone();
                    view! {
                        <tr>
                            <td><strong>{kind_label(&f.kind)}</strong></td>
                            <td>{f.detail.clone()}</td>
                            <td>{format_date(f.created_at)}</td>
                            <td>{f.last_used_at.map(format_date).unwrap_or_else(|| "—".into())}</td>
                            <td class="actions">
                                <button type="button" class="btn small danger" aria-label=label
                                    on:click=move |_| removing.set(Some(held.clone()))>"Remove"</button>
                            </td>
                        </tr>
                    }
                }
                empty_title="No factors"
                empty_text="This user signs in with a password only."/>
        </div>
        {move || removing.get().map(|factor| {
            let factor_id = factor.id.clone();
            view! {
                <ConfirmRemoval item=removing title="Remove factor" confirm_label="Remove factor"
                    done="Factor removed." reload=reload
                    remove=move || remove_user_mfa_factor(user.get_value(), factor_id.clone())>
                    <p>
                        "Remove this user's " <strong>{kind_label(&factor.kind).to_lowercase()}</strong>
                        "? They can no longer use it to sign in. If it was their only factor, organizations requiring MFA refuse them tokens until they set up a new one."
                    </p>
                </ConfirmRemoval>
            }
        })}
    }
}
