use leptos::prelude::*;

use crate::error::AppError;

/// The server's (or the form's own) message about `field`, under that field.
#[component]
pub fn FieldError(error: RwSignal<Option<AppError>>, field: &'static str) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.for_field(field));
    view! {
        <Show when=move || message().is_some()>
            <p class="field-error" role="alert">{message}</p>
        </Show>
    }
}

/// An error not shown under one of the form's `fields`.
#[component]
pub fn FormError(
    error: RwSignal<Option<AppError>>,
    #[prop(default = &[])] fields: &'static [&'static str],
) -> impl IntoView {
    let message = move || {
        error
            .get()
            .filter(|e| fields.iter().all(|f| e.for_field(f).is_none()))
            .map(|e| e.to_string())
    };
    view! {
        <Show when=move || message().is_some()>
            <p class="form-error" role="alert">{message}</p>
        </Show>
    }
}
