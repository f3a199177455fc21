//! Hands the console's backend to each server function through Leptos' context: one
//! [`ConsoleService`] behind every port of `app::ports`.

use std::sync::Arc;

use app::ports::TemplatePort;
use app::ports::{ApplicationSecretsPort, UserAccountPort};
use app::ports::{ApplicationsPort, ConsoleBackend, ResourcesPort, UsersPort};
use app::ports::{InvitationsPort, JitPort, MembersPort, MfaPort, SignInSettingsPort};
use leptos::prelude::provide_context;

use super::service::ConsoleService;

/// Provides every port for the current request.
pub fn provide_ports(service: &Arc<ConsoleService>) {
    provide_context::<Arc<dyn ConsoleBackend>>(service.clone());
    provide_context::<Arc<dyn ResourcesPort>>(service.clone());
    provide_context::<Arc<dyn UsersPort>>(service.clone());
    provide_context::<Arc<dyn ApplicationsPort>>(service.clone());
    provide_context::<Arc<dyn TemplatePort>>(service.clone());
    provide_context::<Arc<dyn MembersPort>>(service.clone());
    provide_context::<Arc<dyn JitPort>>(service.clone());
    provide_context::<Arc<dyn UserAccountPort>>(service.clone());
    provide_context::<Arc<dyn ApplicationSecretsPort>>(service.clone());
    provide_context::<Arc<dyn MfaPort>>(service.clone());
    provide_context::<Arc<dyn InvitationsPort>>(service.clone());
    provide_context::<Arc<dyn SignInSettingsPort>>(service.clone());
}
