//! Every Management API operation: its path, handler and OpenAPI description (Logto's paths;
//! the second path parameter carries Logto's name, e.g. `{userId}`).

mod member_paths;
mod organization_paths;
mod resource_and_role_paths;
mod search_param;
mod template_paths;
mod user_and_application_paths;

use super::docs::ApiRoutes;

pub fn api() -> ApiRoutes {
    let api = organization_paths::organization_routes(ApiRoutes::new());
    let api = member_paths::member_routes(api);
    let api = template_paths::template_routes(api);
    let api = resource_and_role_paths::resource_and_role_routes(api);
    user_and_application_paths::user_and_application_routes(api)
}
