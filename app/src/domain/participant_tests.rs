use super::*;
use crate::domain::parse_seed;
use crate::domain::problem::{Field, Problem};

fn subregional() -> GroupSet {
    let seed = parse_seed("seeds/meeting.toml", include_str!("../../../seeds/meeting.toml")).unwrap();
    seed.group_sets.into_iter().find(|s| s.id == "subregionales").unwrap()
}

fn input(affiliation: &str, sector: &str, group: &str) -> ProfileInput {
    ProfileInput { name: "Ana".into(), affiliation: affiliation.into(), sector: sector.into(), group: group.into() }
}

#[test]
fn government_delegates_are_suggested_their_subregion() {
    let set = subregional();
    let key = |a: &str| suggest_group(&set.groups, a, Sector::Government).map(|g| g.id.clone());
    assert_eq!(key("Perú").as_deref(), Some("andina"));
    assert_eq!(key("peru").as_deref(), Some("andina"));
    assert_eq!(key("  República   Dominicana ").as_deref(), Some("mesoamerica"));
    assert_eq!(key("Mercosur").as_deref(), Some("cono-sur"));
    assert_eq!(key("Haití").as_deref(), Some("caribe"));
    assert_eq!(key("Atlantis"), None);
}

#[test]
fn countries_match_in_every_language_without_accents_case_or_punctuation() {
    let set = subregional();
    let key = |a: &str| suggest_group(&set.groups, a, Sector::Government).map(|g| g.id.clone());
    assert_eq!(key("Brazil").as_deref(), Some("cono-sur"));
    assert_eq!(key("Brésil").as_deref(), Some("cono-sur"));
    assert_eq!(key("brasil").as_deref(), Some("cono-sur"));
    assert_eq!(key("Dominican Republic").as_deref(), Some("mesoamerica"));
    assert_eq!(key("République dominicaine").as_deref(), Some("mesoamerica"));
    assert_eq!(key("Antigua and Barbuda").as_deref(), Some("caribe"));
    assert_eq!(key("Antigua-et-Barbuda").as_deref(), Some("caribe"));
    assert_eq!(key("Saint Vincent and the Grenadines").as_deref(), Some("caribe"));
    assert_eq!(key("St Vincent & the Grenadines").as_deref(), Some("caribe"));
    assert_eq!(key("Haiti").as_deref(), Some("caribe"));
    assert_eq!(key("PANAMA").as_deref(), Some("mesoamerica"));
    // Not in any subregion's list: the person chooses (see `validate`).
    assert_eq!(key("Mexico"), None);
    assert_eq!(key("chile"), None);
}

#[test]
fn a_country_is_matched_by_its_translation_and_listed_in_the_reader_s_language() {
    let mut set = subregional();
    // No alias says it: the seed's translation does.
    set.groups.iter_mut().for_each(|g| g.aliases.clear());
    let key = |a: &str| suggest_group(&set.groups, a, Sector::Government).map(|g| g.id.clone());
    assert_eq!(key("Équateur").as_deref(), Some("andina"));
    assert_eq!(key("Mercosul").as_deref(), Some("cono-sur"));
    assert_eq!(key("Sao Vicente e Granadinas").as_deref(), Some("caribe"));
    let listed = |lang: &str| known_affiliations(&set, lang);
    assert!(listed("pt").iter().any(|n| n == "Brasil") && listed("en").iter().any(|n| n == "Brazil"));
    assert!(listed("fr").iter().any(|n| n == "Royaume-Uni") && !listed("fr").iter().any(|n| n == "Reino Unido"));
    assert!(listed("es").iter().any(|n| n == "Reino Unido"));
}

#[test]
fn ngos_and_business_go_to_their_sector_group_whatever_the_country() {
    let set = subregional();
    assert_eq!(suggest_group(&set.groups, "Colombia", Sector::Business).unwrap().id, "empresas");
    assert_eq!(suggest_group(&set.groups, "Chile", Sector::Ngo).unwrap().id, "ongs");
}

#[test]
fn a_valid_profile_is_trimmed_and_an_empty_name_is_none() {
    let set = subregional();
    let mut i = input(" Perú ", "government", "andina");
    i.name = "   ".into();
    let p = i.validate(&set).unwrap();
    assert_eq!(p.name, None);
    assert_eq!(p.affiliation, "Perú");
    assert_eq!(p.sector, Sector::Government);
}

#[test]
fn every_bad_field_is_reported_with_its_name() {
    let set = subregional();
    let mut i = input("", "army", "narnia");
    i.name = "x".repeat(MAX_NAME + 1);
    let errors = i.validate(&set).unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Name, Field::Affiliation, Field::Sector, Field::Group]);
}

#[test]
fn control_characters_are_refused() {
    let set = subregional();
    let mut i = input("Perú", "government", "andina");
    i.name = "Ana\u{0007}".into();
    assert!(i.validate(&set).is_err());
}

#[test]
fn the_affiliation_list_has_each_name_once_in_order() {
    let names = known_affiliations(&subregional(), "es");
    assert!(names.contains(&"Perú".to_string()));
    assert!(names.contains(&"Mercosur".to_string()));
    let brasil = names.iter().filter(|n| fold(n) == "brasil").count();
    assert_eq!(brasil, 1, "Brasil is in three groups but listed once");
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| fold(n));
    assert_eq!(names, sorted);
}

#[test]
fn no_group_chosen_and_none_to_suggest_asks_to_choose_the_group_on_its_field() {
    let set = subregional();
    let errors = input("México", "government", "").validate(&set).unwrap_err();
    assert_eq!(errors, [FieldError { field: Field::Group, code: Problem::ChooseGroup }]);
    let errors = input("México", "government", "narnia").validate(&set).unwrap_err();
    assert_eq!(errors, [FieldError { field: Field::Group, code: Problem::ChooseOne }]);
    // A control character is blamed on the field that has it.
    let errors = input("Perú\u{0007}", "government", "andina").validate(&set).unwrap_err();
    assert_eq!(errors, [FieldError { field: Field::Affiliation, code: Problem::BadCharacters }]);
}
