//! Widgets shared by several screens.

pub mod cell_editor;
pub mod cell_history;
pub mod clock;
pub mod clock_controls;
pub mod common_areas;
pub mod coordinator_duties;
pub mod data;
pub mod delivery_status;
pub mod form_error;
pub mod identity;
pub mod layout;
pub mod lang_switch;
pub mod matrix_row;
pub mod page_head;
pub mod page_title;
pub mod plenary_column;
pub mod presence_list;
pub mod pull_picker;
pub mod questionnaire_form;
pub mod reference_panel;
pub mod save_status;
pub mod text;
pub mod timebox_hint;
pub mod timeline;
