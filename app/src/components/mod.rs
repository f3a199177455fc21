//! Reusable pieces of the console.

pub mod actions;
pub mod browser;
pub mod checklist;
pub mod confirm;
pub mod contrast;
pub mod copy;
pub mod dialog;
pub mod focus;
pub mod forms;
pub mod leave_guard;
pub mod list_page;
pub mod pagination;
pub mod save_bar;
pub mod search;
pub mod states;
pub mod toast;

pub use actions::{search_and_page, when_done};
pub use checklist::{CheckList, Chips, Choice, PickedChips};
pub use confirm::{ConfirmDialog, ConfirmRemoval};
pub use copy::CopyButton;
pub use dialog::{Dialog, open_for};
pub use forms::{FieldError, FormError};
pub use leave_guard::LeaveGuard;
pub use list_page::{ListTable, PagedTable};
pub use pagination::Pagination;
pub use save_bar::SaveBar;
pub use search::SearchInput;
pub use states::{EmptyState, ErrorState, LoadError, TableSkeleton};
pub use toast::{ToastRegion, Toasts, provide_toasts, use_toasts};
