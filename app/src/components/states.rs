use leptos::prelude::*;

use crate::error::AppError;

/// Placeholder rows while a table loads, sized like the real rows to avoid layout shift.
#[component]
pub fn TableSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-label="Loading">
            {(0..5).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}

#[component]
pub fn EmptyState(#[prop(into)] title: String, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <div class="empty">
            <h3>{title}</h3>
            <p class="muted">{text}</p>
        </div>
    }
}

#[component]
pub fn ErrorState(#[prop(into)] message: String, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error-state" role="alert">
            <p>{message}</p>
            <button type="button" class="btn" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}

/// What a detail page shows when its entity cannot be loaded: one "not found" card (answered
/// with a 404 when rendered on the server) for an unknown id, else the error with Retry.
#[component]
pub fn LoadError(
    error: AppError,
    #[prop(into)] what: String,
    #[prop(into)] back_href: String,
    #[prop(into)] back_label: String,
    on_retry: Callback<()>,
) -> impl IntoView {
    match error {
        AppError::NotFound(_) => {
            #[cfg(feature = "ssr")]
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(leptos::server_fn::http_export::StatusCode::NOT_FOUND);
            }
            view! {
                <leptos_meta::Title text="Not found"/>
                <div class="card empty" data-testid="not-found">
                    <h1>{format!("{what} not found")}</h1>
                    <p class="muted">"It may have been deleted, or the address is wrong."</p>
                    <a class="btn primary" href=back_href>{back_label}</a>
                </div>
            }
            .into_any()
        }
        other => view! { <ErrorState message=other.to_string() on_retry=on_retry/> }.into_any(),
    }
}
