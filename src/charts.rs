//! The chart states of the story, each built as a [`Scene`] from the figures.
//!
//! Every number drawn comes from [`crate::figures`] through [`Charts::figure`], which records
//! the ids used so the tests can check each chart against the data, and sources its credit line.

use crate::figures::{self, Bound, Figure, Source};
use crate::format;
use crate::scale::Linear;
use crate::scene::{Anchor, Bar, Dot, Grow, Label, Line, Rect, Scene, Size, Slot};
use crate::theme::{Rgba, Theme};

/// One picture the sticky graphic can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartState {
    Funding,
    Peers,
    RevenueTrend,
    RevenueMix,
    Customers,
    Cities,
    Detection,
    Helmets,
    Megvii,
    Timeline,
    Mentions,
    Grants,
}

impl ChartState {
    /// Every state, in story order.
    pub const ALL: [ChartState; 12] = [
        ChartState::Funding,
        ChartState::Peers,
        ChartState::RevenueTrend,
        ChartState::RevenueMix,
        ChartState::Customers,
        ChartState::Cities,
        ChartState::Detection,
        ChartState::Helmets,
        ChartState::Megvii,
        ChartState::Timeline,
        ChartState::Mentions,
        ChartState::Grants,
    ];

    /// The id used in HTML (`data-chart`) and embeds.
    pub fn id(self) -> &'static str {
        match self {
            ChartState::Funding => "funding",
            ChartState::Peers => "peers",
            ChartState::RevenueTrend => "revenue-trend",
            ChartState::RevenueMix => "revenue-mix",
            ChartState::Customers => "customers",
            ChartState::Cities => "cities",
            ChartState::Detection => "detection",
            ChartState::Helmets => "helmets",
            ChartState::Megvii => "megvii",
            ChartState::Timeline => "timeline",
            ChartState::Mentions => "mentions",
            ChartState::Grants => "grants",
        }
    }

    pub fn from_id(id: &str) -> Option<ChartState> {
        ChartState::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The scene for this state in `theme`.
    pub fn scene(self, theme: &Theme) -> Scene {
        self.build(theme).scene
    }

    /// The scene and the ids of the figures it shows.
    pub fn build(self, theme: &Theme) -> Charts {
        let mut c = Charts::new(*theme);
        match self {
            ChartState::Funding => funding(&mut c),
            ChartState::Peers => peers(&mut c),
            ChartState::RevenueTrend => revenue_trend(&mut c),
            ChartState::RevenueMix => revenue_mix(&mut c),
            ChartState::Customers => customers(&mut c),
            ChartState::Cities => cities(&mut c),
            ChartState::Detection => detection(&mut c),
            ChartState::Helmets => helmets(&mut c),
            ChartState::Megvii => megvii(&mut c),
            ChartState::Timeline => timeline(&mut c),
            ChartState::Mentions => mentions(&mut c),
            ChartState::Grants => grants(&mut c),
        }
        c.finish()
    }
}

/// A scene under construction, with the figures it has used.
pub struct Charts {
    pub scene: Scene,
    /// Ids of every figure drawn, in order of use.
    pub used: Vec<&'static str>,
    /// Sources of what the chart says in words rather than numbers.
    pub cited: Vec<Source>,
    /// What the chart shows, point by point, in words: the text alternative's body.
    pub points: Vec<String>,
    /// Rows of the data table for what the chart shows in words rather than figures.
    pub facts: Vec<DataRow>,
    theme: Theme,
}

impl Charts {
    fn new(theme: Theme) -> Self {
        Charts {
            scene: Scene::default(),
            used: Vec::new(),
            cited: Vec::new(),
            points: Vec::new(),
            facts: Vec::new(),
            theme,
        }
    }

    /// A figure by id, noted as used.
    ///
    /// # Panics
    /// If the id is unknown: chart code names figures by literal ids, all exercised by the tests.
    pub fn figure(&mut self, id: &'static str) -> Figure {
        let f = figures::get(id).unwrap_or_else(|| panic!("chart uses unknown figure {id:?}"));
        self.used.push(id);
        f
    }

    /// The credit line: every source the chart's figures come from, in a fixed order.
    fn sources(&self) -> String {
        let mut names: Vec<Source> = Vec::new();
        for source in [Source::Ft, Source::Prospectus, Source::Derived] {
            let uses = self.cited.contains(&source)
                || self
                    .used
                    .iter()
                    .any(|id| figures::get(id).is_some_and(|f| f.source == source));
            if uses {
                names.push(source);
            }
        }
        // One source is named in full; several in short, so the line fits a phone.
        match names.as_slice() {
            [one] => format!("Source: {}", one.credit()),
            many => format!(
                "Sources: {}",
                many.iter()
                    .map(|s| s.short_credit())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }
    }

    fn finish(mut self) -> Charts {
        let source = self.sources();
        let muted = self.theme.muted;
        self.label(
            "source",
            &source,
            Slot::Source,
            Anchor::Start,
            Size::Small,
            muted,
        );
        self
    }

    fn header(&mut self, title: &str, subtitle: &str) {
        let (ink, muted) = (self.theme.ink, self.theme.muted);
        self.label("title", title, Slot::Title, Anchor::Start, Size::Large, ink);
        self.scene.labels.last_mut().expect("just pushed").bold = true;
        self.label(
            "subtitle",
            subtitle,
            Slot::Subtitle,
            Anchor::Start,
            Size::Body,
            muted,
        );
    }

    fn label(
        &mut self,
        key: &str,
        text: &str,
        slot: Slot,
        anchor: Anchor,
        size: Size,
        colour: Rgba,
    ) {
        self.scene.labels.push(Label {
            key: key.to_string(),
            text: text.to_string(),
            slot,
            anchor,
            size,
            bold: false,
            colour,
        });
    }

    fn at(
        &mut self,
        key: &str,
        text: &str,
        (x, y): (f64, f64),
        anchor: Anchor,
        size: Size,
        colour: Rgba,
    ) {
        self.label(key, text, Slot::Plot(x, y), anchor, size, colour);
    }

    fn bold(&mut self) {
        self.scene
            .labels
            .last_mut()
            .expect("a label was pushed")
            .bold = true;
    }

    fn bar(&mut self, key: &str, rect: Rect, colour: Rgba, grow: Grow, bound: Bound) {
        self.scene.bars.push(Bar {
            key: key.to_string(),
            rect,
            colour,
            grow,
            bound,
        });
    }

    fn line(
        &mut self,
        key: &str,
        from: (f64, f64),
        to: (f64, f64),
        colour: Rgba,
        width: f64,
        dashed: bool,
    ) {
        self.scene.lines.push(Line {
            key: key.to_string(),
            from,
            to,
            colour,
            width,
            dashed,
        });
    }

    fn dot(&mut self, key: &str, at: (f64, f64), radius: f64, colour: Rgba) {
        self.scene.dots.push(Dot {
            key: key.to_string(),
            at,
            radius,
            colour,
        });
    }

    /// A horizontal bar row: the category above the bar, the figure (with its hedge) after its end.
    fn row(&mut self, key: &str, category: &str, f: &Figure, y: f64, scale: &Linear, colour: Rgba) {
        self.points
            .push(format!("{category}: {}", format::figure(f)));
        const THICK: f64 = 0.09;
        let end = scale.map(f.value);
        let ink = self.theme.ink;
        self.at(
            &format!("{key}-cat"),
            category,
            (0.0, y - 0.035),
            Anchor::Start,
            Size::Body,
            ink,
        );
        self.bar(
            key,
            Rect {
                x0: scale.map(0.0),
                y0: y,
                x1: end,
                y1: y + THICK,
            },
            colour,
            Grow::Right,
            f.bound(),
        );
        // Leave room for the open end an unbounded bar is drawn with.
        let gap = if f.bound() == Bound::Lower {
            0.06
        } else {
            0.02
        };
        self.at(
            &format!("{key}-value"),
            &format::figure(f),
            (end + gap, y + THICK / 2.0),
            Anchor::Start,
            Size::Body,
            ink,
        );
        self.bold();
    }

    /// A vertical bar: the figure above it, its category below the baseline.
    fn column(
        &mut self,
        key: &str,
        category: &str,
        f: &Figure,
        (x, width): (f64, f64),
        scale: &Linear,
        colour: Rgba,
    ) {
        self.points
            .push(format!("{category}: {}", format::figure(f)));
        let top = scale.map(f.value);
        let base = scale.map(0.0);
        let ink = self.theme.ink;
        self.bar(
            key,
            Rect {
                x0: x,
                y0: top,
                x1: x + width,
                y1: base,
            },
            colour,
            Grow::Up,
            f.bound(),
        );
        let gap = if f.bound() == Bound::Lower {
            0.07
        } else {
            0.04
        };
        self.at(
            &format!("{key}-value"),
            &format::figure(f),
            (x + width / 2.0, top - gap),
            Anchor::Middle,
            Size::Body,
            ink,
        );
        self.bold();
        self.at(
            &format!("{key}-cat"),
            category,
            (x + width / 2.0, base + 0.05),
            Anchor::Middle,
            Size::Body,
            ink,
        );
    }

    fn baseline(&mut self, y: f64) {
        let rule = self.theme.rule;
        self.line("baseline", (0.0, y), (1.0, y), rule, 1.0, false);
    }

    fn note(&mut self, key: &str, text: &str, y: f64) {
        self.points.push(text.replace('\n', " "));
        let muted = self.theme.muted;
        self.at(key, text, (0.0, y), Anchor::Start, Size::Small, muted);
    }
}

fn funding(c: &mut Charts) {
    c.header("Money raised, money sought", "US dollars");
    let raised = c.figure("funding_raised");
    let ipo = c.figure("ipo_target");
    let rounds = c.figure("funding_rounds");
    let scale = Linear::new((0.0, 3.5e9), (0.0, 0.66));
    let neutral = c.theme.neutral;
    let business = c.theme.business;
    c.row(
        "raised",
        "Raised from investors so far",
        &raised,
        0.16,
        &scale,
        neutral,
    );
    c.row(
        "ipo",
        "Planned Hong Kong IPO, 2021",
        &ipo,
        0.48,
        &scale,
        business,
    );
    let rounds = format::value(rounds.value, rounds.unit);
    c.note("backers", &format!("Backers include SoftBank, Alibaba,\nTiger Global and Silver Lake;\n{rounds} funding rounds, says the IPO filing"), 0.8);
}

fn peers(c: &mut Charts) {
    c.header(
        "China's four AI hopefuls",
        "What the four companies have in common",
    );
    c.cited.push(Source::Ft);
    c.points.push(
        "SenseTime, Megvii, Yitu and CloudWalk each have Beijing's backing, each plans to list, each is under US sanctions".into(),
    );
    let columns = ["Beijing's\nbacking", "Planning\nto list", "US\nsanctions"];
    let companies = ["SenseTime", "Megvii", "Yitu", "CloudWalk"];
    for company in companies {
        c.facts.push(DataRow {
            id: "",
            label: company,
            value: "Beijing's backing; planning to list; under US sanctions".into(),
            year: None,
            source: Source::Ft.credit(),
        });
    }
    let (ink, muted, city, neutral) = (c.theme.ink, c.theme.muted, c.theme.city, c.theme.neutral);
    let xs = [0.5, 0.7, 0.9];
    for (i, header) in columns.iter().enumerate() {
        c.at(
            &format!("col-{i}"),
            header,
            (xs[i], 0.04),
            Anchor::Middle,
            Size::Small,
            muted,
        );
    }
    for (r, name) in companies.iter().enumerate() {
        let y = 0.26 + r as f64 * 0.17;
        c.at(
            &format!("peer-{r}"),
            name,
            (0.0, y),
            Anchor::Start,
            Size::Body,
            ink,
        );
        c.bold();
        for (i, x) in xs.iter().enumerate() {
            let colour = if i == 2 { city } else { neutral };
            c.dot(&format!("peer-{r}-{i}"), (*x, y), 7.0, colour);
        }
        let rule = c.theme.rule;
        c.line(
            &format!("peer-rule-{r}"),
            (0.0, y + 0.085),
            (1.0, y + 0.085),
            rule,
            1.0,
            false,
        );
    }
    c.note(
        "peers-note",
        "The companies deny aiding abuses in Xinjiang.",
        0.97,
    );
}

fn revenue_trend(c: &mut Charts) {
    c.header("SenseTime's sales kept growing", "Revenue, renminbi");
    let years = [
        c.figure("revenue_2018"),
        c.figure("revenue_2019"),
        c.figure("revenue_2020_filing"),
    ];
    let halves = [c.figure("revenue_h1_2020"), c.figure("revenue_h1_2021")];
    let scale = Linear::new((0.0, 3.6e9), (0.82, 0.1));
    let (business, neutral) = (c.theme.business, c.theme.neutral);
    for (i, f) in years.iter().enumerate() {
        let year = f.year.expect("revenue figures have a year").to_string();
        c.column(
            &format!("rev-{i}"),
            &year,
            f,
            (0.02 + i as f64 * 0.19, 0.14),
            &scale,
            business,
        );
    }
    for (i, f) in halves.iter().enumerate() {
        let year = format!("H1 {}", f.year.expect("revenue figures have a year"));
        c.column(
            &format!("rev-h{i}"),
            &year,
            f,
            (0.64 + i as f64 * 0.19, 0.14),
            &scale,
            neutral,
        );
    }
    c.baseline(0.82);
    c.note("trend-note", "Full years left, first halves right", 0.96);
}

fn revenue_mix(c: &mut Charts) {
    let sales = c.figure("revenue_2020");
    let usd = c.figure("revenue_2020_usd");
    c.header(
        "Where 2020 sales came from",
        &format!(
            "Share of {} ({}) in sales",
            format::value(sales.value, sales.unit),
            format::value(usd.value, usd.unit)
        ),
    );
    let city_share = c.figure("smart_city_share");
    let auto = c.figure("auto_share");
    let rest = c.figure("other_segments_share");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.7));
    let (city, auto_colour, business) = (c.theme.city, c.theme.auto, c.theme.business);
    c.row(
        "city-share",
        "Smart City: policing, facial recognition",
        &city_share,
        0.12,
        &scale,
        city,
    );
    c.row(
        "rest-share",
        "Smart Business and Smart Life",
        &rest,
        0.42,
        &scale,
        business,
    );
    c.row("auto-share", "Smart Auto", &auto, 0.72, &scale, auto_colour);
    let money = c.figure("smart_city_rmb");
    c.note(
        "mix-note",
        &format!("Smart City: {} of sales", format::figure(&money)),
        0.96,
    );
}

fn customers(c: &mut Charts) {
    c.header("A handful of big buyers", "Share of 2020 sales by customer");
    let top5 = c.figure("top5_customers_share");
    let total = c.figure("customers_total");
    let top5_rmb = c.figure("top5_customers_rmb");
    let (city, neutral, ink) = (c.theme.city, c.theme.neutral, c.theme.ink);
    let scale = Linear::new((0.0, 100.0), (0.0, 1.0));
    let split = scale.map(top5.value);
    c.points
        .push("Five largest customers: almost a third of sales".into());
    c.points.push(format!(
        "Everyone else: the rest, from {} customers in all",
        format::figure(&total)
    ));
    c.bar(
        "top5",
        Rect {
            x0: 0.0,
            y0: 0.3,
            x1: split,
            y1: 0.5,
        },
        city,
        Grow::Right,
        top5.bound(),
    );
    c.bar(
        "others",
        Rect {
            x0: split,
            y0: 0.3,
            x1: 1.0,
            y1: 0.5,
        },
        neutral.fade(0.35),
        Grow::Right,
        Bound::Exact,
    );
    c.at(
        "top5-cat",
        "Five largest customers",
        (0.0, 0.1),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    c.at(
        "top5-value",
        "almost a third",
        (0.0, 0.18),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.at(
        "others-cat",
        "Everyone else",
        (1.0, 0.1),
        Anchor::End,
        Size::Body,
        ink,
    );
    c.bold();
    c.at(
        "others-value",
        &format!("{} customers in all", format::figure(&total)),
        (1.0, 0.18),
        Anchor::End,
        Size::Small,
        ink,
    );
    c.note(
        "cust-note",
        &format!("The top five are mostly system integrators\nthat serve city governments.\nTheir purchases: {}", format::figure(&top5_rmb)),
        0.66,
    );
}

fn cities(c: &mut Charts) {
    c.header("The smart-city market", "Number of cities");
    let tried = c.figure("cities_tried");
    let ours = c.figure("sensetime_cities");
    let start = c.figure("smart_city_push_start");
    let scale = Linear::new((0.0, 560.0), (0.0, 0.7));
    let (neutral, city) = (c.theme.neutral, c.theme.city);
    let tried_label = format!(
        "Chinese cities trying it since {}",
        format::value(start.value, start.unit)
    );
    c.row("cities-tried", &tried_label, &tried, 0.16, &scale, neutral);
    c.row(
        "cities-ours",
        "Cities running SenseTime software",
        &ours,
        0.5,
        &scale,
        city,
    );
    c.note(
        "cities-note",
        "Most of the 119 are in China;\nsome are abroad.",
        0.8,
    );
}

fn detection(c: &mut Charts) {
    c.header(
        "The cameras' claimed accuracy",
        "Claimed precision or accuracy, %",
    );
    let belt = c.figure("seatbelt_precision");
    let low = c.figure("phone_accuracy_low");
    let high = c.figure("phone_accuracy_high");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.78));
    let (city, ink, rule, muted) = (c.theme.city, c.theme.ink, c.theme.rule, c.theme.muted);
    c.row(
        "belt",
        "Drivers without seat belts",
        &belt,
        0.16,
        &scale,
        city,
    );
    // The phone figure is a range: the bar runs to its low end, a lighter band covers the range.
    let y = 0.5;
    c.at(
        "phone-cat",
        "Drivers using phones",
        (0.0, y - 0.035),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bar(
        "phone",
        Rect {
            x0: 0.0,
            y0: y,
            x1: scale.map(low.value),
            y1: y + 0.09,
        },
        city,
        Grow::Right,
        Bound::Exact,
    );
    c.bar(
        "phone-range",
        Rect {
            x0: scale.map(low.value),
            y0: y,
            x1: scale.map(high.value),
            y1: y + 0.09,
        },
        city.fade(0.4),
        Grow::Right,
        Bound::Exact,
    );
    let range = format!(
        "{}–{}",
        format::trimmed(low.value, 0),
        format::value(high.value, high.unit)
    );
    c.points.push(format!("Drivers using phones: {range}"));
    c.at(
        "phone-value",
        &range,
        (scale.map(high.value) + 0.02, y + 0.045),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    for (i, v) in [0.0, 50.0, 100.0].into_iter().enumerate() {
        let x = scale.map(v);
        c.line(&format!("grid-{i}"), (x, 0.08), (x, 0.66), rule, 1.0, true);
        c.at(
            &format!("grid-{i}-label"),
            &format!("{v:.0}%"),
            (x, 0.72),
            Anchor::Middle,
            Size::Small,
            muted,
        );
    }
    c.note(
        "detection-note",
        "Figures claimed by SenseTime for one city",
        0.9,
    );
}

fn helmets(c: &mut Charts) {
    let population = c.figure("southern_city_population");
    c.header(
        "Mopeds under watch",
        &format!(
            "Riders wearing helmets in a city of {}",
            format::value(population.value, population.unit)
        ),
    );
    let before = c.figure("helmet_before");
    let after = c.figure("helmet_after");
    let incidents = c.figure("moped_incidents");
    let drop = c.figure("moped_violation_drop");
    let scale = Linear::new((0.0, 100.0), (0.66, 0.1));
    let (muted_bar, city) = (c.theme.neutral, c.theme.city);
    c.column(
        "helmet-before",
        "Before",
        &before,
        (0.1, 0.3),
        &scale,
        muted_bar,
    );
    c.column("helmet-after", "After", &after, (0.6, 0.3), &scale, city);
    c.baseline(0.66);
    let fell = format::figure(&drop).replace("50%", "half");
    c.note(
        "moped-note",
        &format!("Police logged {} moped violations;\nmonthly violations fell by {fell}\nwithin a couple of months.", format::figure(&incidents)),
        0.84,
    );
}

fn megvii(c: &mut Charts) {
    c.header(
        "Megvii leans on cities even more",
        "Smart-city share of 2020 revenue",
    );
    let sensetime = c.figure("smart_city_share");
    let megvii = c.figure("megvii_smart_city_share");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.7));
    let city = c.theme.city;
    c.row(
        "city-share",
        "SenseTime: Smart City",
        &sensetime,
        0.14,
        &scale,
        city,
    );
    c.row(
        "megvii-share",
        "Megvii: smart-city technology",
        &megvii,
        0.46,
        &scale,
        city,
    );
    c.note(
        "megvii-note",
        "Megvii's Hong Kong listing was abandoned\nafter the US blacklisted it.",
        0.8,
    );
}

fn timeline(c: &mut Charts) {
    c.header("Sanctions, listings, ambitions", "Key dates in the story");
    let events: [(&'static str, &str); 7] = [
        (
            "smart_city_push_start",
            "Chinese cities start smart-city push",
        ),
        ("sensetime_blacklisted", "US blacklists SenseTime"),
        ("abu_dhabi_hub", "Abu Dhabi research hub opens"),
        ("megvii_blacklisted", "Megvii drops Hong Kong listing"),
        ("prospectus_filed", "SenseTime files for Hong Kong IPO"),
        ("data_centre_due", "Shanghai AI data centre due"),
        ("ai_leader_goal", "Beijing's goal: lead the world in AI"),
    ];
    let (ink, city, rule, muted) = (c.theme.ink, c.theme.city, c.theme.rule, c.theme.muted);
    let top = 0.06;
    let step = 0.145;
    c.line(
        "spine",
        (0.2, top),
        (0.2, top + step * 6.0),
        rule,
        2.0,
        false,
    );
    for (i, (id, text)) in events.iter().enumerate() {
        let f = c.figure(id);
        c.points
            .push(format!("{}: {text}", format::value(f.value, f.unit)));
        let y = top + step * i as f64;
        let colour = if f.value > 2021.0 { muted } else { city };
        c.dot(&format!("event-{i}"), (0.2, y), 6.0, colour);
        c.at(
            &format!("event-{i}-year"),
            &format::value(f.value, f.unit),
            (0.15, y),
            Anchor::End,
            Size::Body,
            ink,
        );
        c.bold();
        c.at(
            &format!("event-{i}-text"),
            text,
            (0.25, y),
            Anchor::Start,
            Size::Small,
            ink,
        );
    }
}

fn mentions(c: &mut Charts) {
    c.header("The pitch has changed", "Mentions in the IPO documents");
    let driving = c.figure("autonomous_driving_mentions");
    let facial = c.figure("facial_data_mentions");
    let auto = c.figure("auto_share");
    let scale = Linear::new((0.0, 75.0), (0.0, 0.75));
    let (auto_colour, city) = (c.theme.auto, c.theme.city);
    c.row(
        "mention-driving",
        "\u{201c}autonomous driving\u{201d}",
        &driving,
        0.14,
        &scale,
        auto_colour,
    );
    c.row(
        "mention-facial",
        "\u{201c}facial data\u{201d}",
        &facial,
        0.46,
        &scale,
        city,
    );
    c.note(
        "mention-note",
        &format!(
            "Yet Smart Auto brings in {} of sales,\nin a field led by Baidu, Pony.ai and WeRide.",
            format::figure(&auto)
        ),
        0.8,
    );
}

fn grants(c: &mut Charts) {
    c.header(
        "Help from the state",
        "Government grants to SenseTime, renminbi",
    );
    let y2019 = c.figure("grants_2019");
    let y2020 = c.figure("grants_2020");
    let growth = c.figure("grants_growth");
    let scale = Linear::new((0.0, 400e6), (0.7, 0.08));
    let (neutral, city, ink) = (c.theme.neutral, c.theme.city, c.theme.ink);
    c.column("grants-2019", "2019", &y2019, (0.1, 0.3), &scale, neutral);
    c.column("grants-2020", "2020", &y2020, (0.6, 0.3), &scale, city);
    c.baseline(0.7);
    let rise = format!("+{}", format::value(growth.value, growth.unit));
    c.points.push(format!(
        "Rise from 2019 to 2020: {}",
        format::figure(&growth)
    ));
    c.at(
        "grants-rise",
        &rise,
        // Level with the 2020 bar's top, well above the 2019 label, so the two never collide.
        (0.5, scale.map(y2020.value)),
        Anchor::Middle,
        Size::Body,
        ink,
    );
    c.bold();
    c.note("grants-note", "2019 worked back from the 37% rise", 0.9);
}

/// One row of a chart's data table: a figure as the chart uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    /// The figure's id; empty for a fact stated in words.
    pub id: &'static str,
    pub label: &'static str,
    /// The value as a reader sees it, hedge included.
    pub value: String,
    pub year: Option<u16>,
    pub source: &'static str,
}

impl Charts {
    /// The chart's text alternative: title, what it measures, and every point it makes.
    pub fn description(&self) -> String {
        let title = self.scene.text("title").unwrap_or_default();
        let subtitle = self.scene.text("subtitle").unwrap_or_default();
        let points: Vec<&str> = self
            .points
            .iter()
            .map(|p| p.trim_end_matches('.'))
            .collect();
        format!("{title}. {subtitle}. {}.", points.join(". "))
    }

    /// The chart's data: every figure it shows, once, in order of use, then the facts it states in words.
    pub fn table(&self) -> Vec<DataRow> {
        let mut rows: Vec<DataRow> = Vec::new();
        for id in &self.used {
            if rows.iter().any(|r| r.id == *id) {
                continue;
            }
            let f = figures::get(id).expect("used ids were checked when used");
            rows.push(DataRow {
                id: f.id,
                label: f.label,
                value: format::figure(&f),
                year: f.year,
                source: f.source.credit(),
            });
        }
        rows.extend(self.facts.iter().cloned());
        rows
    }
}

/// Every figure id any chart state uses.
pub fn used_figures() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = ChartState::ALL
        .iter()
        .flat_map(|s| s.build(&crate::theme::LIGHT).used)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::LIGHT;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for s in ChartState::ALL {
            assert_eq!(ChartState::from_id(s.id()), Some(s));
        }
        assert_eq!(ChartState::from_id("pie"), None);
        let mut ids: Vec<_> = ChartState::ALL.iter().map(|s| s.id()).collect();
        ids.dedup();
        assert_eq!(ids.len(), ChartState::ALL.len());
    }

    #[test]
    fn every_chart_has_title_subtitle_source_and_marks() {
        for s in ChartState::ALL {
            let scene = s.scene(&LIGHT);
            for key in ["title", "subtitle", "source"] {
                assert!(
                    scene.text(key).is_some_and(|t| !t.is_empty()),
                    "{} lacks {key}",
                    s.id()
                );
            }
            assert!(
                !scene.bars.is_empty() || !scene.dots.is_empty(),
                "{} draws nothing",
                s.id()
            );
        }
    }

    #[test]
    fn every_chart_uses_only_known_figures_and_credits_their_sources() {
        for s in ChartState::ALL {
            let built = s.build(&LIGHT);
            assert!(
                !built.used.is_empty() || !built.cited.is_empty(),
                "{} names no source",
                s.id()
            );
            let source = built.scene.text("source").unwrap().to_string();
            for id in &built.used {
                let f = figures::get(id).unwrap_or_else(|| panic!("{} uses unknown {id}", s.id()));
                assert!(
                    source.contains(f.source.credit()) || source.contains(f.source.short_credit()),
                    "{}: {source} lacks {:?}",
                    s.id(),
                    f.source
                );
            }
        }
    }

    #[test]
    fn marks_stay_inside_the_plot_and_keys_are_unique() {
        for s in ChartState::ALL {
            let scene = s.scene(&LIGHT);
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
        let funding = ChartState::Funding.scene(&LIGHT);
        assert_eq!(funding.bar("raised").unwrap().bound, Bound::Lower);
        assert_eq!(funding.text("raised-value"), Some("more than $3bn"));
        assert_eq!(funding.bar("ipo").unwrap().bound, Bound::Exact);
        let helmets = ChartState::Helmets.scene(&LIGHT);
        assert_eq!(helmets.bar("helmet-before").unwrap().bound, Bound::Upper);
        assert_eq!(helmets.text("helmet-before-value"), Some("under 50%"));
        let mix = ChartState::RevenueMix.scene(&LIGHT);
        assert_eq!(mix.bar("auto-share").unwrap().bound, Bound::Upper);
        assert_eq!(mix.text("auto-share-value"), Some("less than 5%"));
        assert_eq!(mix.text("rest-share-value"), Some("more than 55%"));
        assert_eq!(
            ChartState::Grants
                .scene(&LIGHT)
                .bar("grants-2019")
                .unwrap()
                .bound,
            Bound::Approximate
        );
    }

    #[test]
    fn bars_are_proportional_to_their_figures() {
        let mix = ChartState::RevenueMix.scene(&LIGHT);
        let city = mix.bar("city-share").unwrap().rect;
        let rest = mix.bar("rest-share").unwrap().rect;
        assert!(((city.x1 - city.x0) / (rest.x1 - rest.x0) - 40.0 / 55.0).abs() < 1e-9);
        let mentions = ChartState::Mentions.scene(&LIGHT);
        let d = mentions.bar("mention-driving").unwrap().rect;
        let f = mentions.bar("mention-facial").unwrap().rect;
        assert!(((d.x1 - d.x0) / (f.x1 - f.x0) - 68.0 / 6.0).abs() < 1e-9);
        let helmets = ChartState::Helmets.scene(&LIGHT);
        let b = helmets.bar("helmet-before").unwrap().rect;
        let a = helmets.bar("helmet-after").unwrap().rect;
        assert!(((b.y1 - b.y0) / (a.y1 - a.y0) - 50.0 / 94.0).abs() < 1e-9);
    }

    #[test]
    fn the_key_numbers_are_on_their_charts() {
        let texts = |s: ChartState| {
            s.scene(&LIGHT)
                .labels
                .iter()
                .map(|l| l.text.clone())
                .collect::<Vec<_>>()
                .join(" | ")
        };
        assert!(texts(ChartState::RevenueMix).contains("Rmb3.4bn ($525m)"));
        assert!(texts(ChartState::Cities).contains("at least 500"));
        assert!(texts(ChartState::Cities).contains("119"));
        assert!(texts(ChartState::Detection).contains("86–96%"));
        assert!(texts(ChartState::Helmets).contains("17m"));
        assert!(texts(ChartState::Helmets).contains("more than half"));
        assert!(texts(ChartState::Megvii).contains("64%"));
        assert!(texts(ChartState::Mentions).contains("68"));
        assert!(texts(ChartState::Grants).contains("Rmb352.8m"));
        assert!(texts(ChartState::Grants).contains("about Rmb257.5m"));
        assert!(texts(ChartState::Customers).contains("more than 2,400 customers"));
        assert!(texts(ChartState::Timeline).contains("2030"));
    }

    #[test]
    fn every_chart_describes_itself_with_its_numbers_and_hedges() {
        for s in ChartState::ALL {
            let built = s.build(&LIGHT);
            let text = built.description();
            assert!(
                text.starts_with(built.scene.text("title").unwrap()),
                "{text}"
            );
            assert!(built.points.len() >= 2, "{}: {text}", s.id());
            assert!(!text.contains(".."), "{text}");
        }
        let funding = ChartState::Funding.build(&LIGHT).description();
        assert!(
            funding.contains("Raised from investors so far: more than $3bn"),
            "{funding}"
        );
        let helmets = ChartState::Helmets.build(&LIGHT).description();
        assert!(
            helmets.contains("Before: under 50%") && helmets.contains("After: 94%"),
            "{helmets}"
        );
        let detection = ChartState::Detection.build(&LIGHT).description();
        assert!(
            detection.contains("Drivers using phones: 86–96%"),
            "{detection}"
        );
    }

    #[test]
    fn tables_list_each_figure_once_with_value_year_and_source() {
        let table = ChartState::Grants.build(&LIGHT).table();
        let ids: Vec<_> = table.iter().map(|r| r.id).collect();
        assert_eq!(ids, ["grants_2019", "grants_2020", "grants_growth"]);
        assert_eq!(table[0].value, "about Rmb257.5m");
        assert_eq!(table[0].source, "our calculation");
        assert_eq!(table[1].year, Some(2020));
        let megvii = ChartState::Megvii.build(&LIGHT).table();
        assert_eq!(megvii[1].value, "64%");
        for s in ChartState::ALL {
            let built = s.build(&LIGHT);
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
        for s in ChartState::ALL {
            let scene = s.scene(&LIGHT);
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
        let scene = ChartState::Grants.scene(&LIGHT);
        let y = |key: &str| match scene.labels.iter().find(|l| l.key == key).unwrap().slot {
            Slot::Plot(_, y) => y,
            other => panic!("{key} is at {other:?}"),
        };
        assert!(y("grants-2019-value") - y("grants-rise") >= 0.1);
    }

    #[test]
    fn the_smart_city_bar_is_the_same_mark_in_both_comparisons() {
        let mix = ChartState::RevenueMix.scene(&LIGHT);
        let megvii = ChartState::Megvii.scene(&LIGHT);
        assert_eq!(
            mix.bar("city-share").unwrap().rect.x1,
            megvii.bar("city-share").unwrap().rect.x1
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
}
