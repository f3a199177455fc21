use leptos::prelude::*;

/// A modal dialog: Escape or the backdrop closes it; the primary action sits on the right.
#[component]
pub fn Dialog(
    #[prop(into)] title: String,
    open: RwSignal<bool>,
    children: ChildrenFn,
) -> impl IntoView {
    let title_id = format!("dialog-{}", title.to_lowercase().replace(' ', "-"));
    view! {
        <Show when=move || open.get()>
            <div class="backdrop" on:click=move |_| open.set(false)></div>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby=title_id.clone()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <h2 id=title_id.clone()>{title.clone()}</h2>
                {children()}
            </div>
        </Show>
    }
}
