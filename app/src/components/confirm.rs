use leptos::prelude::*;

use super::Dialog;
use crate::error::AppError;

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

/// The confirmation of removing the item held in `item` (a row's Remove button fills it): runs
/// `remove`, then says `done` in a toast, closes and runs `reload`; a failure stays in the
/// dialog. The children say what will be lost.
#[component]
pub fn ConfirmRemoval<T, F, Fut>(
    item: RwSignal<Option<T>>,
    #[prop(into)] title: String,
    #[prop(into)] confirm_label: String,
    done: &'static str,
    remove: F,
    reload: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), AppError>> + Send + 'static,
{
    let open = super::open_for(item);
    let error = RwSignal::new(None::<String>);
    let toasts = super::use_toasts();
    let action = Action::new(move |_: &()| remove());
    super::when_done(
        action,
        move |()| {
            toasts.show(done);
            open.set(false);
            reload.run(());
        },
        move |e| error.set(Some(e.to_string())),
    );
    view! {
        <ConfirmDialog title=title open=open confirm_label=confirm_label
            pending=action.pending() error=error
            on_confirm=Callback::new(move |_| { action.dispatch(()); })>
            {children()}
        </ConfirmDialog>
    }
}
