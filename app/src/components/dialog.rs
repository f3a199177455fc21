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

/// The `open` switch of a dialog shown for one item held in `slot`: it starts open, and closing
/// it empties `slot`, which unmounts the dialog.
pub fn open_for<T: Send + Sync + 'static>(slot: RwSignal<Option<T>>) -> RwSignal<bool> {
    let open = RwSignal::new(true);
    Effect::new(move |_| {
        if !open.get() {
            slot.set(None);
        }
    });
    open
}
