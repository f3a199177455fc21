//! The console frame: sidebar navigation, top bar with the admin and sign-out, the page, and
//! the toasts. On a phone the navigation folds behind a menu button once the page is
//! interactive (without JavaScript it stays open above the page).

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_location;

use crate::api::session::{SignOut, get_console_status};
use crate::components::{ToastRegion, provide_toasts};

const NOSCRIPT_NOTE: &str = "<p class=\"warning noscript-note\">JavaScript is off: every page \
     can be read, but changes need JavaScript.</p>";

#[component]
pub fn ConsoleLayout() -> impl IntoView {
    let status = Resource::new(|| (), |_| get_console_status());
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if sign_out.value().get().is_some() {
            crate::components::browser::go_to("/console/sign-in");
        }
    });
    let location = use_location();
    let current = move |prefix: &'static str| location.pathname.get().starts_with(prefix);
    let toasts = provide_toasts();
    let menu_open = RwSignal::new(false);
    // A link followed closes the menu.
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| menu_open.set(false),
        false,
    );
    view! {
        <div class="shell">
            <aside class="sidebar" class:open=move || menu_open.get()>
                <div class="sidebar-head">
                    <div class="brand">"Tessera"</div>
                    <button type="button" class="btn menu-button" aria-controls="console-nav"
                        aria-expanded=move || menu_open.get().to_string()
                        on:click=move |_| menu_open.update(|o| *o = !*o)>
                        "Menu"
                    </button>
                </div>
                <nav id="console-nav" aria-label="Console">
                    <p class="nav-group">"Organizations"</p>
                    <A href="/console/organizations" attr:class="nav-link" attr:aria-current=move || current("/console/organizations").then_some("page")>
                        "Organizations"
                    </A>
                    <A href="/console/organization-template/roles" attr:class="nav-link" attr:aria-current=move || current("/console/organization-template").then_some("page")>
                        "Organization template"
                    </A>
                    <p class="nav-group">"Users"</p>
                    <A href="/console/users" attr:class="nav-link" attr:aria-current=move || current("/console/users").then_some("page")>
                        "Users"
                    </A>
                    <p class="nav-group">"Applications"</p>
                    <A href="/console/applications" attr:class="nav-link" attr:aria-current=move || current("/console/applications").then_some("page")>
                        "Applications"
                    </A>
                    <A href="/console/api-resources" attr:class="nav-link" attr:aria-current=move || current("/console/api-resources").then_some("page")>
                        "API resources"
                    </A>
                    <p class="nav-group">"Sign-in experience"</p>
                    <A href="/console/sign-in-experience/sign-up-and-sign-in" attr:class="nav-link" attr:aria-current=move || current("/console/sign-in-experience/sign-up-and-sign-in").then_some("page")>
                        "Sign-up and sign-in"
                    </A>
                    <A href="/console/sign-in-experience/mfa" attr:class="nav-link" attr:aria-current=move || current("/console/sign-in-experience/mfa").then_some("page")>
                        "Multi-factor auth"
                    </A>
                </nav>
            </aside>
            <div class="main">
                <header class="topbar">
                    <span></span>
                    <div class="account">
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                let name = status.await.ok().and_then(|s| s.admin).map(|a| a.username);
                                view! { <span class="admin-name" data-testid="admin-name">{name}</span> }
                            })}
                        </Transition>
                        <ActionForm action=sign_out>
                            <button type="submit" class="btn">"Sign out"</button>
                        </ActionForm>
                    </div>
                </header>
                <main class="content">
                    // Set as inner HTML: with scripts on, a <noscript>'s content is text, which
                    // hydration must not walk into.
                    <noscript inner_html=NOSCRIPT_NOTE></noscript>
                    <Outlet/>
                </main>
            </div>
            <ToastRegion toasts=toasts/>
        </div>
    }
}
