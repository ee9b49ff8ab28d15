//! Property tests ("fuzzing" that runs in every `cargo test`) over every parser of outside input:
//! embed queries and options, the URL fragment's trigger fraction, and the figures file.

// Native tests: the root clippy.toml guards what goes into the Wasm.
#![allow(clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sensetime_explainer::chart::ChartId;
use sensetime_explainer::data::schema;
use sensetime_explainer::host::embed::{parse_query, ScriptOptions};
use sensetime_explainer::host::messages::parse_pym;
use sensetime_explainer::host::query::percent_decode;
use sensetime_explainer::lang::Lang;
use sensetime_explainer::story::scroll::{active_step, parse_trigger};
use sensetime_explainer::story::steps::STEPS;

const FIGURES: &str = include_str!("../data/figures.json");

/// A script embed's options, as docs/embedding.md documents them for host pages.
const DOCUMENTED_OPTIONS: [&str; 4] = ["theme", "height", "lang", "currency"];

/// Percent-encodes every byte that is not unreserved, as a browser would in a query.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn known_chart() -> impl Strategy<Value = ChartId> {
    proptest::sample::select(ChartId::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_query_parses_or_explains_itself(query in ".{0,200}") {
        match parse_query(&query) {
            Ok(embed) => prop_assert!(ChartId::ALL.contains(&embed.chart)),
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert!(!e.message(Lang::ZH).is_empty());
            }
        }
    }

    #[test]
    fn queries_made_of_real_keys_and_junk_values_never_panic(
        keys in proptest::collection::vec(prop_oneof!["chart", "step", "theme", "lang", "currency", "childId", "initialWidth", "x"], 0..6),
        values in proptest::collection::vec(".{0,20}", 6),
    ) {
        let query: Vec<String> = keys.iter().zip(&values).map(|(k, v)| format!("{k}={}", encode(v))).collect();
        let _ = parse_query(&query.join("&"));
    }

    #[test]
    fn a_known_chart_with_any_theme_word_is_accepted_only_for_real_themes(chart in known_chart(), theme in "[a-z]{0,8}") {
        let result = parse_query(&format!("chart={}&theme={theme}", chart.id()));
        prop_assert_eq!(result.is_ok(), ["light", "dark", "auto"].contains(&theme.as_str()));
    }

    #[test]
    fn a_known_chart_with_any_language_word_is_accepted_only_for_real_languages(chart in known_chart(), lang in "[a-z]{0,8}") {
        let result = parse_query(&format!("chart={}&lang={lang}", chart.id()));
        prop_assert_eq!(result.is_ok(), ["en", "zh"].contains(&lang.as_str()));
        if let Err(e) = result {
            prop_assert!(e.to_string().contains("en or zh"));
            prop_assert!(!e.message(Lang::ZH).is_empty());
        }
    }

    #[test]
    fn a_known_chart_with_any_currency_word_is_accepted_only_for_real_currencies(chart in known_chart(), currency in "[a-z]{0,9}") {
        let result = parse_query(&format!("chart={}&currency={currency}", chart.id()));
        prop_assert_eq!(result.is_ok(), ["reported", "rmb", "usd"].contains(&currency.as_str()));
    }

    #[test]
    fn decoding_undoes_encoding(text in "\\PC{0,40}") {
        prop_assert_eq!(percent_decode(&encode(&text)), text);
    }

    #[test]
    fn decoding_never_panics(text in ".{0,100}") {
        let _ = percent_decode(&text);
    }

    #[test]
    fn pym_messages_never_panic(text in ".{0,100}") {
        if let Some((id, kind, value)) = parse_pym(&text) {
            prop_assert_eq!(["pym", id, kind, value].join("xPYMx"), text);
        }
    }

    /// Valid messages, made rather than hoped for: parts without a `P` cannot hold or make a
    /// separator, whatever else they hold.
    #[test]
    fn valid_pym_messages_round_trip(id in "[^P]{0,30}", kind in "[^P]{0,12}", value in "[^P]{0,30}") {
        let message = ["pym", &id, &kind, &value].join("xPYMx");
        prop_assert_eq!(parse_pym(&message), Some((id.as_str(), kind.as_str(), value.as_str())));
        // One more part is not a pym message.
        let longer = format!("{message}xPYMx{value}");
        prop_assert_eq!(parse_pym(&longer), None);
    }

    /// Names drawn from the documented options (written here by hand, not read from
    /// the code under test) and from misspellings of them.
    #[test]
    fn option_names_are_checked_exactly(
        names in proptest::collection::vec(prop_oneof![
            proptest::sample::select(DOCUMENTED_OPTIONS.to_vec()).prop_map(String::from),
            "[a-z]{1,8}",
            proptest::sample::select(DOCUMENTED_OPTIONS.to_vec()).prop_map(|n| n.to_uppercase()),
        ], 0..4),
    ) {
        let all_known = names.iter().all(|n| DOCUMENTED_OPTIONS.contains(&n.as_str()));
        prop_assert_eq!(ScriptOptions::check_names(&names).is_ok(), all_known);
    }

    #[test]
    fn trigger_fractions_are_strictly_inside_the_viewport(css in ".{0,16}") {
        if let Some(v) = parse_trigger(&css) {
            prop_assert!(v > 0.0 && v < 1.0);
        }
    }

    #[test]
    fn trigger_fractions_read_as_the_standard_parser_reads_them(digits in "[0-9]{1,9}", lead in "0?", pad in " {0,2}") {
        let css = format!("{pad}{lead}.{digits}{pad}");
        let std: f64 = css.trim().parse().expect("a decimal fraction");
        prop_assert_eq!(parse_trigger(&css), (std > 0.0).then_some(std));
    }

    #[test]
    fn the_active_step_is_the_last_one_above_the_line(
        mut tops in proptest::collection::vec(-5000.0f64..5000.0, 1..30),
        line in -6000.0f64..6000.0,
    ) {
        tops.sort_by(f64::total_cmp);
        let mut reads = 0;
        let active = active_step(tops.len(), |i| { reads += 1; tops[i] }, line).expect("there are steps");
        // A binary search: about log2(n) + 1 reads, never all of a long list.
        prop_assert!(reads <= tops.len().ilog2() as usize + 1, "{} reads of {}", reads, tops.len());
        prop_assert!(active < tops.len());
        if tops[active] <= line {
            prop_assert!(tops[active + 1..].iter().all(|&t| t > line));
        } else {
            prop_assert_eq!(active, 0);
            prop_assert!(tops.iter().all(|&t| t > line));
        }
    }

    #[test]
    fn any_text_as_a_figures_file_is_rejected_with_a_message(text in ".{0,300}") {
        if let Err(e) = schema::parse(&text) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn a_damaged_figures_file_fails_cleanly_naming_where(at in 0usize..FIGURES.len(), byte in any::<u8>()) {
        let mut bytes = FIGURES.as_bytes().to_vec();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            match schema::parse(&text) {
                Ok(figures) => prop_assert!(!figures.is_empty()),
                Err(e) => prop_assert!(e.to_string().starts_with("data/figures.json: `")),
            }
        }
    }
}

#[test]
fn every_step_id_round_trips_through_an_embed_query() {
    for step in STEPS {
        let embed = parse_query(&format!("step={}", encode(step.id))).expect("real steps parse");
        assert_eq!(embed.chart, step.chart);
    }
}
