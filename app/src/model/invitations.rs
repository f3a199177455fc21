//! An organization's invitations in the console (wasm-safe).

use serde::{Deserialize, Serialize};

/// A row of the Invitations tab.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsoleInvitation {
    pub id: String,
    pub invitee: String,
    /// `Pending`, `Accepted`, `Expired` or `Revoked`.
    pub status: String,
    /// Role names.
    pub roles: Vec<String>,
    /// Who invited (name, username or email).
    pub inviter: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// The Invite form: addresses (separated by commas, spaces or new lines), roles, days valid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteForm {
    pub emails: String,
    /// An empty list is not sent by a form: absent means none.
    #[serde(default)]
    pub role_ids: Vec<String>,
    pub days: u32,
}
