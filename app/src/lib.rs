//! Tessera's console and hosted pages: Leptos components rendered on the server and hydrated in
//! the browser. Wasm-safe: no persistence code lives here (see `ports`).

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod error;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod routes;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

use routes::console::{
    ApplicationDetailPage, ApplicationsPage, ConsoleLayout, NotFound, OrganizationDetailPage,
    OrganizationRoleDetailPage, OrganizationTemplatePage, OrganizationsPage, ResourceDetailPage,
    ResourcesPage, SetupPage, SignInPage, UserDetailPage, UsersPage,
};

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.ico"/>
                // The stylesheet's name carries its content hash in built sites.
                <HashedStylesheet options=options.clone() id="tessera"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Tests wait for this attribute to know the page is interactive.
    Effect::new(|_| components::browser::mark_hydrated());
    view! {
        <Title formatter=|text: String| if text.is_empty() { "Tessera".to_string() } else { format!("{text} · Tessera") }/>
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                // Every page renders whole before sending: hosted pages must work with JavaScript
                // off, console pages must be readable without it, and out-of-order streaming
                // needs a script to put resolved content in place.
                <Route path=path!("/sign-in") view=routes::hosted::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/register") view=routes::hosted::RegisterPage ssr=SsrMode::Async/>
                <Route path=path!("/register/verify") view=routes::hosted::RegisterVerifyPage ssr=SsrMode::Async/>
                <Route path=path!("/sign-in/verify") view=routes::hosted::SignInVerifyPage ssr=SsrMode::Async/>
                <Route path=path!("/forgot-password") view=routes::hosted::ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/forgot-password/verify") view=routes::hosted::ForgotPasswordVerifyPage ssr=SsrMode::Async/>
                <Route path=path!("/reset-password") view=routes::hosted::ResetPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/one-time-token") view=routes::hosted::OneTimeTokenPage ssr=SsrMode::Async/>
                <Route path=path!("/invitation/:id") view=routes::hosted::InvitationPage ssr=SsrMode::Async/>
                <Route path=path!("/consent") view=routes::hosted::ConsentPage ssr=SsrMode::Async/>
                <Route path=path!("/mfa-verification") view=routes::hosted::MfaVerificationPage ssr=SsrMode::Async/>
                <Route path=path!("/mfa-verification/:factor") view=routes::hosted::MfaVerificationPage ssr=SsrMode::Async/>
                <Route path=path!("/mfa-binding") view=routes::hosted::MfaBindingPage ssr=SsrMode::Async/>
                <Route path=path!("/mfa-binding/:factor") view=routes::hosted::MfaBindingPage ssr=SsrMode::Async/>
                <Route path=path!("/mfa-onboarding") view=routes::hosted::MfaOnboardingPage ssr=SsrMode::Async/>
                <Route path=path!("/console/setup") view=SetupPage ssr=SsrMode::Async/>
                <Route path=path!("/console/sign-in") view=SignInPage ssr=SsrMode::Async/>
                <ParentRoute path=path!("/console") view=ConsoleLayout ssr=SsrMode::Async>
                    <Route path=path!("organizations") view=OrganizationsPage ssr=SsrMode::Async/>
                    <Route path=path!("organizations/:id") view=OrganizationDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("organizations/:id/:tab") view=OrganizationDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("organization-template") view=OrganizationTemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("organization-template/:tab") view=OrganizationTemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("organization-template/roles/:id/:tab") view=OrganizationRoleDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("users/:id") view=UserDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("users/:id/:tab") view=UserDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("api-resources") view=ResourcesPage ssr=SsrMode::Async/>
                    <Route path=path!("api-resources/:id/:tab") view=ResourceDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("applications") view=ApplicationsPage ssr=SsrMode::Async/>
                    <Route path=path!("applications/:id/:tab") view=ApplicationDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("sign-in-experience/mfa") view=routes::console::MfaSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("sign-in-experience/sign-up-and-sign-in") view=routes::console::SignInSettingsPage ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
