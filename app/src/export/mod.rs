//! Downloads for the committee at stable URLs (server only): the Regional
//! Action Plan as CSV, XLSX and DOCX, the full meeting backup as JSON, and
//! restoring that backup into an empty database. Plain HTTP handlers, not
//! server functions, so integrations and browsers fetch files directly; each
//! checks the caller against the role table like every server function.

mod csv;
mod docx;
mod docx_parts;
pub mod table;
mod xlsx;

use crate::auth::RequestAuth;
use crate::db::backup::{self, Backup, Refusal};
use crate::domain::roles::{authorize, Action, ActionKind, Denied};
use crate::i18n::{td_string, Locale};
use crate::state::AppState;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use table::Doc;

/// Largest backup accepted for restoring (a meeting's full history is a few MB).
pub const MAX_BACKUP: usize = 64 * 1024 * 1024;

/// The download routes (small bodies: the server's usual limit applies).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/export/plan.csv", get(plan_csv))
        .route("/export/plan.xlsx", get(plan_xlsx))
        .route("/export/plan.docx", get(plan_docx))
        .route("/export/meeting.json", get(meeting_json))
}

/// Restoring takes a whole backup: the server gives it `MAX_BACKUP`.
pub fn restore_routes() -> Router<AppState> {
    Router::new().route("/export/restore", post(restore)).layer(axum::extract::DefaultBodyLimit::max(MAX_BACKUP))
}

/// Refusals and failures are said in the reader's language, as pages are.
fn reader(req: &Request) -> Locale {
    crate::i18n::reader_locale(req.headers())
}

fn said(locale: Locale, status: StatusCode, text: &str) -> Response {
    let mut res = (status, format!("{text}\n")).into_response();
    res.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(crate::i18n::lang_code(locale)));
    res
}

// The refusal is the reply itself, built once, on the rare refused request.
#[allow(clippy::result_large_err)]
fn check(req: &Request, kind: ActionKind) -> Result<(), Response> {
    let caller = req.extensions().get::<RequestAuth>().map(|a| a.caller.clone()).unwrap_or_default();
    let locale = reader(req);
    authorize(&caller, &Action::on_meeting(kind)).map_err(|denied| match denied {
        Denied::NotSignedIn => said(locale, StatusCode::UNAUTHORIZED, td_string!(locale, export_sign_in)),
        Denied::NotAllowed => said(locale, StatusCode::FORBIDDEN, td_string!(locale, export_committee_only)),
    })
}

fn internal(locale: Locale, what: &str, e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "export failed: {what}");
    said(locale, StatusCode::INTERNAL_SERVER_ERROR, td_string!(locale, export_failed))
}

fn file(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    // Results change while groups work: never serve a stale copy.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The plan in the language asked for (`?lang=pt`), by default the meeting's
/// own (the first its seed declares); an unknown language is refused.
async fn plan(state: &AppState, req: Request) -> Result<(crate::domain::views::plenary::PlanView, Locale), Response> {
    check(&req, ActionKind::ExportResults)?;
    let reader = reader(&req);
    let asked = req.uri().query().unwrap_or("").split('&').find_map(|kv| kv.strip_prefix("lang=")).map(str::to_string);
    drop(req);
    let seed = state.seed().await.map_err(|e| internal(reader, "seed", e))?;
    let lang = asked.unwrap_or_else(|| seed.languages.first().cloned().unwrap_or_else(|| "es".into()));
    let Some(locale) = seed.languages.contains(&lang).then(|| crate::i18n::locale_of(&lang)).flatten() else {
        // What was asked for is shown as text only: keep it short and printable.
        let asked: String = lang.chars().filter(|c| !c.is_control()).take(20).collect();
        let text =
            td_string!(reader, export_unknown_language).replace("{{ lang }}", &asked).replace("{{ known }}", &seed.languages.join(", "));
        return Err(said(reader, StatusCode::UNPROCESSABLE_ENTITY, &format!("lang: {text}")));
    };
    let view = crate::service::action_plan::plan_view(state, &lang).await.map_err(|e| internal(reader, "plan", e))?;
    Ok((view, locale))
}

fn file_name(locale: Locale, ext: &str) -> String {
    format!("{}.{ext}", crate::i18n::td_string!(locale, export_file))
}

async fn plan_csv(State(state): State<AppState>, req: Request) -> Response {
    let reader = reader(&req);
    match plan(&state, req).await {
        Ok((view, locale)) => csv::plan_csv(Doc { view: &view, locale })
            .map_or_else(|e| internal(reader, "csv", e), |b| file(b, "text/csv; charset=utf-8", &file_name(locale, "csv"))),
        Err(r) => r,
    }
}

async fn plan_xlsx(State(state): State<AppState>, req: Request) -> Response {
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let reader = reader(&req);
    match plan(&state, req).await {
        Ok((view, locale)) => xlsx::plan_xlsx(Doc { view: &view, locale })
            .map_or_else(|e| internal(reader, "xlsx", e), |b| file(b, XLSX, &file_name(locale, "xlsx"))),
        Err(r) => r,
    }
}

async fn plan_docx(State(state): State<AppState>, req: Request) -> Response {
    const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let reader = reader(&req);
    match plan(&state, req).await {
        Ok((view, locale)) => docx::plan_docx(Doc { view: &view, locale })
            .map_or_else(|e| internal(reader, "docx", e), |b| file(b, DOCX, &file_name(locale, "docx"))),
        Err(r) => r,
    }
}

async fn slug(state: &AppState, reader: Locale) -> Result<String, Response> {
    state.seed().await.map(|s| s.meeting.slug.clone()).map_err(|e| internal(reader, "seed", e))
}

async fn meeting_json(State(state): State<AppState>, req: Request) -> Response {
    if let Err(r) = check(&req, ActionKind::ExportResults) {
        return r;
    }
    let reader = reader(&req);
    drop(req);
    let slug = match slug(&state, reader).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match backup::dump(&state.pool, &slug).await {
        Ok(b) => match serde_json::to_vec_pretty(&b) {
            Ok(bytes) => file(bytes, "application/json", &format!("{slug}.json")),
            Err(e) => internal(reader, "json", e),
        },
        Err(e) => internal(reader, "backup", e),
    }
}

/// POST a backup as the raw JSON body (scripts) or as the `backup` file of a
/// form (the committee page; answered with a redirect back to it).
async fn restore(State(state): State<AppState>, req: Request) -> Response {
    if let Err(r) = check(&req, ActionKind::RestoreBackup) {
        return r;
    }
    let reader = reader(&req);
    let from_form =
        req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("multipart/form-data"));
    let bytes = if from_form {
        form_file(req, &state).await
    } else {
        axum::body::to_bytes(req.into_body(), MAX_BACKUP).await.ok().map(|b| b.to_vec())
    };
    let outcome = match bytes.and_then(|b| serde_json::from_slice::<Backup>(&b).ok()) {
        None => Err(Refusal::NotABackup),
        Some(b) => match slug(&state, reader).await {
            Err(r) => return r,
            Ok(slug) => match backup::restore(&state.pool, &slug, &b).await {
                Ok(r) => r,
                Err(e) => return internal(reader, "restore", e),
            },
        },
    };
    if outcome.is_ok() {
        // The stored seed and everything computed from the old data may differ.
        state.seeds.forget();
        state.views.forget();
        // Pages rendered from now on carry the restored change numbers.
        if let Ok(latest) = crate::db::changes::latest(&state.pool).await {
            state.hub.observe(latest);
        }
    }
    let code = match &outcome {
        Ok(r) if r.signed_out => "ok_signed_out",
        Ok(_) => "ok",
        Err(Refusal::NotABackup) => "not_a_backup",
        Err(Refusal::OtherSchema { .. }) => "other_schema",
        Err(Refusal::OtherMeeting { .. }) => "other_meeting",
        Err(Refusal::NotEmpty(_)) => "not_empty",
        Err(Refusal::Inconsistent) => "inconsistent",
        Err(Refusal::MissingTables(_)) => "missing_tables",
    };
    if from_form {
        return Redirect::to(&format!("/committee?restore={code}")).into_response();
    }
    match outcome {
        Ok(r) => {
            let detail = if r.signed_out { td_string!(reader, restore_ok_signed_out) } else { td_string!(reader, restore_ok) };
            axum::Json(serde_json::json!({ "restored": true, "rows": r.rows, "signed_out": r.signed_out, "detail": detail }))
                .into_response()
        }
        Err(refusal) => {
            let status = if matches!(refusal, Refusal::NotEmpty(_)) { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
            (status, axum::Json(serde_json::json!({ "restored": false, "error": code, "detail": detail(reader, &refusal) })))
                .into_response()
        }
    }
}

/// Why a backup was refused, in the reader's language (the committee page's
/// words), with what differs in brackets.
fn detail(locale: Locale, r: &Refusal) -> String {
    // "Not restored: … (what differs)." — the bracket before the full stop.
    let with = |text: &str, what: String| format!("{} ({what}).", text.trim_end_matches('.'));
    match r {
        Refusal::NotABackup => td_string!(locale, restore_not_a_backup).into(),
        Refusal::OtherSchema { backup, here } => with(td_string!(locale, restore_other_schema), format!("{backup} ≠ {here}")),
        Refusal::OtherMeeting { backup, here } => with(td_string!(locale, restore_other_meeting), format!("{backup} ≠ {here}")),
        Refusal::NotEmpty(table) => with(td_string!(locale, restore_not_empty), table.clone()),
        Refusal::Inconsistent => td_string!(locale, restore_inconsistent).into(),
        Refusal::MissingTables(tables) => with(td_string!(locale, restore_missing_tables), tables.join(", ")),
    }
}

async fn form_file(req: Request, state: &AppState) -> Option<Vec<u8>> {
    let mut form = Multipart::from_request(req, state).await.ok()?;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("backup") {
            return field.bytes().await.ok().map(|b| b.to_vec());
        }
    }
    None
}
