//! Pages, one file each.

pub mod console;
pub mod hosted;
