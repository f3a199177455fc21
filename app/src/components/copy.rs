use leptos::prelude::*;

/// A monospace value with a copy button that confirms the copy.
#[component]
pub fn CopyButton(
    #[prop(into)] value: String,
    #[prop(optional, into)] label: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let text = value.clone();
    let aria = if label.is_empty() {
        "Copy".to_string()
    } else {
        format!("Copy {label}")
    };
    view! {
        <span class="copyable">
            <code>{value}</code>
            <button
                type="button"
                class="btn-icon"
                aria-label=aria
                on:click=move |_| {
                    super::browser::copy_text(&text);
                    copied.set(true);
                }
            >
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </span>
    }
}
