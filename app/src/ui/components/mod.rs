//! Widgets shared by several screens.

pub mod coordinator_duties;
pub mod data;
pub mod form_error;
pub mod identity;
pub mod layout;
pub mod lang_switch;
pub mod page_head;
pub mod text;
pub mod timeline;
