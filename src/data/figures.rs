//! Every number the explainer shows: the article's (compiled in from `data/figures.json`) and those we derive from them.

use serde::Serialize;

pub use crate::data::schema::{Bound, Hedge, Source, Unit};

use crate::lang::Lang;

/// One sourced number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub id: &'static str,
    /// In base units: whole yuan or dollars, percent (40% is 40), a count or a year.
    pub value: f64,
    pub unit: Unit,
    pub hedge: Option<Hedge>,
    /// The year the figure refers to, where one applies.
    pub year: Option<u16>,
    pub label: &'static str,
    /// The label in Simplified Chinese.
    pub label_zh: &'static str,
    pub source: Source,
    /// Computed by us from other figures, not stated anywhere.
    pub derived: bool,
    /// Context, or for a derived figure how it was computed.
    pub note: Option<&'static str>,
}

/// `{id, value, unit, hedge, year, label, label_zh, source, derived, note}`, the one shape of a
/// figure outside Rust: `data/figures.json` (serde_json) and `figures()` in the page
/// (serde-wasm-bindgen). Written as a map of plain values (units, hedges and sources by their
/// names in the data file) rather than derived: a derived struct and its enums would go through
/// serde-wasm-bindgen's field-name cache, a hash map the Wasm would carry for this alone.
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("value", &self.value)?;
        map.serialize_entry("unit", self.unit.name())?;
        map.serialize_entry("hedge", &self.hedge.map(Hedge::words))?;
        map.serialize_entry("year", &self.year)?;
        map.serialize_entry("label", self.label)?;
        map.serialize_entry("label_zh", self.label_zh)?;
        map.serialize_entry("source", self.source.id())?;
        map.serialize_entry("derived", &self.derived)?;
        map.serialize_entry("note", &self.note)?;
        map.end()
    }
}

impl Figure {
    /// How the stated number relates to the truth.
    pub fn bound(&self) -> Bound {
        self.hedge.map_or(Bound::Exact, Hedge::bound)
    }

    /// The label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.label, self.label_zh)
    }
}

impl Source {
    /// The credit printed under a chart.
    pub fn credit(self, lang: Lang) -> &'static str {
        match self {
            Source::Ft => lang.pick("Financial Times (2021)", "英国《金融时报》（2021年）"),
            Source::Prospectus => lang.pick(
                "SenseTime IPO filing (HKEX, Aug 2021)",
                "商汤香港招股书（2021年8月）",
            ),
            Source::Derived => lang.pick("our calculation", "本项目计算"),
        }
    }

    /// The credit under a chart that stands alone (an embed, a chart's own page, a PNG), where
    /// "our calculation" would read as the host's: it says whose calculation it is.
    pub fn credit_alone(self, lang: Lang) -> &'static str {
        match self {
            Source::Derived => lang.pick(
                "calculation by the SenseTime explainer team",
                "商汤解读项目组计算",
            ),
            other => other.credit(lang),
        }
    }

    /// The credit in fewest words, for a line naming several sources.
    pub fn short_credit(self, lang: Lang) -> &'static str {
        match self {
            Source::Ft => lang.pick("FT (2021)", "《金融时报》"),
            Source::Prospectus => lang.pick("SenseTime IPO filing", "商汤招股书"),
            Source::Derived => lang.pick("our calculation", "本项目计算"),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/figures.rs"));

/// An article figure by id.
///
/// # Panics
/// If no such figure exists; ids used in code are checked by the tests, so this is a bug.
pub fn article(id: &str) -> Figure {
    ARTICLE
        .iter()
        .find(|f| f.id == id)
        .copied()
        .unwrap_or_else(|| panic!("figure \"{id}\" should be in data/figures.json"))
}

/// `value` to the nearest multiple of `step`: a derived figure no more precise than its inputs.
fn to_nearest(value: f64, step: f64) -> f64 {
    (value / step).round() * step
}

/// Figures we compute from the article's, with how.
pub fn derived() -> [Figure; 5] {
    let grants_2020 = article("grants_2020");
    let growth = article("grants_growth");
    let sales_rmb = article("revenue_2020");
    let sales_usd = article("revenue_2020_usd");
    let top5 = article("top5_customers_share");
    let city = article("smart_city_share");
    let auto = article("auto_share");
    [
        Figure {
            id: "grants_2019",
            // To the nearest million (three significant figures): the 37% rise is itself rounded.
            value: to_nearest(grants_2020.value / (1.0 + growth.value / 100.0), 1e6),
            unit: Unit::Rmb,
            hedge: Some(Hedge::About),
            year: Some(2019),
            label: "Government grants received",
            label_zh: "获得的政府补助",
            source: Source::Derived,
            derived: true,
            note: Some("Rmb352.8m (2020) divided by 1.37, for the 37% increase; because that percentage is rounded, so is the result, to about Rmb258m."),
        },
        Figure {
            id: "rmb_per_usd",
            value: sales_rmb.value / sales_usd.value,
            unit: Unit::RmbPerUsd,
            hedge: Some(Hedge::About),
            // Not a market rate for any one year: the article's own conversion, used for every year.
            year: None,
            label: "The article's conversion rate, used for every year",
            label_zh: "报道所用的换算汇率（各年通用）",
            source: Source::Derived,
            derived: true,
            note: Some("From the article's Rmb3.4bn of 2020 sales given as $525m: about Rmb6.5 per dollar, as Rmb3.4bn has two significant figures. Not a market rate; every year is converted at it."),
        },
        Figure {
            id: "top5_customers_rmb",
            // To the nearest Rmb100m (two significant figures), like the Rmb3.4bn it is a share of.
            value: to_nearest(sales_rmb.value * top5.value / 100.0, 1e8),
            unit: Unit::Rmb,
            hedge: Some(Hedge::About),
            year: Some(2020),
            label: "Sales to the five largest customers",
            label_zh: "对前五大客户的销售额",
            source: Source::Derived,
            derived: true,
            note: Some("A share the article gives only as almost a third, of a total it rounds to Rmb3.4bn: about Rmb1.1bn, an approximation."),
        },
        Figure {
            id: "smart_city_rmb",
            value: to_nearest(sales_rmb.value * city.value / 100.0, 1e8),
            unit: Unit::Rmb,
            hedge: Some(Hedge::About),
            year: Some(2020),
            label: "Smart City sales",
            label_zh: "智慧城市业务销售额",
            source: Source::Derived,
            derived: true,
            note: Some("40% of Rmb3.4bn of 2020 sales; both are rounded, so about Rmb1.4bn."),
        },
        Figure {
            id: "other_segments_share",
            value: 100.0 - city.value - auto.value,
            unit: Unit::Percent,
            hedge: Some(Hedge::MoreThan),
            year: Some(2020),
            label: "Smart Business and Smart Life share of sales",
            label_zh: "智慧商业与智慧生活业务占销售额比重",
            source: Source::Derived,
            derived: true,
            note: Some("What is left after Smart City (40%) and Smart Auto (less than 5%): a floor of 55%, but only as firm as the rounded 40% it rests on."),
        },
    ]
}

/// Every figure, the article's first, then the derived ones.
pub fn all() -> Vec<Figure> {
    ARTICLE.iter().copied().chain(derived()).collect()
}

/// Any figure, article or derived, by id.
pub fn get(id: &str) -> Option<Figure> {
    ARTICLE
        .iter()
        .copied()
        .find(|f| f.id == id)
        .or_else(|| derived().into_iter().find(|f| f.id == id))
}

// Parsing JSON is native-only, like `parse` itself.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::schema;

    const FILE: &str = include_str!("../../data/figures.json");

    /// A figure written out (`data/figures.json` in dist, `figures()` in the page) reads back as
    /// the data file's own records do: units, hedges and sources by the names serde reads, every
    /// field present, absent ones `null`.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn figures_write_out_as_the_data_file_reads() {
        for figure in all() {
            let json = serde_json::to_value(figure).unwrap();
            // In this order (serde_json's Value sorts its keys, so read the text).
            let text = serde_json::to_string(&figure).unwrap();
            let at = |field: &str| text.find(&format!("\"{field}\":")).expect(field);
            let fields = [
                "id", "value", "unit", "hedge", "year", "label", "label_zh", "source", "derived",
                "note",
            ];
            assert!(fields.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
            assert_eq!(json.as_object().unwrap().len(), fields.len(), "{text}");
            let unit: Unit = serde_json::from_value(json["unit"].clone()).unwrap();
            let hedge: Option<Hedge> = serde_json::from_value(json["hedge"].clone()).unwrap();
            assert_eq!((unit, hedge), (figure.unit, figure.hedge), "{}", figure.id);
            assert_eq!(json["value"], figure.value, "{}", figure.id);
            assert_eq!(
                json["year"],
                serde_json::json!(figure.year),
                "{}",
                figure.id
            );
            assert_eq!(
                json["note"],
                serde_json::json!(figure.note),
                "{}",
                figure.id
            );
        }
        let sources: Vec<_> = all()
            .iter()
            .map(|f| serde_json::to_value(f).unwrap()["source"].clone())
            .collect();
        for (figure, source) in all().iter().zip(sources) {
            let read: Source = serde_json::from_value(source).unwrap();
            assert_eq!(read, figure.source, "{}", figure.id);
        }
    }

    #[test]
    fn compiled_figures_match_the_data_file() {
        let raw = schema::parse(FILE).expect("data/figures.json should be valid");
        assert_eq!(raw.len(), ARTICLE.len());
        for (r, f) in raw.iter().zip(ARTICLE) {
            assert_eq!(
                (r.id.as_str(), r.value, r.unit, r.hedge, r.year),
                (f.id, f.value, f.unit, f.hedge, f.year)
            );
            assert_eq!(
                (r.label.as_str(), r.source, r.note.as_deref()),
                (f.label, f.source, f.note)
            );
            assert_eq!(r.label_zh, f.label_zh);
        }
    }

    #[test]
    fn the_article_figures_are_as_stated() {
        assert_eq!(article("revenue_2020").value, 3_400_000_000.0);
        assert_eq!(article("revenue_2020").unit, Unit::Rmb);
        assert_eq!(article("smart_city_share").value, 40.0);
        assert_eq!(article("funding_raised").hedge, Some(Hedge::MoreThan));
        assert_eq!(article("helmet_before").bound(), Bound::Upper);
        assert_eq!(article("helmet_after").bound(), Bound::Exact);
    }

    #[test]
    fn derived_figures_follow_from_the_article() {
        let grants_2019 = get("grants_2019").unwrap();
        assert_eq!(grants_2019.value, 258_000_000.0);
        assert!(grants_2019.derived && grants_2019.source == Source::Derived);
        let rate = get("rmb_per_usd").unwrap();
        assert!((rate.value - 6.476).abs() < 0.001, "{}", rate.value);
        assert_eq!(rate.year, None, "one rate for every year");
        let top5 = get("top5_customers_rmb").unwrap();
        assert_eq!(
            (top5.value, top5.hedge),
            (1_100_000_000.0, Some(Hedge::About))
        );
        assert_eq!(get("smart_city_rmb").unwrap().value, 1_400_000_000.0);
        let rest = get("other_segments_share").unwrap();
        assert_eq!((rest.value, rest.hedge), (55.0, Some(Hedge::MoreThan)));
    }

    #[test]
    fn ids_are_unique_across_article_and_derived() {
        let all = all();
        for (i, f) in all.iter().enumerate() {
            assert!(
                all[..i].iter().all(|g| g.id != f.id),
                "duplicate id {}",
                f.id
            );
        }
        assert!(get("no_such_figure").is_none());
    }

    #[test]
    fn every_figure_has_a_chinese_label() {
        for f in all() {
            assert!(
                f.label_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: {:?}",
                f.id,
                f.label_zh
            );
            assert_eq!(f.label_in(Lang::EN), f.label);
            assert_eq!(f.label_in(Lang::ZH), f.label_zh);
        }
    }
}
