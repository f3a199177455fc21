//! After a write through the Management API, this replica forgets the machine-to-machine grants
//! it remembers, so the change applies to the very next token here (the rest of the story,
//! other replicas included: [`crate::caches`]).

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

pub async fn forget_grants_after_writes(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let reads_only = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let response = next.run(req).await;
    // After the handler: its transaction has committed (or rolled back) by now. Failed
    // writes forget too; that costs one read and needs no judgement of what failed where.
    if !reads_only {
        state.client_grants.forget_all();
    }
    response
}
