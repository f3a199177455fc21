//! Built-in mail templates, one per Logto template type (text and HTML), with Logto's
//! placeholders (`{{code}}`, `{{link}}`, `{{application.name}}`, `{{organization.name}}`,
//! `{{inviter.name}}`), so Logto templates port over. Rendering follows Logto's
//! `replaceSendMessageHandlebars`: a placeholder whose first key the payload lacks stays as it
//! is, a missing deeper key becomes empty; unlike Logto, values are HTML-escaped in HTML bodies.

use serde::Serialize;
use serde_json::Value;

/// Logto's `TemplateType` (`packages/toolkit/connector-kit/src/types/passwordless.ts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TemplateType {
    SignIn,
    Register,
    ForgotPassword,
    OrganizationInvitation,
    Generic,
}

impl TemplateType {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            TemplateType::SignIn => (
                "Your sign-in code",
                "Your code to sign in to {{application.name}} is {{code}}. It expires in 10 minutes.",
            ),
            TemplateType::Register => (
                "Confirm your email",
                "Your code to create your account is {{code}}. It expires in 10 minutes.",
            ),
            TemplateType::ForgotPassword => (
                "Reset your password",
                "Your code to reset your password is {{code}}. It expires in 10 minutes. If you did not ask for it, ignore this message.",
            ),
            TemplateType::OrganizationInvitation => (
                "You are invited to {{organization.name}}",
                "{{inviter.name}} invites you to join {{organization.name}}: {{link}}",
            ),
            TemplateType::Generic => (
                "Your verification code",
                "Your verification code is {{code}}. It expires in 10 minutes.",
            ),
        }
    }
}

/// `(subject, text, html)` of a message of `kind` with `payload`.
pub fn render(kind: TemplateType, payload: &Value) -> (String, String, String) {
    let (subject, body) = kind.texts();
    let text = fill(body, payload, false);
    let html = format!(
        "<!doctype html><html><body style=\"font-family:sans-serif\"><p>{}</p></body></html>",
        fill(body, payload, true)
    );
    (fill(subject, payload, false), text, html)
}

fn fill(template: &str, payload: &Value, html: bool) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let placeholder = &rest[start..start + len + 2];
        let path = placeholder[2..placeholder.len() - 2].trim();
        let escaped = |s: &str| if html { escape(s) } else { s.to_string() };
        out.push_str(&escaped(&rest[..start]));
        let mut keys = path.split('.');
        let root = keys.next().and_then(|k| payload.get(k));
        match root {
            // Logto leaves a placeholder whose root is absent as it is.
            None => out.push_str(&escaped(placeholder)),
            Some(v) => {
                let value = keys.try_fold(v, |v, k| v.get(k));
                let text = match value {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                };
                out.push_str(&escaped(&text));
            }
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(&if html { escape(rest) } else { rest.to_string() });
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn placeholders_as_logto_and_escaped_in_html() {
        let payload = json!({ "code": "123456", "application": { "name": "<Acme & Co>" } });
        let (subject, text, html) = render(TemplateType::SignIn, &payload);
        assert_eq!(subject, "Your sign-in code");
        assert!(text.contains("sign in to <Acme & Co> is 123456"), "{text}");
        assert!(html.contains("&lt;Acme &amp; Co&gt;"), "{html}");
        let (subject, text, _) = render(
            TemplateType::OrganizationInvitation,
            &json!({ "organization": {} }),
        );
        assert_eq!(subject, "You are invited to ");
        assert!(
            text.starts_with("{{inviter.name}} invites you"),
            "absent roots stay: {text}"
        );
    }
}
