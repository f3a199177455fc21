use leptos::html::Div;
use leptos::prelude::*;

use super::focus;

/// A modal dialog: Escape or the backdrop closes it; the primary action sits on the right.
/// Focus moves into it when it opens, Tab and Shift+Tab stay inside it, and focus returns to
/// what had it (the button that opened it) when it closes.
#[component]
pub fn Dialog(
    #[prop(into)] title: String,
    open: RwSignal<bool>,
    children: ChildrenFn,
) -> impl IntoView {
    let title_id = format!("dialog-{}", title.to_lowercase().replace(' ', "-"));
    let children = StoredValue::new(children);
    view! {
        <Show when=move || open.get()>
            <div class="backdrop" on:click=move |_| open.set(false)></div>
            <DialogPanel title=title.clone() title_id=title_id.clone() open=open>
                {children.with_value(|c| c())}
            </DialogPanel>
        </Show>
    }
}

/// The dialog box itself; mounted while the dialog is open.
#[component]
fn DialogPanel(
    title: String,
    title_id: String,
    open: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<Div>::new();
    let opener = focus::Opener::remember();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            focus::first_inside(&panel);
        }
    });
    on_cleanup(move || opener.restore());
    view! {
        <div
            class="dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby=title_id.clone()
            node_ref=panel
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                } else if ev.key() == "Tab"
                    && let Some(panel) = panel.get_untracked()
                    && focus::wrap(&panel, ev.shift_key())
                {
                    ev.prevent_default();
                }
            }
        >
            <h2 id=title_id.clone()>{title}</h2>
            {children()}
        </div>
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
