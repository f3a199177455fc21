//! Server functions, each under `/console/fn/<endpoint>` (never `/api`, which is the Management
//! API's). Bodies only hand over to the server's `ConsoleBackend`; most call the Management API
//! in-process through [`call`], so the console and API clients share every rule. List arguments
//! carry `#[server(default)]`: a form-encoded body leaves an empty list out altogether.

pub mod applications;
pub mod hosted;
pub mod organization_members;
pub mod organization_template;
pub mod organizations;
pub mod resources;
pub mod session;
pub mod users;

#[cfg(feature = "ssr")]
pub(crate) use backend::{call, call_page, done, path, refuse};

#[cfg(feature = "ssr")]
mod backend {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use crate::error::AppError;
    use crate::model::Paged;

    /// `/a/{seg}/b…`: each dynamic segment percent-encoded, so an id from the URL cannot
    /// change the route it is used in.
    pub fn path(parts: &[&str]) -> String {
        let mut out = String::new();
        for (i, part) in parts.iter().enumerate() {
            out.push('/');
            // Even positions are literal route words, odd ones are ids.
            if i % 2 == 0 {
                out.push_str(part);
            } else {
                out.push_str(&crate::components::browser::encode(part));
            }
        }
        out
    }

    /// Refuses input before calling anything, answering with the error's status (a server
    /// function's own `Err` would otherwise go out as 500).
    pub fn refuse<T>(error: AppError) -> Result<T, AppError> {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && let Ok(status) =
                leptos::server_fn::http_export::StatusCode::from_u16(error.status_code())
        {
            res.set_status(status);
        }
        Err(error)
    }

    /// Calls the Management API and decodes its JSON answer.
    pub async fn call<T: DeserializeOwned>(
        method: &'static str,
        path: String,
        body: Option<Value>,
    ) -> Result<T, AppError> {
        let reply =
            crate::ports::run(|b| async move { b.call_api(method, path, body).await }).await?;
        decode(reply.body)
    }

    /// Calls a state-changing route whose answer the console does not need.
    pub async fn done(
        method: &'static str,
        path: String,
        body: Option<Value>,
    ) -> Result<(), AppError> {
        crate::ports::run(|b| async move { b.call_api(method, path, body).await }).await?;
        Ok(())
    }

    /// One page of a paginated list route; `query` pairs are appended to `path`.
    pub async fn call_page<T: DeserializeOwned>(
        path: &str,
        query: &[(&str, &str)],
        page: u32,
        page_size: u32,
    ) -> Result<Paged<T>, AppError> {
        let page = page.max(1);
        let page_size = page_size.clamp(1, 100);
        let mut url = format!("{path}?page={page}&page_size={page_size}");
        for (key, value) in query.iter().filter(|(_, v)| !v.is_empty()) {
            url.push_str(&format!(
                "&{key}={}",
                crate::components::browser::encode(value)
            ));
        }
        let reply =
            crate::ports::run(|b| async move { b.call_api("GET", url, None).await }).await?;
        Ok(Paged {
            total: reply.total.unwrap_or_default(),
            items: decode(reply.body)?,
            page,
            page_size,
        })
    }

    fn decode<T: DeserializeOwned>(body: Value) -> Result<T, AppError> {
        serde_json::from_value(body).map_err(|e| AppError::Transport(e.to_string()))
    }
}
