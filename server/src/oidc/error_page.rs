//! The page shown when an authorization request cannot be sent back to its client (unknown
//! client, unregistered redirect URI): plain HTML, no script, the error escaped.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

pub fn render(error: &str, description: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Sign-in error · Tessera</title><link rel=\"stylesheet\" href=\"{}\">\
         </head><body><main class=\"hosted\"><section class=\"hosted-card\" role=\"alert\">\
         <h1>Something went wrong</h1><p class=\"hosted-error-code\">{}</p><p>{}</p>\
         <p class=\"muted\">Go back to the application and try again.</p></section></main>\
         </body></html>",
        crate::http::static_files::stylesheet_href(),
        escape(error),
        escape(description)
    );
    (
        StatusCode::BAD_REQUEST,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
