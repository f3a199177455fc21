//! The console's backend service: the signed-in admin (kept in the tower-sessions session)
//! and the state every port implementation reads. Each port (`app::ports`) is implemented for
//! [`ConsoleService`] in its own file of this folder.

use app::error::AppError;
use app::model::{AdminInfo, Paged};
use tower_sessions::Session;

use super::errors::to_app;
use crate::domain::{DomainError, admins};
use crate::state::AppState;
use crate::storage::{self, Page};

/// Session key holding the signed-in administrator's id.
pub const ADMIN_KEY: &str = "admin_id";

pub struct ConsoleService {
    pub(super) state: AppState,
}

impl ConsoleService {
    pub fn new(state: AppState) -> Self {
        ConsoleService { state }
    }

    pub(super) async fn session(&self) -> Result<Session, AppError> {
        leptos_axum::extract::<Session>().await.map_err(|e| {
            tracing::error!(error = %e, "session layer missing");
            AppError::Internal
        })
    }

    pub(super) async fn current_admin(&self) -> Result<Option<AdminInfo>, AppError> {
        let session = self.session().await?;
        let id: Option<String> = session.get(ADMIN_KEY).await.map_err(|e| {
            tracing::error!(error = %e, "session read failed");
            AppError::Internal
        })?;
        match id {
            Some(id) => admins::find(&self.state.store, &id).await.map_err(to_app),
            None => Ok(None),
        }
    }

    pub(super) async fn require_admin(&self) -> Result<AdminInfo, AppError> {
        self.current_admin().await?.ok_or(AppError::Unauthenticated)
    }

    /// Starts a fresh session (new id, against fixation) for the admin.
    pub(super) async fn start_session(&self, admin: &AdminInfo) -> Result<(), AppError> {
        let session = self.session().await?;
        let failed = |e: tower_sessions::session::Error| {
            tracing::error!(error = %e, "session write failed");
            AppError::Internal
        };
        session.cycle_id().await.map_err(failed)?;
        session.insert(ADMIN_KEY, &admin.id).await.map_err(failed)
    }

    pub(super) fn now(&self) -> i64 {
        self.state.clock.now_ms()
    }
}

pub(super) fn clamp_page(page: u32, page_size: u32) -> Page {
    Page {
        page: page.max(1),
        page_size: page_size.clamp(1, 100),
    }
}

impl ConsoleService {
    /// Runs a domain write for the signed-in admin (what it changes, the storage layer tells
    /// the caches: [`crate::caches`]).
    pub(super) async fn write<T>(
        &self,
        write: impl Future<Output = Result<T, DomainError>>,
    ) -> Result<T, AppError> {
        self.require_admin().await?;
        self.apply(write).await
    }

    /// [`ConsoleService::write`] for a caller that has required the admin already.
    pub(super) async fn apply<T>(
        &self,
        write: impl Future<Output = Result<T, DomainError>>,
    ) -> Result<T, AppError> {
        write.await.map_err(to_app)
    }

    /// Runs a domain read for the signed-in admin.
    pub(super) async fn read<T>(
        &self,
        read: impl Future<Output = Result<T, DomainError>>,
    ) -> Result<T, AppError> {
        self.require_admin().await?;
        read.await.map_err(to_app)
    }
}

/// A domain page as the console's list page shows it.
pub(super) fn paged<T>(found: storage::Paged<T>, page: Page) -> Paged<T> {
    Paged {
        items: found.items,
        total: found.total,
        page: page.page,
        page_size: page.page_size,
    }
}
