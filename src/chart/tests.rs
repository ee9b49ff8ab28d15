//! Tests of every chart: figures, marks, words, tables and tooltips, in every locale.

use super::builder::Chart;
use super::id::{used_figures, ChartId};
use crate::data::figures::{self, Bound, Unit};
use crate::draw::scene::{Grow, Size, Slot};
use crate::draw::theme::LIGHT;
use crate::lang::Lang;
use crate::text::format;
use crate::text::locale::Locale;

/// English, money as reported: the explainer as it was first written.
const L: Locale = Locale {
    lang: Lang::EN,
    currency: Currency::Reported,
};

#[test]
fn ids_round_trip_and_are_unique() {
    for s in ChartId::ALL {
        assert_eq!(ChartId::from_id(s.id()), Some(s));
    }
    assert_eq!(ChartId::from_id("pie"), None);
    let mut ids: Vec<_> = ChartId::ALL.iter().map(|s| s.id()).collect();
    ids.dedup();
    assert_eq!(ids.len(), ChartId::ALL.len());
}

#[test]
fn every_chart_has_title_subtitle_source_and_marks() {
    for s in ChartId::ALL {
        let scene = s.scene(&LIGHT, &L);
        for key in ["title", "subtitle", "source"] {
            assert!(
                scene.text(key).is_some_and(|t| !t.is_empty()),
                "{} lacks {key}",
                s.id()
            );
        }
        // The peers panel says in words what the four companies share: the article has no
        // figures that tell them apart, and a grid of identical marks said nothing.
        assert!(
            !scene.bars.is_empty()
                || !scene.dots.is_empty()
                || !scene.units.is_empty()
                || s == ChartId::Peers,
            "{} draws nothing",
            s.id()
        );
    }
}

#[test]
fn every_chart_uses_only_known_figures_and_credits_their_sources() {
    for s in ChartId::ALL {
        let built = s.build(&LIGHT, &L);
        assert!(
            !built.used.is_empty() || !built.cited.is_empty(),
            "{} names no source",
            s.id()
        );
        let source = built.scene.text("source").unwrap().to_string();
        for id in &built.used {
            let f = figures::get(id).unwrap_or_else(|| panic!("{} uses unknown {id}", s.id()));
            assert!(
                source.contains(f.source.credit(Lang::EN))
                    || source.contains(f.source.short_credit(Lang::EN)),
                "{}: {source} lacks {:?}",
                s.id(),
                f.source
            );
        }
    }
}

#[test]
fn marks_stay_inside_the_plot_and_keys_are_unique() {
    for s in ChartId::ALL {
        let scene = s.scene(&LIGHT, &L);
        for b in &scene.bars {
            let r = b.rect;
            assert!(
                r.x0 >= 0.0 && r.x1 <= 1.0 && r.y0 >= 0.0 && r.y1 <= 1.0,
                "{}: {} at {r:?}",
                s.id(),
                b.key
            );
            assert!(
                r.x0 <= r.x1 && r.y0 <= r.y1,
                "{}: {} is inverted",
                s.id(),
                b.key
            );
        }
        for l in &scene.labels {
            if let Slot::Plot(x, y) = l.slot {
                assert!(
                    (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y),
                    "{}: {} at {x},{y}",
                    s.id(),
                    l.key
                );
            }
        }
        let mut keys: Vec<&str> = scene.bars.iter().map(|b| b.key.as_str()).collect();
        keys.extend(scene.labels.iter().map(|l| l.key.as_str()));
        keys.extend(scene.lines.iter().map(|l| l.key.as_str()));
        keys.extend(scene.dots.iter().map(|d| d.key.as_str()));
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "{} repeats a key", s.id());
    }
}

#[test]
fn hedged_figures_are_drawn_as_bounds_and_labelled_with_their_hedge() {
    let funding = ChartId::Funding.scene(&LIGHT, &L);
    assert_eq!(funding.bar("raised").unwrap().bound, Bound::Lower);
    assert_eq!(funding.text("raised-value"), Some("more than $3bn"));
    assert_eq!(funding.bar("ipo").unwrap().bound, Bound::Exact);
    let helmets = ChartId::Helmets.scene(&LIGHT, &L);
    assert_eq!(helmets.bar("helmet-before").unwrap().bound, Bound::Upper);
    assert_eq!(helmets.text("helmet-before-value"), Some("under 50%"));
    let mix = ChartId::RevenueMix.scene(&LIGHT, &L);
    assert_eq!(mix.bar("auto-share").unwrap().bound, Bound::Upper);
    assert_eq!(mix.text("auto-share-value"), Some("less than 5%"));
    assert_eq!(mix.text("rest-share-value"), Some("more than 55%"));
    assert_eq!(
        ChartId::Grants
            .scene(&LIGHT, &L)
            .bar("grants-2019")
            .unwrap()
            .bound,
        Bound::Approximate
    );
}

#[test]
fn bars_are_proportional_to_their_figures() {
    let mix = ChartId::RevenueMix.scene(&LIGHT, &L);
    let city = mix.bar("city-share").unwrap().rect;
    let rest = mix.bar("rest-share").unwrap().rect;
    assert!(((city.x1 - city.x0) / (rest.x1 - rest.x0) - 40.0 / 55.0).abs() < 1e-9);
    let helmets = ChartId::Helmets.scene(&LIGHT, &L);
    let b = helmets.bar("helmet-before").unwrap().rect;
    let a = helmets.bar("helmet-after").unwrap().rect;
    assert!(((b.y1 - b.y0) / (a.y1 - a.y0) - 50.0 / 94.0).abs() < 1e-9);
}

#[test]
fn the_key_numbers_are_on_their_charts() {
    let texts = |s: ChartId| {
        s.scene(&LIGHT, &L)
            .labels
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(texts(ChartId::RevenueMix).contains("Rmb3.4bn ($525m)"));
    assert!(texts(ChartId::Cities).contains("At least 500"));
    assert!(texts(ChartId::Cities).contains("119"));
    assert!(texts(ChartId::Detection).contains("86–96%"));
    assert!(texts(ChartId::Helmets).contains("17m"));
    assert!(texts(ChartId::Helmets).contains("more than half"));
    assert!(texts(ChartId::Megvii).contains("64%"));
    assert!(texts(ChartId::Mentions).contains("68"));
    assert!(texts(ChartId::Grants).contains("Rmb352.8m"));
    assert!(texts(ChartId::Grants).contains("about Rmb258m"));
    assert!(texts(ChartId::Customers).contains("about Rmb1.1bn"));
    assert!(texts(ChartId::RevenueMix).contains("about Rmb1.4bn"));
    assert!(texts(ChartId::Megvii).contains("February 2020"));
    assert!(texts(ChartId::Customers).contains("more than 2,400 customers"));
    assert!(texts(ChartId::Timeline).contains("2030"));
}

#[test]
fn every_chart_describes_itself_with_its_numbers_and_hedges() {
    for s in ChartId::ALL {
        let built = s.build(&LIGHT, &L);
        let text = built.description();
        assert!(
            text.starts_with(built.scene.text("title").unwrap()),
            "{text}"
        );
        assert!(built.points.len() >= 2, "{}: {text}", s.id());
        assert!(!text.contains(".."), "{text}");
    }
    let funding = ChartId::Funding.build(&LIGHT, &L).description();
    assert!(
        funding.contains("Raised from investors so far: more than $3bn"),
        "{funding}"
    );
    let helmets = ChartId::Helmets.build(&LIGHT, &L).description();
    assert!(
        helmets.contains("Before: under 50%") && helmets.contains("After: 94%"),
        "{helmets}"
    );
    let detection = ChartId::Detection.build(&LIGHT, &L).description();
    assert!(
        detection.contains("Drivers using phones: 86–96%"),
        "{detection}"
    );
}

#[test]
fn tables_list_each_figure_once_with_value_year_and_source() {
    let table = ChartId::Grants.build(&LIGHT, &L).table();
    let ids: Vec<_> = table.iter().map(|r| r.id).collect();
    assert_eq!(ids, ["grants_2019", "grants_2020", "grants_growth"]);
    assert_eq!(table[0].value, "about Rmb258m");
    assert_eq!(table[0].source, "our calculation");
    assert_eq!(table[1].year, Some(2020));
    let megvii = ChartId::Megvii.build(&LIGHT, &L).table();
    assert_eq!(megvii[1].value, "64%");
    for s in ChartId::ALL {
        let built = s.build(&LIGHT, &L);
        let mut distinct = built.used.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(
            built.table().len(),
            distinct.len() + built.facts.len(),
            "{}",
            s.id()
        );
        assert!(
            !built.table().is_empty(),
            "{} has an empty data table",
            s.id()
        );
    }
}

#[test]
fn titles_subtitles_and_source_lines_fit_a_phone() {
    // About 330 CSS px of plot on a 390 px phone: these lengths fit at their sizes.
    for s in ChartId::ALL {
        let scene = s.scene(&LIGHT, &L);
        for (key, most) in [("title", 32), ("subtitle", 46), ("source", 48)] {
            let text = scene.text(key).unwrap();
            assert!(
                text.chars().count() <= most,
                "{} {key} is too long for a phone: {text:?}",
                s.id()
            );
        }
    }
}

#[test]
fn the_grants_rise_sits_clear_of_the_2019_label() {
    let scene = ChartId::Grants.scene(&LIGHT, &L);
    let y = |key: &str| match scene.labels.iter().find(|l| l.key == key).unwrap().slot {
        Slot::Plot(_, y) => y,
        other => panic!("{key} is at {other:?}"),
    };
    assert!(y("grants-2019-value") - y("grants-rise") >= 0.1);
}

#[test]
fn the_revenue_mix_is_one_bar_of_100_percent_split_by_division() {
    let built = ChartId::RevenueMix.build(&LIGHT, &L);
    let scene = &built.scene;
    let whole = scene.bar("sales-2020").unwrap().rect;
    assert_eq!((whole.x0, whole.x1), (0.0, 1.0), "the whole spans the plot");
    // The parts tile the whole, in order, each as wide as its share, on the whole's line.
    let mut at = 0.0;
    for (key, id) in [
        ("city-share", "smart_city_share"),
        ("rest-share", "other_segments_share"),
        ("auto-share", "auto_share"),
    ] {
        let bar = scene.bar(key).unwrap();
        let f = figures::get(id).unwrap();
        assert!(
            (bar.rect.x0 - at).abs() < 1e-9,
            "{key} starts where the last ended"
        );
        assert!(
            (bar.rect.x1 - bar.rect.x0 - f.value / 100.0).abs() < 1e-9,
            "{key}"
        );
        assert_eq!((bar.rect.y0, bar.rect.y1), (whole.y0, whole.y1), "{key}");
        assert!(
            built.marks.contains(&(key.to_string(), id)),
            "{key} shows {id}"
        );
        at = bar.rect.x1;
    }
    assert!((at - 1.0).abs() < 1e-9, "the parts add up to the whole");
    // Each hedge drawn as a bound: Smart Auto's ceiling as a cap at its left edge, where the most
    // it could take ends; the rest, our calculation, in a dashed outline.
    let auto = scene.bar("auto-share").unwrap();
    assert_eq!((auto.bound, auto.grow), (Bound::Upper, Grow::Left));
    assert_eq!(scene.bar("rest-share").unwrap().bound, Bound::Approximate);
    assert_eq!(
        figures::get("other_segments_share").unwrap().source,
        figures::Source::Derived
    );
    assert_eq!(scene.bar("city-share").unwrap().bound, Bound::Exact);
    assert_eq!(
        scene.text("hedge-key"),
        Some("dashed cap: at most · dashed outline: our estimate")
    );
    // The key figure, large, beside its part.
    let value = scene
        .labels
        .iter()
        .find(|l| l.key == "city-share-value")
        .unwrap();
    assert_eq!((value.text.as_str(), value.size), ("40%", Size::Large));
}

#[test]
fn megvii_keeps_sensetimes_marks_from_the_revenue_mix_and_sets_its_own_beside_them() {
    let mix = ChartId::RevenueMix.scene(&LIGHT, &L);
    let customers = ChartId::Customers.scene(&LIGHT, &L);
    let megvii = ChartId::Megvii.build(&LIGHT, &L);
    // The marks Megvii's chart compares with, SenseTime's whole of 2020 sales and its Smart City
    // part, are the revenue mix's: the same keys, as long on the same scale, in the same colour.
    for key in ["sales-2020", "city-share"] {
        let (a, b) = (mix.bar(key).unwrap(), megvii.scene.bar(key).unwrap());
        assert_eq!((a.rect.x0, a.rect.x1), (b.rect.x0, b.rect.x1), "{key}");
        assert_eq!((a.colour, a.bound), (b.colour, b.bound), "{key}");
    }
    assert_eq!(
        mix.text("city-share-value"),
        megvii.scene.text("city-share-value"),
        "40% moves with its part"
    );
    // The customers chart splits the same whole.
    let whole = customers.bar("sales-2020").unwrap().rect;
    assert_eq!((whole.x0, whole.x1), (0.0, 1.0));
    // Moved aside: up, to make room for Megvii's bar below, on the same scale.
    let (st, mv) = (
        megvii.scene.bar("city-share").unwrap().rect,
        megvii.scene.bar("megvii-share").unwrap().rect,
    );
    assert!(st.y0 < mix.bar("city-share").unwrap().rect.y0);
    assert!(mv.y0 > st.y1);
    let (ours, theirs) = (
        figures::get("smart_city_share").unwrap().value,
        figures::get("megvii_smart_city_share").unwrap().value,
    );
    assert!(((mv.x1 - mv.x0) / (st.x1 - st.x0) - theirs / ours).abs() < 1e-9);
    // SenseTime's 40% carried down across Megvii's bar, over the marks.
    let level = megvii
        .scene
        .lines
        .iter()
        .find(|l| l.key == "sensetime-level")
        .unwrap();
    assert_eq!((level.from, level.to), ((st.x1, mv.y0), (st.x1, mv.y1)));
    assert!(level.dashed && level.over);
    let megvii_whole = megvii.scene.bar("megvii-revenue-2020").unwrap().rect;
    assert_eq!((megvii_whole.x0, megvii_whole.x1), (0.0, 1.0));
    // What the two shares measure differs, and the chart says so.
    let note = megvii.scene.text("megvii-note").unwrap();
    assert!(note.starts_with("Not the same measure"), "{note}");
    assert!(megvii
        .scene
        .text("subtitle")
        .unwrap()
        .contains("sales or revenue"));
}

/// The numbers written in `text`, each with its unit's multiplier applied: "Rmb3.4bn" is
/// 3.4e9, "2,400" is 2400, "3.528亿元" is 3.528e8, "40%" is 40.
fn numbers_in(text: &str) -> Vec<f64> {
    format::number_spans(text)
        .into_iter()
        .map(|span| {
            // By hand, as the crate parses numbers (clippy.toml): whole digits, then a fraction's.
            let (mut value, mut place) = (0.0, 0.0);
            for c in text[span.clone()].chars() {
                match c.to_digit(10) {
                    Some(d) if place > 0.0 => {
                        value += f64::from(d) * place;
                        place /= 10.0;
                    }
                    Some(d) => value = value * 10.0 + f64::from(d),
                    None if c == '.' => place = 0.1,
                    None => {}
                }
            }
            let rest = &text[span.end..];
            let times = if rest.starts_with("bn") {
                1e9
            } else if rest.starts_with('m') {
                1e6
            } else if rest.starts_with('亿') {
                1e8
            } else if rest.starts_with('万') {
                1e4
            } else {
                1.0
            };
            value * times
        })
        .collect()
}

#[test]
fn every_annotation_says_the_number_of_the_figure_its_mark_draws() {
    assert_eq!(numbers_in("about Rmb1.4bn"), [1.4e9]);
    assert_eq!(numbers_in("more than 2,400 customers"), [2400.0]);
    assert_eq!(numbers_in("2019年：约2.58亿元"), [2019.0, 2.58e8]);
    let near = |a: f64, b: f64| (a - b).abs() <= b.abs() * 0.01;
    let mut checked = 0;
    for lang in Lang::ALL {
        for chart in ChartId::ALL {
            let built = chart.build(&LIGHT, &locale(lang, Currency::Reported));
            // A mark's value (or, for a count, its heading) states the figure the mark draws.
            for (key, id) in &built.marks {
                let f = figures::get(id).unwrap();
                for label in [format!("{key}-value"), format!("{key}-cat")] {
                    let Some(text) = built.scene.text(&label) else {
                        continue;
                    };
                    let numbers = numbers_in(text);
                    let is_value = label.ends_with("-value");
                    if numbers.is_empty() && is_value {
                        // In words ("almost a third"): the figure's hedge is in them.
                        assert_eq!(f.id, "top5_customers_share", "{label}: {text:?}");
                        continue;
                    }
                    if is_value || built.scene.units.iter().any(|u| &u.key == key) {
                        assert!(
                            numbers.iter().any(|&n| near(n, f.value)),
                            "{} {lang:?}: {label} {text:?} does not say {id} ({})",
                            chart.id(),
                            f.value
                        );
                        checked += 1;
                    }
                }
            }
            // Every number in large type on the plot is one of the chart's figures.
            for label in built.scene.labels.iter().filter(|l| l.size == Size::Large) {
                if !matches!(label.slot, Slot::Plot(..)) {
                    continue;
                }
                for n in numbers_in(&label.text) {
                    let ok = built
                        .used
                        .iter()
                        .any(|id| near(n, figures::get(id).unwrap().value));
                    assert!(
                        ok,
                        "{} {lang:?}: {} {:?}",
                        chart.id(),
                        label.key,
                        label.text
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 60, "{checked} annotations checked");
}

#[test]
fn a_key_shared_by_two_charts_stands_for_one_quantity() {
    // The figures that are one quantity: 2020 sales as the article rounds it, in its dollars,
    // and as the filing gives it.
    const SALES_2020: [&str; 3] = ["revenue_2020", "revenue_2020_usd", "revenue_2020_filing"];
    let quantity = |id: &'static str| {
        if SALES_2020.contains(&id) {
            SALES_2020[0]
        } else {
            id
        }
    };
    let mut seen: Vec<(String, &'static str, &'static str)> = Vec::new();
    for chart in ChartId::ALL {
        let built = chart.build(&LIGHT, &L);
        for (key, id) in &built.marks {
            for (other_key, other_chart, other_id) in &seen {
                assert!(
                    other_key != key || quantity(other_id) == quantity(id),
                    "{key} draws {id} on {} but {other_id} on {other_chart}",
                    chart.id()
                );
            }
            seen.push((key.clone(), chart.id(), id));
        }
    }
    // SenseTime's 2020 sales: one key across the charts that draw them.
    let drawn: Vec<&str> = ChartId::ALL
        .into_iter()
        .filter(|c| c.scene(&LIGHT, &L).bar("sales-2020").is_some())
        .map(ChartId::id)
        .collect();
    assert_eq!(
        drawn,
        [
            "funding",
            "peers",
            "revenue-trend",
            "revenue-mix",
            "customers",
            "megvii"
        ]
    );
}

#[test]
fn charts_cover_most_of_the_data() {
    let used = used_figures();
    let unused: Vec<_> = figures::all()
        .iter()
        .map(|f| f.id)
        .filter(|id| !used.contains(id))
        .collect();
    // Revenue in dollars and the filing's 2020 total appear in text; the exchange rate in the notes.
    assert!(unused.len() <= 3, "figures no chart shows: {unused:?}");
}

use crate::text::money::Currency;

fn locale(lang: Lang, currency: Currency) -> Locale {
    Locale { lang, currency }
}

/// Every chart in every language and currency mode, built for the story in the light theme.
pub(super) fn everything() -> Vec<(ChartId, Locale, Chart)> {
    ChartId::ALL
        .into_iter()
        .flat_map(|s| Locale::all().map(|l| (s, l, s.build(&LIGHT, &l))))
        .collect()
}

/// Everything a reader of a chart sees or hears: its labels, points, table and tooltips.
fn all_words(built: &Chart) -> Vec<String> {
    let mut words: Vec<String> = built.scene.labels.iter().map(|l| l.text.clone()).collect();
    words.extend(built.points.iter().cloned());
    words.push(built.description());
    for row in built.table() {
        words.extend([row.label.to_string(), row.value, row.source.to_string()]);
        words.extend(row.converted);
    }
    words.extend(built.marks.iter().filter_map(|(k, _)| built.tooltip(k)));
    words
}

#[test]
fn every_chart_builds_in_every_locale_with_its_parts() {
    for (s, l, built) in everything() {
        for key in ["title", "subtitle", "source"] {
            assert!(
                built.scene.text(key).is_some_and(|t| !t.is_empty()),
                "{} {l:?} lacks {key}",
                s.id()
            );
        }
        assert!(built.points.len() >= 2, "{} {l:?}", s.id());
        let text = built.description();
        assert!(text.starts_with(built.scene.text("title").unwrap()));
        assert!(!text.contains("..") && !text.contains("。。"), "{text}");
        // The same marks in every locale: a language or currency switch moves nothing.
        let plain = s.scene(&LIGHT, &L);
        assert_eq!(built.scene.bars, plain.bars, "{} {l:?}", s.id());
        assert_eq!(built.scene.dots, plain.dots, "{} {l:?}", s.id());
        assert_eq!(built.scene.units, plain.units, "{} {l:?}", s.id());
        for (key, id) in &built.marks {
            assert!(
                plain.bar(key).is_some()
                    || plain.dots.iter().any(|d| &d.key == key)
                    || plain.units.iter().any(|u| &u.key == key),
                "{}: mark {key} is not drawn",
                s.id()
            );
            assert!(
                built.used.contains(id),
                "{}: {key} shows unused {id}",
                s.id()
            );
        }
    }
}

#[test]
fn chinese_charts_have_no_english_words_left() {
    // Proper nouns and units we keep in Latin letters on purpose: IPO, as the Chinese press
    // writes it. (AI, FT and H1 are under three letters.)
    const KEPT: [&str; 1] = ["IPO"];
    for (s, l, built) in everything() {
        if l.lang != Lang::ZH {
            continue;
        }
        for text in all_words(&built) {
            let mut run = String::new();
            for ch in text.chars().chain([' ']) {
                if ch.is_ascii_alphabetic() {
                    run.push(ch);
                    continue;
                }
                assert!(
                    run.len() < 3 || KEPT.contains(&run.as_str()),
                    "{} {l:?}: English {run:?} in {text:?}",
                    s.id()
                );
                run.clear();
            }
        }
    }
}

#[test]
fn headers_source_lines_and_footnotes_fit_a_phone_in_both_languages() {
    // As the English test above, counting a CJK character as two Latin ones.
    for (s, l, built) in everything() {
        for (key, most) in [
            ("title", 32),
            ("subtitle", 46),
            ("source", 48),
            ("fx-note", 48),
        ] {
            if let Some(text) = built.scene.text(key) {
                assert!(
                    format::width(text) <= most,
                    "{} {l:?} {key} is too wide for a phone: {text:?}",
                    s.id()
                );
            }
        }
    }
}

#[test]
fn money_follows_the_currency_mode_and_conversions_are_noted() {
    for (s, l, built) in everything() {
        let labels: Vec<&str> = built
            .scene
            .labels
            .iter()
            // The footnote and subtitle name the currency converted from, on purpose.
            .filter(|x| x.key != "fx-note" && x.key != "subtitle")
            .map(|x| x.text.as_str())
            .collect();
        let (other, name) = match l.currency {
            Currency::Reported => continue,
            Currency::Rmb => (l.lang.pick("$", "美元"), "dollars"),
            // 元 not as part of 美元: renminbi.
            Currency::Usd => (l.lang.pick("Rmb", "元"), "renminbi"),
        };
        for text in &labels {
            let rest = text.replace("美元", "");
            let hit = if other == "元" {
                rest.contains(other)
            } else {
                text.contains(other)
            };
            assert!(!hit, "{} {l:?}: {name} left in {text:?}", s.id());
        }
        let noted = built.scene.text("fx-note").is_some();
        assert_eq!(noted, built.converted, "{} {l:?}", s.id());
        if built.converted {
            assert!(built.description().contains("6.5"), "{}", s.id());
            assert!(
                built
                    .description()
                    .contains(l.lang.pick("not a market rate", "并非市场汇率")),
                "{}",
                s.id()
            );
            assert!(built.table().iter().any(|r| r.id == "rmb_per_usd"));
        }
    }
    // Money charts change their words, and only their words.
    for (chart, key) in [
        (ChartId::Funding, "raised-value"),
        (ChartId::RevenueTrend, "rev-0-value"),
        (ChartId::Grants, "grants-2020-value"),
        (ChartId::Customers, "cust-note"),
        (ChartId::RevenueMix, "mix-note"),
    ] {
        for lang in Lang::ALL {
            let texts: Vec<String> = Currency::ALL
                .iter()
                .map(|c| {
                    chart
                        .scene(&LIGHT, &locale(lang, *c))
                        .text(key)
                        .unwrap()
                        .to_string()
                })
                .collect();
            let changed = texts[1] != texts[0] || texts[2] != texts[0];
            assert!(changed, "{} {key}: {texts:?}", chart.id());
        }
    }
    let rmb = ChartId::Funding.scene(&LIGHT, &locale(Lang::EN, Currency::Rmb));
    assert_eq!(
        rmb.text("raised-value"),
        Some("more than Rmb19bn, converted")
    );
    assert_eq!(rmb.text("ipo-value"), Some("≈Rmb13bn"));
    assert_eq!(
        rmb.text("subtitle"),
        Some("Renminbi, converted from US dollars")
    );
    assert_eq!(
        rmb.text("fx-note"),
        Some("Converted at Rmb6.5/$ (FT: Rmb3.4bn = $525m)")
    );
    let usd = ChartId::RevenueTrend.scene(&LIGHT, &locale(Lang::ZH, Currency::Usd));
    assert_eq!(usd.text("rev-0-value"), Some("≈2.9亿美元"));
    assert_eq!(usd.text("rev-h0-value"), Some("≈1.3亿美元"));
    assert_eq!(
        usd.text("subtitle"),
        Some("营收（美元，同一汇率折算），两组各用其刻度")
    );
    // The two 2020 totals in dollars are told apart on the chart.
    assert_eq!(
        usd.text("trend-note"),
        Some("2020年为招股书总额，非《金融时报》的5.25亿美元")
    );
    let zh = ChartId::Grants.scene(&LIGHT, &locale(Lang::ZH, Currency::Reported));
    assert_eq!(zh.text("grants-2020-value"), Some("3.528亿元"));
    assert_eq!(zh.text("grants-2019-value"), Some("约2.58亿元"));
    // The article gives sales in both currencies: each mode shows a sourced one, unconverted.
    for (currency, want) in [
        (
            Currency::Reported,
            "SenseTime's 2020 sales, Rmb3.4bn ($525m)",
        ),
        (Currency::Rmb, "SenseTime's 2020 sales, Rmb3.4bn"),
        (Currency::Usd, "SenseTime's 2020 sales, $525m"),
    ] {
        let mix = ChartId::RevenueMix.scene(&LIGHT, &locale(Lang::EN, currency));
        assert_eq!(mix.text("subtitle"), Some(want));
    }
}

#[test]
fn tables_keep_the_sourced_value_beside_a_conversion() {
    for s in ChartId::ALL {
        for lang in Lang::ALL {
            let sourced = s.build(&LIGHT, &locale(lang, Currency::Reported)).table();
            assert!(sourced.iter().all(|r| r.converted.is_none()));
            for currency in [Currency::Rmb, Currency::Usd] {
                let table = s.build(&LIGHT, &locale(lang, currency)).table();
                for row in &sourced {
                    let same = table
                        .iter()
                        .find(|r| r.id == row.id && r.label == row.label);
                    let same = same.unwrap_or_else(|| panic!("{}: {} dropped", s.id(), row.id));
                    assert_eq!(same.value, row.value, "{} {currency:?}", s.id());
                    let f = figures::get(row.id);
                    let foreign = f.is_some_and(|f| {
                        matches!(
                            (f.unit, currency),
                            (Unit::Usd, Currency::Rmb) | (Unit::Rmb, Currency::Usd)
                        )
                    });
                    assert_eq!(same.converted.is_some(), foreign, "{} {}", s.id(), row.id);
                }
            }
        }
    }
    let grants = ChartId::Grants
        .build(&LIGHT, &locale(Lang::EN, Currency::Usd))
        .table();
    assert_eq!(grants[1].value, "Rmb352.8m");
    assert_eq!(grants[1].converted.as_deref(), Some("about $54m"));
    assert_eq!(grants[3].id, "rmb_per_usd");
    assert_eq!(grants[3].value, "about Rmb6.5 per $");
    let zh = ChartId::Funding
        .build(&LIGHT, &locale(Lang::ZH, Currency::Rmb))
        .table();
    assert_eq!(zh[0].label, "向投资者融资总额");
    assert_eq!(zh[0].value, "超过30亿美元");
    assert_eq!(zh[0].converted.as_deref(), Some("折合超过190亿元"));
    assert_eq!(zh[0].source, "英国《金融时报》（2021年）");
}

#[test]
fn tooltips_say_what_the_marks_labels_do_not() {
    let tip = |chart: ChartId, l: Locale, key: &str| chart.build(&LIGHT, &l).tooltip(key);
    let en = L;
    // The bar says "more than $3bn": the tooltip names the figure and its source.
    assert_eq!(
        tip(ChartId::Funding, en, "raised").as_deref(),
        Some("Raised from investors · Source: Financial Times (2021)")
    );
    // The bar says "more than Rmb19bn, converted": the tooltip gives the figure as sourced.
    assert_eq!(
            tip(ChartId::Funding, locale(Lang::EN, Currency::Rmb), "raised").as_deref(),
            Some("Raised from investors: more than $3bn (more than the equivalent of Rmb19bn) · Source: Financial Times (2021)")
        );
    assert_eq!(
        tip(ChartId::Grants, en, "grants-2020").as_deref(),
        Some("Government grants received · Source: Financial Times (2021)")
    );
    // The bar says "折合超过190亿元", the conversion itself: the tooltip, the figure as sourced.
    assert_eq!(
        tip(ChartId::Funding, locale(Lang::ZH, Currency::Rmb), "raised").as_deref(),
        Some("向投资者融资总额：超过30亿美元 · 资料来源：英国《金融时报》（2021年）")
    );
    // The column says "Rmb3.45bn" over "2020": the tooltip gives the filing's exact figure.
    assert_eq!(
        tip(ChartId::RevenueTrend, en, "sales-2020").as_deref(),
        Some("Revenue 2020: Rmb3,446.2m · Source: SenseTime IPO filing (HKEX, Aug 2021)")
    );
    // The column rounds its value as its panel's scale does: the tooltip gives it as filed, and
    // no year, which the column's own label says.
    assert_eq!(
        tip(
            ChartId::RevenueTrend,
            locale(Lang::ZH, Currency::Reported),
            "rev-h0"
        )
        .as_deref(),
        Some("2020年上半年营收：8.612亿元 · 资料来源：商汤香港招股书（2021年8月）")
    );
    // A dated event shows its year; one drawn beside another's year does not.
    assert_eq!(
        tip(ChartId::Timeline, en, "event-1").as_deref(),
        Some("SenseTime blacklisted by the US · Source: Financial Times (2021)")
    );
    assert_eq!(
        tip(ChartId::Timeline, en, "event-2").as_deref(),
        Some("Abu Dhabi research hub opens: 2019 · Source: Financial Times (2021)")
    );
    // The range band is labelled by its row's "86–96%".
    assert_eq!(
        tip(ChartId::Detection, en, "phone-range").as_deref(),
        Some("Accuracy spotting drivers on phones, high end · Source: Financial Times (2021)")
    );
    // Marks that show no figure have no tooltip.
    assert_eq!(tip(ChartId::Customers, en, "sales-2020"), None);
    assert_eq!(tip(ChartId::Peers, en, "peer-0-0"), None);
    assert_eq!(tip(ChartId::Funding, en, "nothing"), None);
}

#[test]
fn every_figure_shown_on_a_bar_has_a_tooltip() {
    for (s, l, built) in everything() {
        // Every bar a reader can point at (a faint one, such as the whole of a 100% bar, which
        // is the rest rather than a figure, cannot be: `hit`).
        for bar in built.scene.bars.iter().filter(|b| b.colour.a > 0.5) {
            let shows = built.marks.iter().any(|(k, _)| k == &bar.key);
            // The detection chart's tracks are the whole a bar is part of, not a figure.
            assert!(
                shows || bar.key.ends_with("-track"),
                "{} {l:?}: bar {} has no figure",
                s.id(),
                bar.key
            );
            if shows {
                assert!(built.tooltip(&bar.key).is_some_and(|t| !t.is_empty()));
            }
        }
    }
}

#[test]
fn amounts_compared_on_the_revenue_trend_share_one_unit() {
    let label = |lang, currency, key: &str| {
        let locale = Locale { lang, currency };
        let scene = ChartId::RevenueTrend.scene(&LIGHT, &locale);
        scene.text(key).unwrap().to_string()
    };
    // The first halves take the full years' billions, not millions of their own.
    let en: Vec<String> = ["rev-0-value", "rev-h0-value", "rev-h1-value"]
        .iter()
        .map(|k| label(Lang::EN, Currency::Reported, k))
        .collect();
    assert_eq!(en, ["Rmb1.85bn", "Rmb0.86bn", "Rmb1.65bn"]);
    let zh: Vec<String> = ["rev-0-value", "rev-h0-value", "rev-h1-value"]
        .iter()
        .map(|k| label(Lang::ZH, Currency::Reported, k))
        .collect();
    assert_eq!(zh, ["18.5亿元", "8.6亿元", "16.5亿元"]);
    // Converted, all in millions of dollars.
    assert_eq!(label(Lang::EN, Currency::Usd, "rev-h0-value"), "≈$130m");
    assert_eq!(label(Lang::EN, Currency::Usd, "sales-2020-value"), "≈$530m");
    // Elsewhere an amount keeps its own unit.
    assert_eq!(
        ChartId::Grants.scene(&LIGHT, &L).text("grants-2020-value"),
        Some("Rmb352.8m")
    );
}

#[test]
fn counts_are_drawn_as_as_many_marks_as_their_figures_say() {
    use crate::draw::layout::{unit_bounds, unit_side, Layout};
    let count = |chart: ChartId, key: &str| {
        let scene = chart.scene(&LIGHT, &L);
        let units = scene.units.iter().find(|u| u.key == key).cloned();
        units.unwrap_or_else(|| panic!("{}: no marks {key}", chart.id()))
    };
    for (chart, key, id) in [
        (ChartId::Cities, "cities-tried", "cities_tried"),
        (ChartId::Cities, "cities-ours", "sensetime_cities"),
        (
            ChartId::Mentions,
            "mention-driving",
            "autonomous_driving_mentions",
        ),
        (ChartId::Mentions, "mention-facial", "facial_data_mentions"),
    ] {
        let f = figures::get(id).unwrap();
        let units = count(chart, key);
        assert_eq!(units.count, f.value, "{key}: one mark per {id}");
        assert_eq!(
            units.open,
            f.bound() == Bound::Lower,
            "{key}: open only if \"at least\""
        );
    }
    assert!(
        count(ChartId::Cities, "cities-tried").open,
        "at least 500: an open end"
    );
    // Both fields of a chart use one square size, so their areas compare as their counts do.
    for chart in [ChartId::Cities, ChartId::Mentions] {
        let scene = chart.scene(&LIGHT, &L);
        for (w, h) in [(374.0, 416.0), (824.0, 502.0)] {
            let layout = Layout::for_scene(&scene, w, h, 1.0);
            let side = unit_side(&scene, &layout);
            assert!(
                side >= 3.0,
                "{} at {w}x{h}: squares of {side:.1} px",
                chart.id()
            );
            for units in &scene.units {
                let b = unit_bounds(units, side, &layout);
                assert!(b.y1 <= layout.plot.y1 + 0.5 && b.x1 <= layout.plot.x1 + 0.5);
            }
        }
    }
}

#[test]
fn the_first_halves_have_their_own_panel_and_say_how_much_they_grew() {
    let scene = ChartId::RevenueTrend.scene(&LIGHT, &L);
    let h1_2020 = figures::get("revenue_h1_2020").unwrap().value;
    let h1_2021 = figures::get("revenue_h1_2021").unwrap().value;
    // 1.65bn on 0.86bn: 1.92 times, which the heading puts as the article would.
    assert!((1.75..2.0).contains(&(h1_2021 / h1_2020)));
    assert_eq!(
        scene.text("halves-head"),
        Some("First halves: nearly doubled")
    );
    let zh = ChartId::RevenueTrend.scene(
        &LIGHT,
        &Locale {
            lang: Lang::ZH,
            ..L
        },
    );
    assert_eq!(zh.text("halves-head"), Some("上半年：近乎翻倍"));
    // The connector carries the first half of 2020's level across, over the bars.
    let level = scene.bar("rev-h0").unwrap().rect.y0;
    let connector = scene
        .lines
        .iter()
        .find(|l| l.key == "halves-connector")
        .unwrap();
    assert!(connector.over && connector.dashed);
    assert_eq!((connector.from.1, connector.to.1), (level, level));
    // Their own scale: the first half of 2021 stands taller than it would beside 2020.
    let (y2020, h2021) = (
        scene.bar("sales-2020").unwrap().rect,
        scene.bar("rev-h1").unwrap().rect,
    );
    let height = |r: crate::draw::scene::Rect| r.y1 - r.y0;
    let shared_scale = height(y2020) * h1_2021 / figures::get("revenue_2020_filing").unwrap().value;
    assert!(height(h2021) > shared_scale * 1.5);
}

#[test]
fn the_currency_control_is_offered_only_beside_money() {
    let money: Vec<&str> = ChartId::ALL
        .into_iter()
        .filter(|c| c.build(&LIGHT, &L).shows_money())
        .map(ChartId::id)
        .collect();
    assert_eq!(
        money,
        [
            "funding",
            "revenue-trend",
            "revenue-mix",
            "customers",
            "grants",
            "ties"
        ]
    );
}

#[test]
fn the_timeline_spaces_years_by_time_and_cuts_long_gaps_short() {
    let scene = ChartId::Timeline.scene(&LIGHT, &L);
    let y = |i: usize| {
        scene
            .dots
            .iter()
            .find(|d| d.key == format!("event-{i}"))
            .unwrap()
            .at
            .1
    };
    // Events 1 and 2 share 2019: one place. 2019 to 2022 (events 1, 3, 4, 5): a year a step.
    assert_eq!(y(1), y(2));
    let step = y(3) - y(1);
    assert!(((y(4) - y(3)) - step).abs() < 1e-9 && ((y(5) - y(4)) - step).abs() < 1e-9);
    // 2008 to 2019 and 2022 to 2030 are cut short, and drawn dashed.
    assert!(y(1) - y(0) < 11.0 * step && y(6) - y(5) < 8.0 * step);
    let dashed: Vec<bool> = scene.lines.iter().map(|l| l.dashed).collect();
    assert_eq!(dashed, [true, false, false, false, true]);
    assert_eq!(scene.text("event-2-year"), None, "2019 is written once");
}
