//! Generates the UI strings' table from `locales/<lang>.json` (see `src/i18n/`):
//! one constant per key (a misspelt key does not compile) and, for the server,
//! every language's strings. The browser gets none of them compiled in: each
//! page carries its own language's (`i18n::strings_json`). A language file
//! missing a key, with an unknown or an empty one, stops the build, naming them.
use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/i18n/check.rs"]
mod check;

/// The UI languages, the first the default. A fifth: add its file and its code here.
const LOCALES: [&str; 4] = ["es", "en", "pt", "fr"];

fn load(dir: &str, lang: &str) -> Result<BTreeMap<String, String>, Box<dyn Error>> {
    let path = format!("{dir}/locales/{lang}.json");
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?)
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/i18n/check.rs");
    // `sqlx::migrate!` embeds the migrations: a new one must rebuild the app
    // (seen: an added migration left out of a warm build).
    println!("cargo::rerun-if-changed=migrations");
    let dir = std::env::var("CARGO_MANIFEST_DIR")?;
    let files: Vec<BTreeMap<String, String>> = LOCALES.iter().map(|l| load(&dir, l)).collect::<Result<_, _>>()?;
    let default = &files[0];
    let problems: Vec<String> = LOCALES.iter().zip(&files).filter_map(|(l, f)| check::problems(l, default, f)).collect();
    if !problems.is_empty() {
        return Err(problems.join("\n").into());
    }

    let mut out = String::new();
    writeln!(out, "/// The UI languages (`build.rs`), the first the default.")?;
    writeln!(out, "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]\n#[allow(non_camel_case_types)]\npub enum Locale {{")?;
    for (i, l) in LOCALES.iter().enumerate() {
        writeln!(out, "    {}{l},", if i == 0 { "#[default] " } else { "" })?;
    }
    writeln!(
        out,
        "}}\nimpl Locale {{\n    pub const ALL: [Locale; {}] = [{}];",
        LOCALES.len(),
        LOCALES.iter().map(|l| format!("Locale::{l}")).collect::<Vec<_>>().join(", ")
    )?;
    writeln!(out, "    pub const CODES: [&'static str; {}] = {LOCALES:?};\n}}", LOCALES.len())?;
    writeln!(out, "/// Each UI string's place in a language's table.\n#[allow(non_upper_case_globals, dead_code)]\npub mod key {{")?;
    for (i, k) in default.keys().enumerate() {
        writeln!(out, "    pub const {k}: usize = {i};")?;
    }
    writeln!(out, "}}\npub const KEYS: usize = {};", default.len())?;
    writeln!(out, "#[cfg(feature = \"ssr\")]\npub static TABLES: [[&str; KEYS]; {}] = [", LOCALES.len())?;
    for f in &files {
        writeln!(out, "    [{}],", default.keys().map(|k| format!("{:?}", f[k])).collect::<Vec<_>>().join(", "))?;
    }
    writeln!(out, "];")?;
    let path = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("ui_strings.rs");
    std::fs::write(path, out)?;
    Ok(())
}
