//! The sticky bar a settings form shows while it holds unsaved changes; while it shows,
//! leaving the page asks first ([`super::LeaveGuard`]).

use leptos::prelude::*;

/// Shown while `dirty`; "Discard" runs `on_discard`, the submit button submits the enclosing
/// form and reads "Saving…" while `pending`.
#[component]
pub fn SaveBar(
    #[prop(into)] dirty: Signal<bool>,
    #[prop(into)] pending: Signal<bool>,
    on_discard: Callback<()>,
    #[prop(default = "You have unsaved changes.")] message: &'static str,
    #[prop(default = "Save changes")] label: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || dirty.get()>
            <super::LeaveGuard/>
            <div class="save-bar">
                <span>{message}</span>
                <button type="button" class="btn" on:click=move |_| on_discard.run(())>"Discard"</button>
                <button type="submit" class="btn primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Saving…" } else { label }}
                </button>
            </div>
        </Show>
    }
}
