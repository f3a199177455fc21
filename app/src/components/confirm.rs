use leptos::prelude::*;

use super::Dialog;

/// Asks before a destructive action; the children say what will be lost.
#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    open: RwSignal<bool>,
    #[prop(into)] confirm_label: String,
    on_confirm: Callback<()>,
    #[prop(into)] pending: Signal<bool>,
    error: RwSignal<Option<String>>,
    children: ChildrenFn,
) -> impl IntoView {
    let children = StoredValue::new(children);
    let confirm_label = StoredValue::new(confirm_label);
    view! {
        <Dialog title=title open=open>
            {children.with_value(|c| c())}
            <Show when=move || error.get().is_some()>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class="btn danger" disabled=move || pending.get()
                    on:click=move |_| on_confirm.run(())>
                    {confirm_label.get_value()}
                </button>
            </div>
        </Dialog>
    }
}
