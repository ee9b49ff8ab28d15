//! The chart states of the story, each built as a [`Scene`] from the figures, in a [`Locale`].
//!
//! Every number drawn comes from [`crate::figures`] through [`Charts::figure`], which records
//! the ids used so the tests can check each chart against the data, and sources its credit line.
//! Every word is written in English and Chinese side by side (`l.t("…", "…")`), so a translator
//! reviews each chart's two languages together.

use crate::figures::{self, Bound, Figure, Source, Unit};
use crate::format;
use crate::locale::{Lang, Locale, Shown};
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

    /// The scene for this state in `theme` and `locale`.
    pub fn scene(self, theme: &Theme, locale: &Locale) -> Scene {
        self.build(theme, locale).scene
    }

    /// The scene, the ids of the figures it shows, and its words, in `locale`.
    pub fn build(self, theme: &Theme, locale: &Locale) -> Charts {
        let mut c = Charts::new(*theme, *locale);
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
    /// Which figure each bar or dot shows, by mark key: what a tooltip on it says.
    pub marks: Vec<(String, &'static str)>,
    /// The language and currency mode it was built in.
    pub locale: Locale,
    /// Whether any amount on the chart was converted into the other currency.
    pub converted: bool,
    theme: Theme,
}

impl Charts {
    fn new(theme: Theme, locale: Locale) -> Self {
        Charts {
            scene: Scene::default(),
            used: Vec::new(),
            cited: Vec::new(),
            points: Vec::new(),
            facts: Vec::new(),
            marks: Vec::new(),
            locale,
            converted: false,
            theme,
        }
    }

    fn lang(&self) -> Lang {
        self.locale.lang
    }

    /// A figure by id, noted as used.
    ///
    /// # Panics
    /// If the id is unknown: chart code names figures by literal ids, all exercised by the tests.
    pub fn figure(&mut self, id: &'static str) -> Figure {
        let f = figures::get(id).unwrap_or_else(|| panic!("chart uses unknown figure \"{id}\""));
        self.used.push(id);
        f
    }

    /// `f` in the chart's currency mode, noting a conversion.
    fn money(&mut self, f: &Figure) -> Shown {
        let shown = self.locale.currency.show(f);
        self.converted |= shown.converted;
        shown
    }

    /// `f` in words, in the chart's language and currency: for the text alternative.
    fn said(&mut self, f: &Figure) -> String {
        let shown = self.money(f);
        format::words(&shown, self.lang())
    }

    /// `f` as a label on a mark, in the chart's language and currency.
    fn labelled(&mut self, f: &Figure) -> String {
        let shown = self.money(f);
        format::label(&shown, self.lang())
    }

    /// The credit line: every source the chart's figures come from, in a fixed order.
    fn sources(&self) -> String {
        let lang = self.lang();
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
            [one] => format!("{}{}", lang.t("Source: ", "资料来源："), one.credit(lang)),
            many => format!(
                "{}{}",
                lang.t("Sources: ", "资料来源："),
                format::join(
                    many.iter().map(|s| s.short_credit(lang)),
                    lang.t("; ", "；")
                )
            ),
        }
    }

    fn finish(mut self) -> Charts {
        let source = self.sources();
        let muted = self.theme.muted;
        if self.converted {
            let (short, long) = conversion_note(self.locale);
            self.points.push(long);
            self.label(
                "fx-note",
                &short,
                Slot::Footnote,
                Anchor::Start,
                Size::Small,
                muted,
            );
        }
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

    /// Notes that the mark `key` shows the figure `id`, for its tooltip.
    fn shows(&mut self, key: &str, id: &'static str) {
        self.marks.push((key.to_string(), id));
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

    /// "category: value" for the text alternative, with the language's colon.
    fn point(&mut self, category: &str, value: &str) {
        let colon = self.lang().t(": ", "：");
        self.points.push(format!("{category}{colon}{value}"));
    }

    /// A horizontal bar row: the category above the bar, the figure (with its hedge) after its end.
    ///
    /// The bar's length is the figure's own value on `scale`, in its own currency: a converted
    /// chart keeps its bars and changes its words.
    fn row(&mut self, key: &str, category: &str, f: &Figure, y: f64, scale: &Linear, colour: Rgba) {
        let said = self.said(f);
        self.point(category, &said);
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
        self.shows(key, f.id);
        // Leave room for the open end an unbounded bar is drawn with.
        let gap = if f.bound() == Bound::Lower {
            0.06
        } else {
            0.02
        };
        let text = self.labelled(f);
        self.at(
            &format!("{key}-value"),
            &text,
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
        let said = self.said(f);
        self.point(category, &said);
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
        self.shows(key, f.id);
        let gap = if f.bound() == Bound::Lower {
            0.07
        } else {
            0.04
        };
        let text = self.labelled(f);
        self.at(
            &format!("{key}-value"),
            &text,
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
        self.points.push(joined(text, self.lang()));
        let muted = self.theme.muted;
        self.at(key, text, (0.0, y), Anchor::Start, Size::Small, muted);
    }

    /// A note whose words in the text alternative differ from those drawn (fuller amounts).
    fn note_said(&mut self, key: &str, text: &str, said: &str, y: f64) {
        self.points.push(joined(said, self.lang()));
        let muted = self.theme.muted;
        self.at(key, text, (0.0, y), Anchor::Start, Size::Small, muted);
    }
}

/// A multi-line label as one line of prose: English lines join with a space, Chinese with nothing.
fn joined(text: &str, lang: Lang) -> String {
    text.replace('\n', lang.t(" ", ""))
}

/// The conversion note: a short line drawn under the chart, and the full sentence for its text
/// alternative. The rate and the two amounts it comes from are the figures', never typed in.
fn conversion_note(locale: Locale) -> (String, String) {
    let lang = locale.lang;
    let rate = figures::get("rmb_per_usd").expect("the rate is derived");
    let (rmb, usd) = (
        figures::article("revenue_2020"),
        figures::article("revenue_2020_usd"),
    );
    let rate_text = format::trimmed(rate.value, 2);
    let rmb = format::value(rmb.value, rmb.unit, lang);
    let usd = format::value(usd.value, usd.unit, lang);
    match lang.built() {
        Lang::En => {
            let into = match locale.currency {
                crate::locale::Currency::Usd => "US dollars",
                _ => "renminbi",
            };
            (
                format!("Converted at Rmb{rate_text}/$ (FT: {rmb} = {usd})"),
                format!(
                    "Amounts converted into {into} at Rmb{rate_text} per US dollar, the rate implied by the Financial Times article's 2020 sales of {rmb}, given as {usd}; converted amounts are approximate"
                ),
            )
        }
        Lang::Zh => {
            let into = match locale.currency {
                crate::locale::Currency::Usd => "美元",
                _ => "人民币",
            };
            (
                format!("按1美元兑{rate_text}元折算（据FT：{rmb}={usd}）"),
                format!(
                    "金额按1美元兑{rate_text}元人民币折算为{into}，该汇率由英国《金融时报》报道的2020年销售额{rmb}（{usd}）推算得出，折算金额为约数"
                ),
            )
        }
    }
}

fn funding(c: &mut Charts) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        crate::locale::Currency::Rmb => l.t(
            "Renminbi, converted from US dollars",
            "人民币（由美元折算）",
        ),
        _ => l.t("US dollars", "美元"),
    };
    c.header(
        l.t("Money raised, money sought", "融资规模与IPO目标"),
        subtitle,
    );
    let raised = c.figure("funding_raised");
    let ipo = c.figure("ipo_target");
    let rounds = c.figure("funding_rounds");
    // The bars are drawn in dollars, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, 3.5e9), (0.0, 0.66));
    let neutral = c.theme.neutral;
    let business = c.theme.business;
    c.row(
        "raised",
        l.t("Raised from investors so far", "迄今向投资者融资"),
        &raised,
        0.16,
        &scale,
        neutral,
    );
    c.row(
        "ipo",
        l.t("Planned Hong Kong IPO, 2021", "2021年计划香港IPO募资"),
        &ipo,
        0.48,
        &scale,
        business,
    );
    let rounds = format::value(rounds.value, rounds.unit, l);
    let note = match l.built() {
        Lang::En => format!("Backers include SoftBank, Alibaba,\nTiger Global and Silver Lake;\n{rounds} funding rounds, says the IPO filing"),
        Lang::Zh => format!("投资方包括软银、阿里巴巴、\n老虎环球基金和银湖资本；\n招股书显示共进行了{rounds}轮融资"),
    };
    c.note("backers", &note, 0.8);
}

fn peers(c: &mut Charts) {
    let l = c.lang();
    c.header(
        l.t("China's four AI hopefuls", "中国“AI四小龙”"),
        l.t("What the four companies have in common", "四家公司的共同点"),
    );
    c.cited.push(Source::Ft);
    c.points.push(
        l.t(
            "SenseTime, Megvii, Yitu and CloudWalk each have Beijing's backing, each plans to list, each is under US sanctions",
            "商汤、旷视、依图和云从均获北京支持，均在筹备上市，也均遭美国制裁",
        )
        .into(),
    );
    let columns = [
        l.t("Beijing's\nbacking", "北京\n支持"),
        l.t("Planning\nto list", "筹备\n上市"),
        l.t("US\nsanctions", "美国\n制裁"),
    ];
    let companies = [
        l.t("SenseTime", "商汤"),
        l.t("Megvii", "旷视"),
        l.t("Yitu", "依图"),
        l.t("CloudWalk", "云从"),
    ];
    for company in companies {
        c.facts.push(DataRow {
            id: "",
            label: company,
            value: l
                .t(
                    "Beijing's backing; planning to list; under US sanctions",
                    "获北京支持；筹备上市；遭美国制裁",
                )
                .into(),
            converted: None,
            year: None,
            source: Source::Ft.credit(l),
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
        l.t(
            "The companies deny aiding abuses in Xinjiang.",
            "四家公司均否认曾协助新疆的人权侵害。",
        ),
        0.97,
    );
}

fn revenue_trend(c: &mut Charts) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        crate::locale::Currency::Usd => l.t(
            "Revenue, US dollars (converted)",
            "营收（美元，由人民币折算）",
        ),
        _ => l.t("Revenue, renminbi", "营收（人民币）"),
    };
    c.header(
        l.t("SenseTime's sales kept growing", "商汤营收持续增长"),
        subtitle,
    );
    let years = [
        c.figure("revenue_2018"),
        c.figure("revenue_2019"),
        c.figure("revenue_2020_filing"),
    ];
    let halves = [c.figure("revenue_h1_2020"), c.figure("revenue_h1_2021")];
    // Drawn in renminbi, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, 3.6e9), (0.82, 0.1));
    let (business, neutral) = (c.theme.business, c.theme.neutral);
    for (i, f) in years.iter().enumerate() {
        // As u32: one integer formatter in the Wasm rather than a second for u16.
        let year = u32::from(f.year.expect("revenue figures have a year"));
        let year = match l.built() {
            Lang::En => year.to_string(),
            Lang::Zh => format!("{year}年"),
        };
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
        let year = u32::from(f.year.expect("revenue figures have a year"));
        // "2020H1" is how Chinese financial charts label a first half; it fits the column.
        let year = match l.built() {
            Lang::En => format!("H1 {year}"),
            Lang::Zh => format!("{year}H1"),
        };
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
    c.note(
        "trend-note",
        l.t(
            "Full years left, first halves right",
            "左为全年，右为上半年",
        ),
        0.96,
    );
}

fn revenue_mix(c: &mut Charts) {
    let l = c.lang();
    let sales = c.figure("revenue_2020");
    let usd = c.figure("revenue_2020_usd");
    // Both amounts are the article's own: each currency mode shows a sourced one.
    let (rmb, usd) = (
        format::value(sales.value, sales.unit, l),
        format::value(usd.value, usd.unit, l),
    );
    let whole = match c.locale.currency {
        crate::locale::Currency::Reported => match l.built() {
            Lang::En => format!("{rmb} ({usd})"),
            Lang::Zh => format!("{rmb}（{usd}）"),
        },
        crate::locale::Currency::Rmb => rmb,
        crate::locale::Currency::Usd => usd,
    };
    let subtitle = match l.built() {
        Lang::En => format!("Share of {whole} in sales"),
        Lang::Zh => format!("占{whole}销售额的比重"),
    };
    c.header(
        l.t("Where 2020 sales came from", "2020年销售额来源"),
        &subtitle,
    );
    let city_share = c.figure("smart_city_share");
    let auto = c.figure("auto_share");
    let rest = c.figure("other_segments_share");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.7));
    let (city, auto_colour, business) = (c.theme.city, c.theme.auto, c.theme.business);
    c.row(
        "city-share",
        l.t(
            "Smart City: policing, facial recognition",
            "智慧城市：警务、人脸识别",
        ),
        &city_share,
        0.12,
        &scale,
        city,
    );
    c.row(
        "rest-share",
        l.t("Smart Business and Smart Life", "智慧商业与智慧生活"),
        &rest,
        0.42,
        &scale,
        business,
    );
    c.row(
        "auto-share",
        l.t("Smart Auto", "智能汽车"),
        &auto,
        0.72,
        &scale,
        auto_colour,
    );
    let money = c.figure("smart_city_rmb");
    let (drawn, said) = (c.labelled(&money), c.said(&money));
    let note = |amount: &str| match l.built() {
        Lang::En => format!("Smart City: {amount} of sales"),
        Lang::Zh => format!("智慧城市业务销售额：{amount}"),
    };
    c.note_said("mix-note", &note(&drawn), &note(&said), 0.96);
}

fn customers(c: &mut Charts) {
    let l = c.lang();
    c.header(
        l.t("A handful of big buyers", "少数大客户撑起销售"),
        l.t("Share of 2020 sales by customer", "2020年销售额的客户构成"),
    );
    let top5 = c.figure("top5_customers_share");
    let total = c.figure("customers_total");
    let top5_rmb = c.figure("top5_customers_rmb");
    let (city, neutral, ink) = (c.theme.city, c.theme.neutral, c.theme.ink);
    let scale = Linear::new((0.0, 100.0), (0.0, 1.0));
    let split = scale.map(top5.value);
    let total_text = format::figure(&total, l);
    c.points.push(
        l.t(
            "Five largest customers: almost a third of sales",
            "前五大客户：近三分之一的销售额",
        )
        .into(),
    );
    c.points.push(match l.built() {
        Lang::En => format!("Everyone else: the rest, from {total_text} customers in all"),
        Lang::Zh => format!("其他客户：其余销售额，客户总数{total_text}家"),
    });
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
    c.shows("top5", top5.id);
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
        l.t("Five largest customers", "前五大客户"),
        (0.0, 0.1),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    c.at(
        "top5-value",
        l.t("almost a third", "近三分之一"),
        (0.0, 0.18),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.at(
        "others-cat",
        l.t("Everyone else", "其他客户"),
        (1.0, 0.1),
        Anchor::End,
        Size::Body,
        ink,
    );
    c.bold();
    let in_all = match l.built() {
        Lang::En => format!("{total_text} customers in all"),
        Lang::Zh => format!("客户总数{total_text}家"),
    };
    c.at(
        "others-value",
        &in_all,
        (1.0, 0.18),
        Anchor::End,
        Size::Small,
        ink,
    );
    let (drawn, said) = (c.labelled(&top5_rmb), c.said(&top5_rmb));
    let note = |amount: &str| {
        match l.built() {
        Lang::En => format!("The top five are mostly system integrators\nthat serve city governments.\nTheir purchases: {amount}"),
        Lang::Zh => format!("前五大客户主要是服务城市管理部门的\n系统集成商，\n采购额{amount}"),
    }
    };
    c.note_said("cust-note", &note(&drawn), &note(&said), 0.66);
}

fn cities(c: &mut Charts) {
    let l = c.lang();
    c.header(
        l.t("The smart-city market", "智慧城市市场"),
        l.t("Number of cities", "城市数量"),
    );
    let tried = c.figure("cities_tried");
    let ours = c.figure("sensetime_cities");
    let start = c.figure("smart_city_push_start");
    let scale = Linear::new((0.0, 560.0), (0.0, 0.7));
    let (neutral, city) = (c.theme.neutral, c.theme.city);
    let since = format::value(start.value, start.unit, l);
    let tried_label = match l.built() {
        Lang::En => format!("Chinese cities trying it since {since}"),
        Lang::Zh => format!("自{since}起试水的中国城市"),
    };
    c.row("cities-tried", &tried_label, &tried, 0.16, &scale, neutral);
    c.row(
        "cities-ours",
        l.t("Cities running SenseTime software", "部署商汤软件的城市"),
        &ours,
        0.5,
        &scale,
        city,
    );
    let n = format::value(ours.value, ours.unit, l);
    let note = match l.built() {
        Lang::En => format!("Most of the {n} are in China;\nsome are abroad."),
        Lang::Zh => format!("这{n}座城市大多在中国，\n也有一些在海外。"),
    };
    c.note("cities-note", &note, 0.8);
}

fn detection(c: &mut Charts) {
    let l = c.lang();
    c.header(
        l.t("The cameras' claimed accuracy", "摄像头的宣称准确率"),
        l.t(
            "Claimed precision or accuracy, %",
            "宣称的精确率或准确率（%）",
        ),
    );
    let belt = c.figure("seatbelt_precision");
    let low = c.figure("phone_accuracy_low");
    let high = c.figure("phone_accuracy_high");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.78));
    let (city, ink, rule, muted) = (c.theme.city, c.theme.ink, c.theme.rule, c.theme.muted);
    c.row(
        "belt",
        l.t("Drivers without seat belts", "未系安全带的司机"),
        &belt,
        0.16,
        &scale,
        city,
    );
    // The phone figure is a range: the bar runs to its low end, a lighter band covers the range.
    let y = 0.5;
    let phones = l.t("Drivers using phones", "开车使用手机的司机");
    c.at(
        "phone-cat",
        phones,
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
    c.shows("phone", low.id);
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
    c.shows("phone-range", high.id);
    let range = format!(
        "{}–{}",
        format::trimmed(low.value, 0),
        format::value(high.value, high.unit, l)
    );
    c.point(phones, &range);
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
            &format::value(v, Unit::Percent, l),
            (x, 0.72),
            Anchor::Middle,
            Size::Small,
            muted,
        );
    }
    c.note(
        "detection-note",
        l.t(
            "Figures claimed by SenseTime for one city",
            "商汤就某一城市宣称的数据",
        ),
        0.9,
    );
}

fn helmets(c: &mut Charts) {
    let l = c.lang();
    let population = c.figure("southern_city_population");
    let people = format::value(population.value, population.unit, l);
    let subtitle = match l.built() {
        Lang::En => format!("Riders wearing helmets in a city of {people}"),
        Lang::Zh => format!("一座{people}人口城市中佩戴头盔的骑行者"),
    };
    c.header(l.t("Mopeds under watch", "电动自行车受到监控"), &subtitle);
    let before = c.figure("helmet_before");
    let after = c.figure("helmet_after");
    let incidents = c.figure("moped_incidents");
    let drop = c.figure("moped_violation_drop");
    let scale = Linear::new((0.0, 100.0), (0.66, 0.1));
    let (muted_bar, city) = (c.theme.neutral, c.theme.city);
    c.column(
        "helmet-before",
        l.t("Before", "此前"),
        &before,
        (0.1, 0.3),
        &scale,
        muted_bar,
    );
    c.column(
        "helmet-after",
        l.t("After", "此后"),
        &after,
        (0.6, 0.3),
        &scale,
        city,
    );
    c.baseline(0.66);
    // A fall of 50% reads as half.
    let fell = if drop.value == 50.0 && matches!(drop.unit, Unit::Percent | Unit::PercentChange) {
        format::hedged(l.t("half", "一半").to_string(), &Shown::of(&drop), l)
    } else {
        format::figure(&drop, l)
    };
    let incidents = format::figure(&incidents, l);
    let note = match l.built() {
        Lang::En => format!("Police logged {incidents} moped violations;\nmonthly violations fell by {fell}\nwithin a couple of months."),
        Lang::Zh => format!("警方记录了{incidents}起电动自行车违法行为；\n短短几个月内，\n月度违法量减少了{fell}。"),
    };
    c.note("moped-note", &note, 0.84);
}

fn megvii(c: &mut Charts) {
    let l = c.lang();
    c.header(
        l.t("Megvii leans on cities even more", "旷视更依赖智慧城市业务"),
        l.t(
            "Smart-city share of 2020 revenue",
            "2020年营收中智慧城市业务的占比",
        ),
    );
    let sensetime = c.figure("smart_city_share");
    let megvii = c.figure("megvii_smart_city_share");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.7));
    let city = c.theme.city;
    c.row(
        "city-share",
        l.t("SenseTime: Smart City", "商汤：智慧城市"),
        &sensetime,
        0.14,
        &scale,
        city,
    );
    c.row(
        "megvii-share",
        l.t("Megvii: smart-city technology", "旷视：智慧城市技术"),
        &megvii,
        0.46,
        &scale,
        city,
    );
    c.note(
        "megvii-note",
        l.t(
            "Megvii's Hong Kong listing was abandoned\nafter the US blacklisted it.",
            "旷视被美国列入黑名单后，\n放弃了香港上市计划。",
        ),
        0.8,
    );
}

fn timeline(c: &mut Charts) {
    let l = c.lang();
    c.header(
        l.t("Sanctions, listings, ambitions", "制裁、上市与雄心"),
        l.t("Key dates in the story", "关键时间节点"),
    );
    let events: [(&'static str, &str); 7] = [
        (
            "smart_city_push_start",
            l.t(
                "Chinese cities start smart-city push",
                "中国城市启动智慧城市建设",
            ),
        ),
        (
            "sensetime_blacklisted",
            l.t("US blacklists SenseTime", "美国将商汤列入黑名单"),
        ),
        (
            "abu_dhabi_hub",
            l.t("Abu Dhabi research hub opens", "阿布扎比研究中心成立"),
        ),
        (
            "megvii_blacklisted",
            l.t("Megvii drops Hong Kong listing", "旷视放弃香港上市"),
        ),
        (
            "prospectus_filed",
            l.t("SenseTime files for Hong Kong IPO", "商汤递交香港IPO申请"),
        ),
        (
            "data_centre_due",
            l.t("Shanghai AI data centre due", "上海AI数据中心计划建成"),
        ),
        (
            "ai_leader_goal",
            l.t(
                "Beijing's goal: lead the world in AI",
                "北京目标：AI领域领先全球",
            ),
        ),
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
        c.point(&format::value(f.value, f.unit, l), text);
        let y = top + step * i as f64;
        let colour = if f.value > 2021.0 { muted } else { city };
        let key = format!("event-{i}");
        c.dot(&key, (0.2, y), 6.0, colour);
        c.shows(&key, id);
        // The bare year in both languages: it is read as a date on a timeline, and fits.
        c.at(
            &format!("event-{i}-year"),
            &format::trimmed(f.value, 0),
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
    let l = c.lang();
    c.header(
        l.t("The pitch has changed", "卖点变了"),
        l.t("Mentions in the IPO documents", "IPO文件中的提及次数"),
    );
    let driving = c.figure("autonomous_driving_mentions");
    let facial = c.figure("facial_data_mentions");
    let auto = c.figure("auto_share");
    let scale = Linear::new((0.0, 75.0), (0.0, 0.75));
    let (auto_colour, city) = (c.theme.auto, c.theme.city);
    c.row(
        "mention-driving",
        l.t("\u{201c}autonomous driving\u{201d}", "“自动驾驶”"),
        &driving,
        0.14,
        &scale,
        auto_colour,
    );
    c.row(
        "mention-facial",
        l.t("\u{201c}facial data\u{201d}", "“人脸数据”"),
        &facial,
        0.46,
        &scale,
        city,
    );
    let share = format::figure(&auto, l);
    let note = match l.built() {
        Lang::En => format!("Yet Smart Auto brings in {share} of sales,\nin a field led by Baidu, Pony.ai and WeRide."),
        Lang::Zh => format!("但智能汽车业务贡献的销售额{share}，\n而该领域由百度、小马智行和文远知行领跑。"),
    };
    c.note("mention-note", &note, 0.8);
}

fn grants(c: &mut Charts) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        crate::locale::Currency::Usd => l.t(
            "Government grants, US dollars (converted)",
            "商汤获得的政府补助（美元，折算）",
        ),
        _ => l.t(
            "Government grants to SenseTime, renminbi",
            "商汤获得的政府补助（人民币）",
        ),
    };
    c.header(l.t("Help from the state", "来自政府的扶持"), subtitle);
    let y2019 = c.figure("grants_2019");
    let y2020 = c.figure("grants_2020");
    let growth = c.figure("grants_growth");
    // Drawn in renminbi, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, 400e6), (0.7, 0.08));
    let (neutral, city, ink) = (c.theme.neutral, c.theme.city, c.theme.ink);
    let year = |y: &str| match l.built() {
        Lang::En => y.to_string(),
        Lang::Zh => format!("{y}年"),
    };
    c.column(
        "grants-2019",
        &year("2019"),
        &y2019,
        (0.1, 0.3),
        &scale,
        neutral,
    );
    c.column(
        "grants-2020",
        &year("2020"),
        &y2020,
        (0.6, 0.3),
        &scale,
        city,
    );
    c.baseline(0.7);
    let pct = format::value(growth.value, growth.unit, l);
    let rise = format!("+{pct}");
    c.point(
        l.t("Rise from 2019 to 2020", "2019年至2020年增幅"),
        &format::figure(&growth, l),
    );
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
    let note = match l.built() {
        Lang::En => format!("2019 worked back from the {pct} rise"),
        Lang::Zh => format!("2019年数据按{pct}的增幅倒推"),
    };
    c.note("grants-note", &note, 0.9);
}

/// One row of a chart's data table: a figure as the chart uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    /// The figure's id; empty for a fact stated in words.
    pub id: &'static str,
    pub label: &'static str,
    /// The value as sourced, in words, hedge included: never replaced by a conversion.
    pub value: String,
    /// In a currency mode that converts this figure: the converted amount, marked as such.
    pub converted: Option<String>,
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
            .map(|p| p.trim_end_matches(['.', '。']))
            .collect();
        match self.lang().built() {
            Lang::En => format!("{title}. {subtitle}. {}.", format::join(points, ". ")),
            Lang::Zh => format!("{title}。{subtitle}。{}。", format::join(points, "。")),
        }
    }

    /// The chart's data: every figure it shows, once, in order of use, then the facts it states
    /// in words, then, if it converts money, the rate it converts at.
    pub fn table(&self) -> Vec<DataRow> {
        let lang = self.lang();
        let row = |f: &Figure| {
            let shown = self.locale.currency.show(f);
            DataRow {
                id: f.id,
                label: f.label_in(lang),
                value: format::figure(f, lang),
                converted: shown.converted.then(|| format::words(&shown, lang)),
                year: f.year,
                source: f.source.credit(lang),
            }
        };
        let mut rows: Vec<DataRow> = Vec::new();
        for id in &self.used {
            if rows.iter().any(|r| r.id == *id) {
                continue;
            }
            let f = figures::get(id).expect("used ids were checked when used");
            rows.push(row(&f));
        }
        rows.extend(self.facts.iter().cloned());
        if rows.iter().any(|r| r.converted.is_some()) {
            rows.push(row(
                &figures::get("rmb_per_usd").expect("the rate is derived")
            ));
        }
        rows
    }

    /// What a tooltip on the mark `key` says: the figure as sourced, hedge in words, then (if the
    /// chart converts it) the conversion, its year and its source. `None` for a mark showing no figure.
    ///
    /// "Raised from investors: more than $3bn · Source: Financial Times (2021)";
    /// "向投资者融资总额：超过30亿美元（折合超过190亿元） · 资料来源：英国《金融时报》（2021年）".
    pub fn tooltip(&self, key: &str) -> Option<String> {
        let (_, id) = self.marks.iter().find(|(k, _)| k == key)?;
        let f = figures::get(id)?;
        let lang = self.lang();
        let mut value = format::figure(&f, lang);
        let shown = self.locale.currency.show(&f);
        if shown.converted {
            let converted = format::words(&shown, lang);
            value = match lang.built() {
                Lang::En => format!("{value} ({converted})"),
                Lang::Zh => format!("{value}（{converted}）"),
            };
        }
        let mut parts = vec![format!("{}{}{value}", f.label_in(lang), lang.t(": ", "："))];
        if let Some(year) = f.year {
            parts.push(format::value(f64::from(year), Unit::Year, lang));
        }
        parts.push(format!(
            "{}{}",
            lang.t("Source: ", "资料来源："),
            f.source.credit(lang)
        ));
        Some(format::join(parts, " · "))
    }
}

/// Every figure id any chart state uses.
pub fn used_figures() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = ChartState::ALL
        .iter()
        .flat_map(|s| s.build(&crate::theme::LIGHT, &Locale::default()).used)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::LIGHT;

    /// English, money as reported: the explainer as it was first written.
    const L: Locale = Locale {
        lang: Lang::En,
        currency: crate::locale::Currency::Reported,
    };

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
            let scene = s.scene(&LIGHT, &L);
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
                    source.contains(f.source.credit(Lang::En))
                        || source.contains(f.source.short_credit(Lang::En)),
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
        let funding = ChartState::Funding.scene(&LIGHT, &L);
        assert_eq!(funding.bar("raised").unwrap().bound, Bound::Lower);
        assert_eq!(funding.text("raised-value"), Some("more than $3bn"));
        assert_eq!(funding.bar("ipo").unwrap().bound, Bound::Exact);
        let helmets = ChartState::Helmets.scene(&LIGHT, &L);
        assert_eq!(helmets.bar("helmet-before").unwrap().bound, Bound::Upper);
        assert_eq!(helmets.text("helmet-before-value"), Some("under 50%"));
        let mix = ChartState::RevenueMix.scene(&LIGHT, &L);
        assert_eq!(mix.bar("auto-share").unwrap().bound, Bound::Upper);
        assert_eq!(mix.text("auto-share-value"), Some("less than 5%"));
        assert_eq!(mix.text("rest-share-value"), Some("more than 55%"));
        assert_eq!(
            ChartState::Grants
                .scene(&LIGHT, &L)
                .bar("grants-2019")
                .unwrap()
                .bound,
            Bound::Approximate
        );
    }

    #[test]
    fn bars_are_proportional_to_their_figures() {
        let mix = ChartState::RevenueMix.scene(&LIGHT, &L);
        let city = mix.bar("city-share").unwrap().rect;
        let rest = mix.bar("rest-share").unwrap().rect;
        assert!(((city.x1 - city.x0) / (rest.x1 - rest.x0) - 40.0 / 55.0).abs() < 1e-9);
        let mentions = ChartState::Mentions.scene(&LIGHT, &L);
        let d = mentions.bar("mention-driving").unwrap().rect;
        let f = mentions.bar("mention-facial").unwrap().rect;
        assert!(((d.x1 - d.x0) / (f.x1 - f.x0) - 68.0 / 6.0).abs() < 1e-9);
        let helmets = ChartState::Helmets.scene(&LIGHT, &L);
        let b = helmets.bar("helmet-before").unwrap().rect;
        let a = helmets.bar("helmet-after").unwrap().rect;
        assert!(((b.y1 - b.y0) / (a.y1 - a.y0) - 50.0 / 94.0).abs() < 1e-9);
    }

    #[test]
    fn the_key_numbers_are_on_their_charts() {
        let texts = |s: ChartState| {
            s.scene(&LIGHT, &L)
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
            let built = s.build(&LIGHT, &L);
            let text = built.description();
            assert!(
                text.starts_with(built.scene.text("title").unwrap()),
                "{text}"
            );
            assert!(built.points.len() >= 2, "{}: {text}", s.id());
            assert!(!text.contains(".."), "{text}");
        }
        let funding = ChartState::Funding.build(&LIGHT, &L).description();
        assert!(
            funding.contains("Raised from investors so far: more than $3bn"),
            "{funding}"
        );
        let helmets = ChartState::Helmets.build(&LIGHT, &L).description();
        assert!(
            helmets.contains("Before: under 50%") && helmets.contains("After: 94%"),
            "{helmets}"
        );
        let detection = ChartState::Detection.build(&LIGHT, &L).description();
        assert!(
            detection.contains("Drivers using phones: 86–96%"),
            "{detection}"
        );
    }

    #[test]
    fn tables_list_each_figure_once_with_value_year_and_source() {
        let table = ChartState::Grants.build(&LIGHT, &L).table();
        let ids: Vec<_> = table.iter().map(|r| r.id).collect();
        assert_eq!(ids, ["grants_2019", "grants_2020", "grants_growth"]);
        assert_eq!(table[0].value, "about Rmb257.5m");
        assert_eq!(table[0].source, "our calculation");
        assert_eq!(table[1].year, Some(2020));
        let megvii = ChartState::Megvii.build(&LIGHT, &L).table();
        assert_eq!(megvii[1].value, "64%");
        for s in ChartState::ALL {
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
        for s in ChartState::ALL {
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
        let scene = ChartState::Grants.scene(&LIGHT, &L);
        let y = |key: &str| match scene.labels.iter().find(|l| l.key == key).unwrap().slot {
            Slot::Plot(_, y) => y,
            other => panic!("{key} is at {other:?}"),
        };
        assert!(y("grants-2019-value") - y("grants-rise") >= 0.1);
    }

    #[test]
    fn the_smart_city_bar_is_the_same_mark_in_both_comparisons() {
        let mix = ChartState::RevenueMix.scene(&LIGHT, &L);
        let megvii = ChartState::Megvii.scene(&LIGHT, &L);
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

    use crate::locale::Currency;

    fn locale(lang: Lang, currency: Currency) -> Locale {
        Locale { lang, currency }
    }

    /// Every chart in every language and currency mode.
    fn everything() -> Vec<(ChartState, Locale, Charts)> {
        ChartState::ALL
            .into_iter()
            .flat_map(|s| Locale::all().map(|l| (s, l, s.build(&LIGHT, &l))))
            .collect()
    }

    /// Everything a reader of a chart sees or hears: its labels, points, table and tooltips.
    fn all_words(built: &Charts) -> Vec<String> {
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
            for (key, id) in &built.marks {
                assert!(
                    plain.bar(key).is_some() || plain.dots.iter().any(|d| &d.key == key),
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
            if l.lang != Lang::Zh {
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
    fn chinese_labels_fit_where_the_english_ones_do() {
        // A Chinese label on the plot is no wider than the widest English one with the same key
        // in any currency mode (plus two half-width characters), line by line.
        let widest = |text: &str| text.lines().map(format::width).max().unwrap_or(0);
        for s in ChartState::ALL {
            for currency in Currency::ALL {
                let zh = s.scene(&LIGHT, &locale(Lang::Zh, currency));
                for label in zh
                    .labels
                    .iter()
                    .filter(|l| matches!(l.slot, Slot::Plot(..)))
                {
                    let english = Currency::ALL
                        .iter()
                        .filter_map(|c| {
                            s.scene(&LIGHT, &locale(Lang::En, *c))
                                .text(&label.key)
                                .map(widest)
                        })
                        .max()
                        .unwrap_or_else(|| panic!("{}: no English {}", s.id(), label.key));
                    assert!(
                        widest(&label.text) <= english + 2,
                        "{} {currency:?}: {} is {:?}, wider than the English ({english})",
                        s.id(),
                        label.key,
                        label.text
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
            let (other, name) = match (l.lang, l.currency) {
                (_, Currency::Reported) => continue,
                (Lang::En, Currency::Rmb) => ("$", "dollars"),
                (Lang::En, Currency::Usd) => ("Rmb", "renminbi"),
                (Lang::Zh, Currency::Rmb) => ("美元", "dollars"),
                // 元 not as part of 美元: renminbi.
                (Lang::Zh, Currency::Usd) => ("元", "renminbi"),
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
                assert!(built.description().contains("6.48"), "{}", s.id());
                assert!(built.table().iter().any(|r| r.id == "rmb_per_usd"));
            }
        }
        // Money charts change their words, and only their words.
        for (state, key) in [
            (ChartState::Funding, "raised-value"),
            (ChartState::RevenueTrend, "rev-0-value"),
            (ChartState::Grants, "grants-2020-value"),
            (ChartState::Customers, "cust-note"),
            (ChartState::RevenueMix, "mix-note"),
        ] {
            for lang in Lang::ALL {
                let texts: Vec<String> = Currency::ALL
                    .iter()
                    .map(|c| {
                        state
                            .scene(&LIGHT, &locale(lang, *c))
                            .text(key)
                            .unwrap()
                            .to_string()
                    })
                    .collect();
                let changed = texts[1] != texts[0] || texts[2] != texts[0];
                assert!(changed, "{} {key}: {texts:?}", state.id());
            }
        }
        let rmb = ChartState::Funding.scene(&LIGHT, &locale(Lang::En, Currency::Rmb));
        assert_eq!(rmb.text("raised-value"), Some("more than ≈Rmb19bn"));
        assert_eq!(rmb.text("ipo-value"), Some("≈Rmb13bn"));
        assert_eq!(
            rmb.text("subtitle"),
            Some("Renminbi, converted from US dollars")
        );
        assert_eq!(
            rmb.text("fx-note"),
            Some("Converted at Rmb6.48/$ (FT: Rmb3.4bn = $525m)")
        );
        let usd = ChartState::RevenueTrend.scene(&LIGHT, &locale(Lang::Zh, Currency::Usd));
        assert_eq!(usd.text("rev-0-value"), Some("≈2.86亿美元"));
        assert_eq!(usd.text("rev-h0-value"), Some("≈1.33亿美元"));
        assert_eq!(usd.text("subtitle"), Some("营收（美元，由人民币折算）"));
        let zh = ChartState::Grants.scene(&LIGHT, &locale(Lang::Zh, Currency::Reported));
        assert_eq!(zh.text("grants-2020-value"), Some("3.528亿元"));
        assert_eq!(zh.text("grants-2019-value"), Some("约2.575亿元"));
        // The article gives sales in both currencies: each mode shows a sourced one, unconverted.
        for (currency, want) in [
            (Currency::Reported, "Share of Rmb3.4bn ($525m) in sales"),
            (Currency::Rmb, "Share of Rmb3.4bn in sales"),
            (Currency::Usd, "Share of $525m in sales"),
        ] {
            let mix = ChartState::RevenueMix.scene(&LIGHT, &locale(Lang::En, currency));
            assert_eq!(mix.text("subtitle"), Some(want));
        }
    }

    #[test]
    fn tables_keep_the_sourced_value_beside_a_conversion() {
        for s in ChartState::ALL {
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
        let grants = ChartState::Grants
            .build(&LIGHT, &locale(Lang::En, Currency::Usd))
            .table();
        assert_eq!(grants[1].value, "Rmb352.8m");
        assert_eq!(grants[1].converted.as_deref(), Some("about $54.5m"));
        assert_eq!(grants[3].id, "rmb_per_usd");
        assert_eq!(grants[3].value, "about Rmb6.48 per $");
        let zh = ChartState::Funding
            .build(&LIGHT, &locale(Lang::Zh, Currency::Rmb))
            .table();
        assert_eq!(zh[0].label, "向投资者融资总额");
        assert_eq!(zh[0].value, "超过30亿美元");
        assert_eq!(zh[0].converted.as_deref(), Some("折合超过190亿元"));
        assert_eq!(zh[0].source, "英国《金融时报》（2021年）");
    }

    #[test]
    fn tooltips_give_the_sourced_figure_its_year_and_source() {
        let tip = |state: ChartState, l: Locale, key: &str| state.build(&LIGHT, &l).tooltip(key);
        let en = L;
        assert_eq!(
            tip(ChartState::Funding, en, "raised").as_deref(),
            Some("Raised from investors: more than $3bn · Source: Financial Times (2021)")
        );
        assert_eq!(
            tip(ChartState::Funding, locale(Lang::En, Currency::Rmb), "raised").as_deref(),
            Some("Raised from investors: more than $3bn (more than the equivalent of Rmb19bn) · Source: Financial Times (2021)")
        );
        assert_eq!(
            tip(ChartState::Grants, en, "grants-2020").as_deref(),
            Some("Government grants received: Rmb352.8m · 2020 · Source: Financial Times (2021)")
        );
        assert_eq!(
            tip(
                ChartState::Funding,
                locale(Lang::Zh, Currency::Rmb),
                "raised"
            )
            .as_deref(),
            Some("向投资者融资总额：超过30亿美元（折合超过190亿元） · 资料来源：英国《金融时报》（2021年）")
        );
        assert_eq!(
            tip(
                ChartState::RevenueTrend,
                locale(Lang::Zh, Currency::Reported),
                "rev-h0"
            )
            .as_deref(),
            Some("2020年上半年营收：8.612亿元 · 2020年 · 资料来源：商汤香港招股书（2021年8月）")
        );
        assert_eq!(
            tip(ChartState::Timeline, en, "event-1").as_deref(),
            Some("SenseTime blacklisted by the US: 2019 · Source: Financial Times (2021)")
        );
        assert_eq!(
            tip(ChartState::Detection, en, "phone-range").as_deref(),
            Some("Accuracy spotting drivers on phones, high end: 96% · Source: Financial Times (2021)")
        );
        // Marks that show no figure have no tooltip.
        assert_eq!(tip(ChartState::Customers, en, "others"), None);
        assert_eq!(tip(ChartState::Peers, en, "peer-0-0"), None);
        assert_eq!(tip(ChartState::Funding, en, "nothing"), None);
    }

    #[test]
    fn every_figure_shown_on_a_bar_has_a_tooltip() {
        for (s, l, built) in everything() {
            for bar in &built.scene.bars {
                let shows = built.marks.iter().any(|(k, _)| k == &bar.key);
                // The customers chart's "everyone else" is the rest of the whole, not a figure.
                assert!(
                    shows || bar.key == "others",
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
}
