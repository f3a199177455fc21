//! The hosted pages' email journeys (next-features §2, §5.2): registration with an emailed
//! code (`register.rs`), sign-in with an emailed code (`code_sign_in.rs`), a forgotten password
//! (`reset.rs`) and magic links (`magic_link.rs`). Each is a form post answered with a redirect
//! (post/redirect/get); what waits on a code is kept on the interaction (`journey.rs`), never
//! in the page.

mod code_sign_in;
mod journey;
mod magic_link;
mod register;
mod reset;

pub use code_sign_in::{sign_in_code, sign_in_verify};
pub use journey::{Journey, resend};
pub use magic_link::one_time_token;
pub use register::{register, register_verify};
pub use reset::{forgot_password, forgot_password_verify, reset_password};
