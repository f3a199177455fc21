//! MFA at sign-in on the hosted pages (next-features.md §1): once the password is checked (or
//! an account created), the sign-in verifies a factor the user holds, suggests or requires
//! binding one, and asks to save backup codes, as Logto's decision table says
//! (`domain/mfa_gate.rs`). Plain form posts like the other hosted pages (post/redirect/get,
//! same-origin); only passkeys need JavaScript.

mod advance;
mod bind;
mod ceremony;
mod passkey;
mod step;
mod verify;

pub(crate) use advance::begin;
pub use bind::{backup_codes_file, bind_backup_codes, bind_totp, enable, skip};
pub use passkey::{bind_passkey, passkey_script, verify_passkey};
pub use step::{MfaStep, Page};
pub use verify::{verify_backup_code, verify_totp};
