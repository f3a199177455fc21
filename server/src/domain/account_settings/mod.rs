//! How accounts are created and how users sign in: Logto's `signUp`, `signIn` and
//! `forgotPasswordMethods` (`packages/schemas/src/foundations/jsonb-types/sign-in-experience.ts`),
//! checked as Logto checks them (`checks.rs`), and what the hosted pages offer because of them.
//!
//! There is no SMS transport: settings that need one are refused as Logto refuses them without
//! an SMS connector. Email codes need the mailer (any transport but `disabled`).

mod checks;
mod settings;

pub use checks::{check_forgot_password, check_sign_in, check_sign_up};
pub use settings::{
    AccountSettings, ForgotPasswordMethod, Identifier, SecondaryIdentifier, SignIn, SignInMethod,
    SignUp, SignUpForm, SignUpIdentifier,
};
