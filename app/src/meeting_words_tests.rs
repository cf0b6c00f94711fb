//! The seed describes the meeting; code only renders it. This test lists the
//! words of the first meeting Plenaria ran (its group and dimension ids,
//! reference names, Spanish labels, place and year) and counts them in the
//! code under `app/src` (tests excluded), comments included.
//!
//! Until the whole meeting comes from the seed, each file has a budget in
//! `app/meeting_words.budget`: a file may not go over it (new meeting words in
//! code fail here, with their lines), and a file that went under it must have
//! its budget lowered, so the table only ever shrinks. The goal is an empty
//! table.

use std::collections::BTreeMap;
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
fn code_holds_no_more_meeting_words_than_its_budget() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let budget: BTreeMap<String, usize> = std::fs::read_to_string(root.join("meeting_words.budget"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (path, n) = l.rsplit_once(' ').unwrap();
            (path.to_string(), n.parse().unwrap())
        })
        .collect();
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    let mut problems = Vec::new();
    let mut now = BTreeMap::new();
    for path in paths {
        let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let source = std::fs::read_to_string(&path).unwrap();
        let code = code_of(&source);
        let n = count(code);
        let allowed = budget.get(&name).copied().unwrap_or(0);
        if n > allowed {
            let lines: Vec<String> = code
                .lines()
                .enumerate()
                .filter(|(_, l)| count(l) > 0)
                .map(|(i, l)| format!("    {name}:{}: {}", i + 1, l.trim()))
                .collect();
            problems.push(format!("{name}: {n} meeting words, budget {allowed}; the seed should say these:\n{}", lines.join("\n")));
        } else if n < allowed {
            problems.push(format!("{name}: {n} meeting words, budget {allowed}: lower its budget to {n}"));
        }
        if n > 0 {
            now.insert(name, n);
        }
    }
    for name in budget.keys().filter(|k| !now.contains_key(*k)) {
        problems.push(format!("{name}: none left (or the file is gone): remove its line from the budget"));
    }
    assert!(problems.is_empty(), "{}\n\n(total now {})", problems.join("\n"), now.values().sum::<usize>());
}

#[test]
fn the_counter_finds_the_words_and_skips_unit_tests() {
    assert_eq!(count("let g = \"andina\"; // Anexo IV, Tabla 2"), 3);
    assert_eq!(count("let g = group.id;"), 0);
    assert_eq!(code_of("fn a() {}\n#[cfg(test)]\nmod tests {\n \"caribe\"\n}"), "fn a() {}\n");
}
