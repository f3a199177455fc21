//! How the bodies of `/api/users` are read.

use serde_json::{Map, Value};

use crate::domain::DomainError;
use crate::domain::user_account::{
    ADDRESS_KEYS, CustomDataMerge, PROFILE_TEXT_KEYS, PasswordInput, ProfileMerge, SuspensionInput,
    UserProfile,
};
use crate::domain::users::{AVATAR_MAX, IDENTIFIERS, NewUser, PASSWORD_MAX, TEXT_MAX, UserPatch};
use crate::management_api::bodies::FromBody;
use crate::management_api::bodies::guard::{Guard, Nullable};

impl FromBody for NewUser {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let (fields, password) = read_user(body, true)?;
        Ok(NewUser {
            username: fields.username.flatten(),
            primary_email: fields.primary_email.flatten(),
            primary_phone: fields.primary_phone.flatten(),
            name: fields.name.flatten(),
            avatar: fields.avatar.flatten(),
            profile: fields.profile,
            custom_data: fields.custom_data,
            password,
        })
    }
}

impl FromBody for UserPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        Ok(read_user(body, false)?.0)
    }
}

impl FromBody for ProfileMerge {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let profile = required_object(&mut g, "profile").map(|m| read_profile(&mut g, &m));
        g.finish()?;
        Ok(ProfileMerge {
            profile: profile.unwrap_or_default(),
        })
    }
}

/// Logto's `userProfileGuard`: the known keys, each a string (`address`: an object of
/// strings); other keys are dropped.
fn read_profile(g: &mut Guard<'_>, m: &Map<String, Value>) -> UserProfile {
    let mut profile = UserProfile::default();
    for key in m.keys() {
        if PROFILE_TEXT_KEYS.contains(&key.as_str()) {
            if let Some(text) = g.string_in(m, "profile", key) {
                profile.claims.insert(key.clone(), text);
            }
        } else if key == "address"
            && let Some(address) = g.object_in(m, "profile", key)
        {
            let parts = address
                .keys()
                .filter(|k| ADDRESS_KEYS.contains(&k.as_str()));
            let read = parts.filter_map(|part| {
                let text = g.string_in(address, "profile.address", part)?;
                Some((part.clone(), text))
            });
            profile.address = Some(read.collect());
        }
    }
    profile
}

impl FromBody for CustomDataMerge {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let custom_data = required_object(&mut g, "customData");
        g.finish()?;
        Ok(CustomDataMerge {
            custom_data: custom_data.unwrap_or_default(),
        })
    }
}

impl FromBody for PasswordInput {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let password = g.required_string("password", 1, PASSWORD_MAX);
        g.finish()?;
        Ok(PasswordInput {
            password: password.unwrap_or_default(),
        })
    }
}

impl FromBody for SuspensionInput {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let is_suspended = g.required_bool("isSuspended");
        g.finish()?;
        Ok(SuspensionInput {
            is_suspended: is_suspended.unwrap_or_default(),
        })
    }
}

/// An object that must be present.
fn required_object(g: &mut Guard<'_>, key: &str) -> Option<Map<String, Value>> {
    if g.optional_value(key).is_none() {
        g.issue(key, "invalid_type", "Required");
        return None;
    }
    g.optional_object(key).cloned()
}

/// The keys of both user bodies; only a new user's `password` is read.
fn read_user(body: &Value, creating: bool) -> Result<(UserPatch, Option<String>), DomainError> {
    let mut g = Guard::new(body);
    let [username, primary_email, primary_phone] =
        IDENTIFIERS.map(|(key, valid)| match g.nullable_string(key, TEXT_MAX) {
            Nullable::Value(s) if !valid(&s) => {
                g.issue(key, "invalid_string", "Invalid");
                None
            }
            other => other.into_patch(),
        });
    let name = g.nullable_string("name", TEXT_MAX).into_patch();
    let avatar = g.nullable_string("avatar", AVATAR_MAX).into_patch();
    let custom_data = g.optional_object("customData").cloned();
    let profile = g.optional_object("profile").cloned();
    let password = if creating {
        g.optional_string("password", 1, PASSWORD_MAX)
    } else {
        None
    };
    g.finish()?;
    let patch = UserPatch {
        username,
        primary_email,
        primary_phone,
        name,
        avatar,
        profile,
        custom_data,
    };
    Ok((patch, password))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn lines<T: std::fmt::Debug>(read: Result<T, DomainError>) -> Vec<String> {
        match read {
            Err(DomainError::Invalid(lines)) => lines.iter().map(ToString::to_string).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn profiles_keep_known_keys_of_the_right_type() {
        let given = json!({ "profile": {
            "givenName": "Ada",
            "unknown": 1,
            "address": { "country": "UK", "planet": "Earth" },
        } });
        let kept = ProfileMerge::from_body(&given).unwrap().profile;
        assert_eq!(
            serde_json::to_value(kept).unwrap(),
            json!({ "givenName": "Ada", "address": { "country": "UK" } })
        );
        let bad = json!({ "profile": { "nickname": 1, "address": { "region": false } } });
        assert_eq!(
            lines(ProfileMerge::from_body(&bad)),
            [
                "Error in key path \"profile.address.region\": (invalid_type) Expected string, \
                 received boolean",
                "Error in key path \"profile.nickname\": (invalid_type) Expected string, received \
                 number",
            ]
        );
    }

    #[test]
    fn user_bodies_keep_logtos_rules() {
        let user = NewUser::from_body(&json!({ "username": null, "password": "p" })).unwrap();
        assert!(user.username.is_none());
        assert_eq!(user.password.as_deref(), Some("p"));
        let bad = json!({ "username": "1a", "primaryEmail": "a@b", "password": "" });
        assert_eq!(
            lines(NewUser::from_body(&bad)),
            [
                "Error in key path \"username\": (invalid_string) Invalid",
                "Error in key path \"primaryEmail\": (invalid_string) Invalid",
                "Error in key path \"password\": (too_small) String must contain at least 1 \
                 character(s)",
            ]
        );
        let patch = UserPatch::from_body(&json!({ "name": null, "password": 1 })).unwrap();
        assert_eq!(patch.name, Some(None));
    }
}
