//! Reusable pieces of the console.

pub mod browser;
pub mod copy;
pub mod dialog;
pub mod pagination;
pub mod states;

pub use copy::CopyButton;
pub use dialog::Dialog;
pub use pagination::Pagination;
pub use states::{EmptyState, ErrorState, TableSkeleton};
