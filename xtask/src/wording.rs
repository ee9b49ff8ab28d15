//! Our own words: no run of six words in what we publish in English may match the FT article's,
//! apart from names and titles.
//!
//! The article is not ours to ship, so the repository keeps only a fingerprint of it:
//! `tests/article-6grams.txt`, a hash of each run of six words, written by
//! `cargo xtask fingerprint <article.txt>` from the copy in `../shared/seed/`. That copy went
//! through a word-swapper; its README's table of swapped words is undone first, so the runs are
//! the article's own as far as the table knows them. A run with a swapped word the table does
//! not list is missed: the test catches copying, not every close paraphrase.

use std::collections::BTreeSet;
use std::path::Path;

use crate::files;

/// Where the fingerprint is kept, from the workspace root.
pub const FINGERPRINT: &str = "tests/article-6grams.txt";

/// How many words make a run.
const RUN: usize = 6;

/// The seed copy's swapped words and what the article wrote (its README's table), lower case.
const UNSWAPPED: [(&str, &str); 17] = [
    (
        "massachusetts institute of expertise",
        "massachusetts institute of technology",
    ),
    ("synthetic intelligence", "artificial intelligence"),
    ("public itemizing", "public listing"),
    ("traders", "investors"),
    ("tiger world", "tiger global"),
    ("friends megvii", "peers megvii"),
    ("the chinese language authorities", "the chinese government"),
    (
        "heart for worldwide safety and cooperation",
        "center for international security and cooperation",
    ),
    ("sensible metropolis enterprise", "smart city business"),
    ("sensible enterprise enterprise arm", "smart business arm"),
    ("gross sales final 12 months", "sales last year"),
    ("visitors administration", "traffic management"),
    ("monetary instances", "financial times"),
    (
        "basic accomplice at world enterprise capital agency",
        "general partner at global venture capital firm",
    ),
    (
        "dance playing cards have already been crammed",
        "dance cards have already been filled",
    ),
    ("twin supply", "dual source"),
    ("course of ai duties", "process ai tasks"),
];

/// Names and titles, which may be repeated word for word: each counts as one word.
const NAMES: [&str; 14] = [
    "can sensetime become a chinese ai champion",
    "center for international security and cooperation",
    "massachusetts institute of technology",
    "sino auto insights",
    "financial times",
    "tiger global",
    "silver lake",
    "ant group",
    "jeffrey ding",
    "william bao bean",
    "tang xiao'ou",
    "xi jinping",
    "tu le",
    "pony ai",
];

/// A text as lower-case words: letters, digits and inner apostrophes, the curly one made
/// straight; each name or title becomes the one word `name`.
fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase().replace('’', "'");
    let plain: String = lower
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut joined = format!(
        " {} ",
        plain
            .split_whitespace()
            .map(|w| w.trim_matches('\''))
            .collect::<Vec<_>>()
            .join(" ")
    );
    for name in NAMES {
        joined = joined.replace(&format!(" {name} "), " name ");
    }
    joined.split_whitespace().map(String::from).collect()
}

/// FNV-1a, 64 bits: a stable hash that needs no crate.
fn hash(run: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in run.join(" ").bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The hashes of every run of six words in `text`.
fn runs(text: &str) -> BTreeSet<u64> {
    words(text).windows(RUN).map(hash).collect()
}

/// The article's seed copy with the swapped words undone.
fn unswapped(article: &str) -> String {
    let mut text = format!(" {} ", words(article).join(" "));
    for (swapped, real) in UNSWAPPED {
        text = text.replace(&format!(" {swapped} "), &format!(" {real} "));
    }
    text
}

/// `cargo xtask fingerprint <article>`: writes the article's runs of six words, hashed, to
/// [`FINGERPRINT`].
pub fn fingerprint(root: &Path, article: &Path) -> Result<(), String> {
    let text = unswapped(&files::read(article)?);
    let lines: String = runs(&text).iter().map(|h| format!("{h:016x}\n")).collect();
    files::write(&root.join(FINGERPRINT), lines)
}

/// The runs of six words in `ours` that the fingerprint holds, as text.
#[cfg(test)]
fn shared_runs(ours: &str, fingerprint: &str) -> Result<Vec<String>, String> {
    let article = fingerprint
        .lines()
        .map(|line| {
            u64::from_str_radix(line, 16)
                .map_err(|_| format!("{FINGERPRINT}: `{line}` is not a hash"))
        })
        .collect::<Result<BTreeSet<u64>, String>>()?;
    let mut shared: Vec<String> = words(ours)
        .windows(RUN)
        .filter(|run| article.contains(&hash(run)))
        .map(|run| run.join(" "))
        .collect();
    shared.dedup();
    Ok(shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::EDITIONS;
    use crate::prose;
    use sensetime_explainer::chart::ChartId;
    use sensetime_explainer::data::figures;
    use sensetime_explainer::draw::theme::LIGHT;
    use sensetime_explainer::lang::Lang;
    use sensetime_explainer::text::locale::Locale;

    #[test]
    fn words_are_lower_case_with_names_as_one_word() {
        assert_eq!(
            words("Jeffrey Ding, of Stanford’s Center for International Security and Cooperation, said: “It’s 40%.”"),
            ["name", "of", "stanford's", "name", "said", "it's", "40"]
        );
    }

    #[test]
    fn a_shared_run_is_found_and_a_reworded_one_is_not() {
        let article = "Its Smart City business, which includes facial recognition and predictive policing, grew.";
        let print: String = runs(article)
            .iter()
            .map(|h| format!("{h:016x}\n"))
            .collect();
        let copied = shared_runs(
            "The unit, which includes facial recognition and predictive policing.",
            &print,
        )
        .unwrap();
        assert_eq!(
            copied,
            [
                "which includes facial recognition and predictive",
                "includes facial recognition and predictive policing"
            ]
        );
        assert!(shared_runs(
            "Its work runs from face recognition to predictive policing.",
            &print
        )
        .unwrap()
        .is_empty());
        assert!(shared_runs("x", "not hex").is_err());
    }

    #[test]
    fn the_swapped_words_are_undone_before_fingerprinting() {
        assert_eq!(
            unswapped("Its Sensible Metropolis enterprise grew, said traders.").trim(),
            "its smart city business grew said investors"
        );
    }

    /// Everything we publish in English: the page's text with its figures filled in, every
    /// chart's words and text alternative, and the figures' labels and notes.
    fn everything_we_publish_in_english() -> Vec<(String, String)> {
        let edition = EDITIONS[0];
        let page = files::read(&crate::workspace_root().join("www").join(edition.page)).unwrap();
        let mut texts = vec![(
            edition.page.to_string(),
            prose::fill(&page, Lang::EN).unwrap(),
        )];
        let locale = Locale {
            lang: Lang::EN,
            ..Locale::default()
        };
        for chart in ChartId::ALL {
            let built = chart.build(&LIGHT, &locale);
            let labels: Vec<&str> = built.scene.labels.iter().map(|l| l.text.as_str()).collect();
            texts.push((
                format!("the {} chart", chart.id()),
                format!("{}\n{}", labels.join("\n"), built.description()),
            ));
        }
        for f in figures::all() {
            texts.push((
                format!("figure {}", f.id),
                format!("{}\n{}", f.label, f.note.unwrap_or_default()),
            ));
        }
        texts
    }

    #[test]
    fn no_run_of_six_words_is_the_articles() {
        let print = files::read(&crate::workspace_root().join(FINGERPRINT)).unwrap();
        assert!(
            print.lines().count() > 1000,
            "{FINGERPRINT} holds the whole article"
        );
        let mut found = Vec::new();
        for (what, text) in everything_we_publish_in_english() {
            for run in shared_runs(&text, &print).unwrap() {
                found.push(format!("{what}: \"{run}\""));
            }
        }
        assert!(
            found.is_empty(),
            "runs of six words that are the FT's; say them in our own words:\n{}",
            found.join("\n")
        );
    }
}
