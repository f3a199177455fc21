//! The console frame: sidebar navigation, top bar with the admin and sign-out, and the page.

use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_location;

use crate::api::session::{SignOut, get_console_status};

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
    view! {
        <div class="shell">
            <aside class="sidebar">
                <div class="brand">"Tessera"</div>
                <nav aria-label="Console">
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
                    <Outlet/>
                </main>
            </div>
        </div>
    }
}
