//! Pages, one file each.

pub mod console;
