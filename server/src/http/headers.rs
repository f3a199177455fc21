//! Security headers on every response (HTML pages also get a policy, see `csp`).

use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// Powerful browser features no page here needs are off; passkeys (WebAuthn) stay allowed for
/// this origin.
const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
     publickey-credentials-get=(self), publickey-credentials-create=(self)";

pub fn layers() -> [SetResponseHeaderLayer<HeaderValue>; 4] {
    [
        set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        set(header::X_FRAME_OPTIONS, "DENY"),
        set(header::REFERRER_POLICY, "same-origin"),
        set(
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
    ]
}

/// HSTS, only when clients reach the server over HTTPS: browsers ignore it on plain HTTP, and
/// promising HTTPS for a host served without it would lock users out.
pub fn strict_transport_security(public_url: &str) -> Option<SetResponseHeaderLayer<HeaderValue>> {
    public_url.starts_with("https://").then(|| {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        )
    })
}

fn set(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}
