//! The seed describes the meeting; code only renders it. This test lists the
//! words of the first meeting Plenaria ran (its group and dimension ids,
//! reference names, Spanish labels, place and year) and counts them in the
//! code under `app/src` (tests excluded), comments included.
//!
//! There are none: a word of the first meeting in code fails here with its
//! line. (The count went from 365 words in 51 files to none while the
//! matrix, the reference material and the labels moved into the seed.)

use std::path::Path;

/// Lower case; matched anywhere in a lower-cased file.
const WORDS: [&str; 42] = [
    "caribe",
    "mesoamerica",
    "mesoamérica",
    "andina",
    "cono-sur",
    "cono sur",
    "subregional",
    "subregion",
    "mixto-",
    "mixtos",
    "politicas",
    "cooperacion",
    "metodologias",
    "tpl-",
    "t2-",
    "estrategia",
    "pnuma",
    "anexo iv",
    "annex iv",
    "tabla 2",
    "table 2",
    "ilac",
    "marrakech",
    "task force",
    "10yfp",
    "decisión 12",
    "decision 12",
    "plan de acción regional",
    "cps-alc",
    "prioridades",
    "resultados_",
    "responsables",
    "recursos_",
    "indicadores",
    "actividades",
    "gobiernos",
    "san pablo",
    "são paulo",
    "2007",
    "\"4.2\"",
    "\"4.3\"",
    "\"4.4\"",
];

/// The part of a source file that is not its unit tests.
fn code_of(source: &str) -> &str {
    source.find("#[cfg(test)]\nmod tests {").map_or(source, |at| &source[..at])
}

fn count(code: &str) -> usize {
    let low = code.to_lowercase();
    WORDS.iter().map(|w| low.matches(w).count()).sum()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.to_string_lossy().ends_with("tests.rs") {
            out.push(path);
        }
    }
}

#[test]
fn code_holds_no_meeting_word() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    let mut problems = Vec::new();
    for path in paths {
        let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let source = std::fs::read_to_string(&path).unwrap();
        problems.extend(
            code_of(&source).lines().enumerate().filter(|(_, l)| count(l) > 0).map(|(i, l)| format!("    {name}:{}: {}", i + 1, l.trim())),
        );
    }
    assert!(problems.is_empty(), "the seed should say these, not the code:\n{}", problems.join("\n"));
}

#[test]
fn the_counter_finds_the_words_and_skips_unit_tests() {
    assert_eq!(count("let g = \"andina\"; // Anexo IV, Tabla 2"), 3);
    assert_eq!(count("let g = group.id;"), 0);
    assert_eq!(code_of("fn a() {}\n#[cfg(test)]\nmod tests {\n \"caribe\"\n}"), "fn a() {}\n");
}
