//! The completeness check of the translation tables: fails when a key lacks a translation.

use super::{en, zh_cn, Key};
use std::collections::HashSet;

/// The problems of one table: missing keys, empty texts, duplicates.
fn problems(name: &str, table: &[(Key, &str)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (key, text) in table {
        if !seen.insert(*key) {
            out.push(format!("{name}: {} twice", key.name()));
        }
        if text.trim().is_empty() {
            out.push(format!("{name}: {} is empty", key.name()));
        }
    }
    for key in Key::ALL {
        if !seen.contains(key) {
            out.push(format!("{name}: {} missing", key.name()));
        }
    }
    out
}

/// The `{…}` placeholders of a template, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_key_has_both_translations() {
    let mut all = problems("en", en::TABLE);
    all.extend(problems("zh-CN", zh_cn::TABLE));
    assert!(
        all.is_empty(),
        "translation tables are incomplete:\n{}",
        all.join("\n")
    );
}

#[test]
fn the_check_notices_a_gap() {
    // The checker itself must fail on a table that lacks a key or has an empty text.
    let short: Vec<(Key, &str)> = en::TABLE.iter().skip(1).copied().collect();
    assert!(!problems("short", &short).is_empty());
    let mut blank: Vec<(Key, &str)> = en::TABLE.to_vec();
    if let Some(first) = blank.first_mut() {
        first.1 = " ";
    }
    assert!(!problems("blank", &blank).is_empty());
}

#[test]
fn both_languages_use_the_same_placeholders() {
    for (key, en_text) in en::TABLE {
        let zh_text = zh_cn::TABLE
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| *t)
            .unwrap_or("");
        assert_eq!(
            placeholders(en_text),
            placeholders(zh_text),
            "placeholders differ for {}",
            key.name()
        );
    }
}

#[test]
fn chinese_texts_are_chinese() {
    // Guards against an English sentence pasted into the Chinese table.
    for (key, text) in zh_cn::TABLE {
        assert!(
            text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{} has no Chinese character: {text}",
            key.name()
        );
    }
}
