use std::time::Duration;

use leptos::prelude::*;

/// A search box that updates `value` once typing pauses (each keystroke would be a request).
/// It sits in a `GET` form, so without JavaScript Enter reloads the list with `?q=`.
#[component]
pub fn SearchInput(
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
    value: RwSignal<String>,
) -> impl IntoView {
    let typed = RwSignal::new(value.get_untracked());
    let version = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        let mine = version.get_value() + 1;
        version.set_value(mine);
        set_timeout(
            // The box may be gone by then (a dialog closed): do nothing.
            move || {
                if version.try_get_value() == Some(mine) {
                    value.try_set(text);
                }
            },
            Duration::from_millis(250),
        );
    };
    view! {
        <form method="get" role="search" class="search-form"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                value.set(typed.get_untracked());
            }>
            <input type="search" name="q" class="search" placeholder=placeholder aria-label=label
                value=value.get_untracked() prop:value=move || typed.get() on:input=on_input/>
        </form>
    }
}
