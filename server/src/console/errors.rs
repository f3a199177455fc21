//! Domain errors in the console's words.

use app::error::AppError;

use crate::domain::DomainError;

/// Maps a domain error; the first broken rule about a key (`branding.logoUrl`) becomes a
/// message on its form field (`logo_url`).
pub fn to_app(err: DomainError) -> AppError {
    match err {
        DomainError::Invalid(issues) => match issues.first() {
            Some(issue) => match issue.key() {
                Some(key) => AppError::field(&field_name(key), sentence(key, issue.message())),
                None => AppError::invalid(issue.message()),
            },
            None => AppError::invalid("The input is invalid."),
        },
        DomainError::InvalidCredentials => AppError::InvalidCredentials,
        DomainError::AlreadySetUp => AppError::AlreadySetUp,
        DomainError::UsernameTaken => {
            AppError::field("username", "This username is already in use.")
        }
        DomainError::EmailTaken => AppError::field(
            "primary_email",
            "This email is associated with an existing account.",
        ),
        DomainError::PhoneTaken => AppError::field(
            "primary_phone",
            "This phone number is associated with an existing account.",
        ),
        DomainError::Refused { code, message, .. } => refused(code, message),
        DomainError::RequireMembership => {
            AppError::invalid("Only members of the organization can hold its roles.")
        }
        DomainError::RoleNamesNotFound(names) => {
            AppError::invalid(format!("No such roles: {}.", names.join(", ")))
        }
        DomainError::Storage(crate::storage::StorageError::UniqueViolation) => {
            AppError::field("name", "This name is already in use.")
        }
        DomainError::Storage(crate::storage::StorageError::ForeignKeyViolation) => {
            AppError::invalid("Something you picked no longer exists. Reload and try again.")
        }
        DomainError::Storage(crate::storage::StorageError::CheckViolation) => AppError::invalid(
            "That role or application type does not fit here: users take User roles, \
             machine-to-machine apps take machine-to-machine roles.",
        ),
        DomainError::Storage(crate::storage::StorageError::UnstorableText) => {
            AppError::invalid("Text must not contain NUL characters.")
        }
        DomainError::Storage(crate::storage::StorageError::TooLarge) => {
            AppError::invalid("A value is too long to store.")
        }
        DomainError::Storage(e) => {
            tracing::error!(error = %e, "console storage failure");
            AppError::Internal
        }
        DomainError::Internal(e) => {
            tracing::error!(error = %e, "console failure");
            AppError::Internal
        }
    }
}

/// Refusals about one input become a message on that form field; the rest keep the domain's
/// message.
fn refused(code: &str, message: String) -> AppError {
    let on = |field: &str, message: &str| AppError::field(field, message);
    match code {
        "entity.unique_integrity_violation" | "scope.name_exists" => {
            on("name", "This name is already in use.")
        }
        "scope.name_with_space" => on("name", "A permission name cannot contain spaces."),
        "user.username_already_in_use" => on("username", "This username is already in use."),
        "user.email_already_in_use" => on(
            "primary_email",
            "This email is associated with an existing account.",
        ),
        "application.secret_name_exists" => on("name", "A secret with this name already exists."),
        "user.phone_already_in_use" => on(
            "primary_phone",
            "This phone number is associated with an existing account.",
        ),
        "single_sign_on.duplicate_connector_name" => on(
            "connector_name",
            "A connector with this name already exists.",
        ),
        _ => AppError::invalid(message),
    }
}

/// camelCase wire keys to the console's snake_case field names (`branding.logoUrl` → `logo_url`).
fn field_name(key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    let mut out = String::new();
    for c in last.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn sentence(key: &str, text: &str) -> String {
    let label = match key {
        "name" => "Name",
        "username" => "Username",
        "primaryEmail" => "Email",
        "primaryPhone" => "Phone",
        "avatar" => "Avatar URL",
        "password" => "Password",
        "indicator" => "API identifier",
        "emailDomain" => "Email domain",
        "description" => "Description",
        "q" | "search" => "Search text",
        "branding.logoUrl" => "Logo URL",
        "branding.darkLogoUrl" => "Dark logo URL",
        "color.primaryColor" => "Brand colour",
        "color.darkPrimaryColor" => "Dark mode brand colour",
        "customCss" => "Custom CSS",
        _ => return format!("{key}: {text}."),
    };
    let text = text
        .replace("String must contain", "must contain")
        .replace("Invalid url", "must be a valid URL");
    format!("{label} {text}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::Issue;

    #[test]
    fn validation_issues_become_field_messages() {
        let err = DomainError::invalid(Issue::at(
            "branding.logoUrl",
            "invalid_string",
            "Invalid url",
        ));
        let app = to_app(err);
        assert_eq!(
            app.for_field("logo_url").as_deref(),
            Some("Logo URL must be a valid URL.")
        );
    }
}
