//! A rendered message, as the transports send it and the outbox records it.

use serde::Serialize;
use serde_json::Value;

use super::templates::TemplateType;

/// One rendered message.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mail {
    pub id: String,
    pub created_at: i64,
    pub to: String,
    pub template_type: TemplateType,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The values the templates used (`code`, `link`, `organization`, …).
    pub payload: Value,
}
