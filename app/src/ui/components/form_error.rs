//! Errors from forms in the reader's language: from the action when the page
//! is hydrated, or from the address the server redirected a plain form post
//! back to (`__path`/`__err`, written by Leptos) when JavaScript is off.

use crate::error::{AppError, ConflictReason, Field, Problem};
use crate::i18n::*;
use leptos::prelude::*;
use leptos::server_fn::error::ServerFnUrlError;
use leptos_router::hooks::use_query_map;

/// A sentence for an error a person can act on.
pub fn error_text(i18n: I18nContext, error: &AppError) -> String {
    match error {
        AppError::Validation { field, problem } => {
            // Every reason the server can send has its sentence (no `_` arm).
            let what = match problem {
                Problem::CodeFormat => t_string!(i18n, err_code_format),
                Problem::WrongCode => t_string!(i18n, err_wrong_code),
                Problem::Required => t_string!(i18n, err_required),
                Problem::TooLong | Problem::TooLarge => t_string!(i18n, err_too_long),
                Problem::ChooseOne => t_string!(i18n, err_choose_one),
                Problem::BadCharacters => t_string!(i18n, err_bad_characters),
                Problem::NotInGroup => t_string!(i18n, err_not_in_group),
                Problem::MinutesRange => t_string!(i18n, err_minutes_range),
                Problem::ChooseGroup => t_string!(i18n, err_choose_group),
                Problem::OutOfRange | Problem::Missing | Problem::Unreadable | Problem::NotText => t_string!(i18n, err_invalid),
            };
            format!("{} {what}", field_label(i18n, field))
        }
        AppError::RateLimited { retry_after_seconds } => {
            format!("{} {retry_after_seconds} s.", t_string!(i18n, err_rate_limited))
        }
        AppError::Unauthorized => t_string!(i18n, err_unauthorized).to_string(),
        AppError::Forbidden => t_string!(i18n, err_forbidden).to_string(),
        AppError::NotFound(_) => t_string!(i18n, err_not_found).to_string(),
        // Say whose connection is the problem: the device's, or the server's.
        AppError::Transport(_) if !device_online() => t_string!(i18n, err_offline).to_string(),
        AppError::Transport(_) => t_string!(i18n, err_unreachable).to_string(),
        AppError::Conflict(reason) => match reason {
            ConflictReason::NotStarted => t_string!(i18n, conflict_not_started),
            ConflictReason::AlreadyStarted => t_string!(i18n, conflict_already_started),
            ConflictReason::NotRunning => t_string!(i18n, conflict_not_running),
            ConflictReason::NotPaused => t_string!(i18n, conflict_not_paused),
            ConflictReason::Ended => t_string!(i18n, conflict_ended),
            ConflictReason::LastSegment => t_string!(i18n, conflict_last_segment),
            ConflictReason::NothingToUndo => t_string!(i18n, conflict_nothing_to_undo),
            ConflictReason::AdjustRange => t_string!(i18n, conflict_adjust_range),
            ConflictReason::ColumnClosed => t_string!(i18n, conflict_column_closed),
            ConflictReason::Delivered => t_string!(i18n, conflict_delivered),
            ConflictReason::NotDelivered => t_string!(i18n, conflict_not_delivered),
            ConflictReason::DimensionFull => t_string!(i18n, conflict_dimension_full),
            ConflictReason::NotThisSession => t_string!(i18n, conflict_not_this_session),
            ConflictReason::AnswersClosed => t_string!(i18n, conflict_answers_closed),
            ConflictReason::TooMany => t_string!(i18n, conflict_too_many),
        }
        .to_string(),
        AppError::Internal => t_string!(i18n, error_body).to_string(),
    }
}

/// Whether the browser says it has a network (always true on the server).
pub fn device_online() -> bool {
    #[cfg(feature = "hydrate")]
    return window().navigator().on_line();
    #[cfg(not(feature = "hydrate"))]
    true
}

/// Every field has its label (no `_` arm): a new one does not compile without it.
fn field_label(i18n: I18nContext, field: &Field) -> &'static str {
    match field {
        Field::Code => t_string!(i18n, field_code),
        Field::Name => t_string!(i18n, field_name),
        Field::Affiliation => t_string!(i18n, field_affiliation),
        Field::Sector => t_string!(i18n, field_sector),
        Field::Group => t_string!(i18n, field_group),
        Field::Participant => t_string!(i18n, field_participant),
        Field::Text => t_string!(i18n, field_text),
        Field::Question => t_string!(i18n, field_question),
        Field::Dimension => t_string!(i18n, field_dimension),
        Field::Origin => t_string!(i18n, field_origin),
        Field::Minutes => t_string!(i18n, field_minutes),
        Field::Command
        | Field::Op
        | Field::Key
        | Field::Target
        | Field::Step
        | Field::Source
        | Field::Session
        | Field::Page
        | Field::Mode
        | Field::Item
        | Field::Every
        | Field::Block
        | Field::Request => t_string!(i18n, field_request),
    }
}

/// The error a plain form post to `fn_path` left in the address, if any.
pub fn url_error(fn_path: &'static str) -> Memo<Option<AppError>> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        (q.get("__path").as_deref() == Some(fn_path))
            .then(|| q.get("__err"))
            .flatten()
            .map(|e| ServerFnUrlError::<AppError>::decode_err(&e))
    })
}

fn field_of(error: &AppError) -> Option<Field> {
    match error {
        AppError::Validation { field, .. } => Some(*field),
        _ => None,
    }
}

/// Shows the latest error of an action, or the one from the address —
/// except problems of the `beside` fields, which `FieldError` shows next to
/// their field.
#[component]
pub fn FormError(
    #[prop(into)] action_error: Signal<Option<AppError>>,
    fn_path: &'static str,
    #[prop(optional)] beside: &'static [Field],
) -> impl IntoView {
    let i18n = use_i18n();
    let from_url = url_error(fn_path);
    let error = move || action_error.get().or_else(|| from_url.get()).filter(|e| !field_of(e).is_some_and(|f| beside.contains(&f)));
    view! {
        <Show when=move || error().is_some()>
            <p class="form-error" role="alert">
                {move || error().map(|e| error_text(i18n, &e))}
            </p>
        </Show>
    }
}

/// The problem of one field, right under it (`id` for the field's
/// `aria-describedby`). Empty, and hidden, while the field has none.
#[component]
pub fn FieldError(
    #[prop(into)] action_error: Signal<Option<AppError>>,
    fn_path: &'static str,
    field: Field,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let from_url = url_error(fn_path);
    let error = move || action_error.get().or_else(|| from_url.get()).filter(|e| field_of(e) == Some(field));
    view! {
        <p class="form-error field-error" id=id role="alert" hidden=move || error().is_none()>
            {move || error().map(|e| error_text(i18n, &e))}
        </p>
    }
}
