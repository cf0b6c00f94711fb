//! Server functions: thin edges that identify the caller, load from the
//! database, project with `domain`, and return `Result<T, AppError>`.
//! The meeting's programme and reference material are public to everyone in
//! the room, so the functions here need no role.

pub mod meeting;
