//! Size limits on requests, shared by the router's layers and the console's in-process calls.

/// Request bodies above this are refused with 413.
pub const BODY_LIMIT: usize = 1024 * 1024;
