//! Server functions, each under `/console/fn/<endpoint>` (never `/api`, which is the Management
//! API's). Bodies only hand over to the server's `ConsoleBackend`.

pub mod applications;
pub mod organizations;
pub mod session;
