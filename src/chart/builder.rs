//! The chart builder: a scene under construction, with the figures it uses, the points it makes
//! in words and the figure each mark shows, and the marks every chart is made of (header, rows,
//! columns, notes, source line).

use super::conversion::conversion_note;
use crate::data::figures::{self, Bound, Figure, Source};
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Bar, Dot, Grow, Label, Line, Rect, Scene, Size, Slot, Units};
use crate::draw::theme::{Rgba, Theme};
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::locale::Locale;
use crate::text::money::{Currency, Shown};

/// A horizontal bar's thickness, in plot heights: thin enough for three rows, their categories
/// and a note.
pub(super) const ROW_THICKNESS: f64 = 0.09;
/// How far a row's category sits above its bar, in lines of its own size (see `Label::nudge`):
/// clear of the bar and near it, however tall the panel.
pub(super) const CATEGORY_ABOVE_ROW: f64 = -1.0;
/// The gap between a row's end and its value, in plot widths; wider after an open end (a
/// lower bound), which is drawn past the bar's end.
pub(super) const ROW_VALUE_GAP: f64 = 0.02;
const ROW_VALUE_GAP_OPEN: f64 = 0.06;
/// How far a column's value sits above its top, in lines of its own size; further above an open
/// end, which is drawn past the top.
const COLUMN_VALUE_ABOVE: f64 = -1.0;
const COLUMN_VALUE_ABOVE_OPEN: f64 = -1.9;
/// How far a column's category sits below the baseline, in lines of its own size.
const CATEGORY_BELOW_COLUMN: f64 = 1.0;
/// How far across a share of 100% reaches in the charts of shares of sales (the revenue mix,
/// Megvii): the same in both, so the Smart City bar is the same mark in both and does not move.
pub(super) const SHARE_REACH: f64 = 0.7;
/// A band across the whole plot, from `y0` down to `y1`: where a field of marks goes.
pub(super) const fn band(y0: f64, y1: f64) -> Rect {
    Rect {
        x0: 0.0,
        y0,
        x1: 1.0,
        y1,
    }
}

/// How far a field's heading sits above its marks, in lines of its own size.
const HEADING_ABOVE_FIELD: f64 = -1.0;
/// Rules (baselines, row rules) are a CSS pixel wide.
pub(super) const RULE_WIDTH: f64 = 1.0;
/// The widest a source line may be on a 390 px phone, counting a CJK character as two: wider,
/// it takes two lines.
pub(super) const SOURCE_LINE_WIDTH: usize = 48;

/// A chart as built (and, while its file's `build` runs, under construction): its scene, the
/// figures it used, and what it says in words.
pub struct Chart {
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
    /// Whether the chart stands alone, outside the story (see `ChartId::build_alone`).
    pub alone: bool,
    pub(super) theme: Theme,
    /// The figure whose unit (bn or m, 亿 or 万) every amount on the chart takes, so that amounts
    /// compared on it share a unit and a rounding; `None`: each amount its own.
    pub(super) amounts_like: Option<Figure>,
}

impl Chart {
    pub(super) fn new(theme: Theme, locale: Locale) -> Self {
        Chart {
            scene: Scene::default(),
            used: Vec::new(),
            cited: Vec::new(),
            points: Vec::new(),
            facts: Vec::new(),
            marks: Vec::new(),
            locale,
            converted: false,
            alone: false,
            theme,
            amounts_like: None,
        }
    }

    pub(super) fn lang(&self) -> Lang {
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
    pub(super) fn money(&mut self, f: &Figure) -> Shown {
        let shown = self.locale.currency.show(f);
        self.converted |= shown.converted;
        shown
    }

    /// `f` in the chart's language and currency, scaled like its other amounts, as `put` says it.
    fn put(&mut self, f: &Figure, put: fn(&Shown, Lang, f64) -> String) -> String {
        let shown = self.money(f);
        let like = self.like(&shown);
        put(&shown, self.lang(), like)
    }

    /// `f` in words, in the chart's language and currency: for the text alternative.
    pub(super) fn said(&mut self, f: &Figure) -> String {
        self.put(f, format::words_like)
    }

    /// `f` as a label with little room: its amount without the currency the subtitle names,
    /// "≈" if converted ("3.03bn", "≈530m", "30.3亿").
    pub(super) fn labelled_short(&mut self, f: &Figure) -> String {
        let shown = self.money(f);
        let like = self.like(&shown);
        let amount = format::amount_like(shown.value, self.lang(), like);
        if shown.converted {
            format!("≈{amount}")
        } else {
            amount
        }
    }

    /// `f` as a label on a mark, in the chart's language and currency.
    pub(super) fn labelled(&mut self, f: &Figure) -> String {
        self.put(f, format::label_like)
    }

    /// [`Chart::labelled`] in fewer words, for a label's short form: "more than ≈Rmb19bn" for
    /// "more than Rmb19bn, converted".
    pub(super) fn labelled_compact(&mut self, f: &Figure) -> String {
        self.put(f, format::label_like_compact)
    }

    /// The amount `shown` is scaled like: [`Chart::amounts_like`], shown in the same currency
    /// mode, or itself.
    pub(super) fn like(&self, shown: &Shown) -> f64 {
        self.amounts_like
            .map(|like| self.locale.currency.show(&like))
            .filter(|like| like.unit == shown.unit)
            .map_or(shown.value, |like| like.value)
    }

    /// The credit line: every source the chart's figures come from, in a fixed order.
    pub(super) fn sources(&self) -> String {
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
        // Standing alone, the calculation is named with who made it: after the others, on a
        // line of its own if one line would not fit a phone.
        let calculated = self.alone && names.contains(&Source::Derived);
        if calculated {
            names.retain(|s| *s != Source::Derived);
        }
        let separator = lang.pick("; ", "；");
        // One source is named in full; several in short, so the line fits a phone.
        let line = match names.as_slice() {
            [] => String::new(),
            [one] if !calculated => format!(
                "{}{}",
                lang.pick("Source: ", "资料来源："),
                one.credit(lang)
            ),
            many => format!(
                "{}{}",
                lang.pick("Sources: ", "资料来源："),
                format::join(many.iter().map(|s| s.short_credit(lang)), separator)
            ),
        };
        if !calculated {
            return line;
        }
        let by = Source::Derived.credit_alone(lang);
        if line.is_empty() {
            return format::capitalised(by);
        }
        let one_line = format!("{line}{separator}{by}");
        if format::width(&one_line) <= SOURCE_LINE_WIDTH {
            one_line
        } else {
            format!("{line}{}\n{by}", separator.trim_end())
        }
    }

    pub(super) fn finish(mut self) -> Chart {
        let source = self.sources();
        let muted = self.theme.muted;
        if let Some(key) = hedge_key(&self.scene, self.lang()) {
            self.label(
                "hedge-key",
                &key,
                Slot::Key,
                Anchor::Start,
                Size::Small,
                muted,
            );
        }
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

    /// The header of a chart whose subtitle names its money: `in_usd` when every amount is shown
    /// in dollars, `subtitle` otherwise.
    pub(super) fn header_for_money(&mut self, title: Words, subtitle: Words, in_usd: Words) {
        let l = self.lang();
        let subtitle = match self.locale.currency {
            Currency::Usd => in_usd,
            _ => subtitle,
        };
        self.header(l.say(title), l.say(subtitle));
    }

    pub(super) fn header(&mut self, title: &str, subtitle: &str) {
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

    pub(super) fn label(
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
            nudge: 0.0,
            room: 0.0,
            short: String::new(),
        });
    }

    /// Limits the label `key` to `room` plot widths, with `short` to say instead if it would
    /// not fit there (empty: shrink it, never shorten).
    pub(super) fn room(&mut self, key: &str, room: f64, short: &str) {
        if let Some(label) = self.label_mut(key) {
            label.room = room;
            label.short = short.to_string();
        }
    }

    /// The label with this key, to change after the helper that made it.
    pub(super) fn label_mut(&mut self, key: &str) -> Option<&mut Label> {
        self.scene.labels.iter_mut().find(|l| l.key == key)
    }

    /// A count as marks you can count (see [`Units`]), showing figure `f`: `f.value` marks,
    /// trailing off after the last if the figure is a lower bound.
    pub(super) fn units(&mut self, key: &str, f: &Figure, area: Rect, colour: Rgba) {
        self.scene.units.push(Units {
            key: key.to_string(),
            area,
            count: f.value.round(),
            colour,
            open: f.bound() == Bound::Lower,
        });
        self.shows(key, f.id);
    }

    /// A count as marks (see [`Chart::units`]) under its heading, which sits a line above the
    /// marks: the field `key`, its heading `key-cat`.
    pub(super) fn field(&mut self, key: &str, heading: &str, f: &Figure, area: Rect, colour: Rgba) {
        let ink = self.theme.ink;
        self.at(
            &format!("{key}-cat"),
            heading,
            (area.x0, area.y0),
            Anchor::Start,
            Size::Body,
            ink,
        );
        self.nudge(HEADING_ABOVE_FIELD);
        self.units(key, f, area, colour);
    }

    /// Sets the label `key` in large type: the step's key figure, beside its mark.
    pub(super) fn emphasise(&mut self, key: &str) {
        if let Some(label) = self.label_mut(key) {
            label.size = Size::Large;
        }
    }

    /// Moves the label just pushed `lines` of its own size down (negative: up) from its slot.
    pub(super) fn nudge(&mut self, lines: f64) {
        self.scene
            .labels
            .last_mut()
            .expect("a label was pushed")
            .nudge = lines;
    }

    pub(super) fn at(
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

    pub(super) fn bold(&mut self) {
        self.scene
            .labels
            .last_mut()
            .expect("a label was pushed")
            .bold = true;
    }

    pub(super) fn bar(&mut self, key: &str, rect: Rect, colour: Rgba, grow: Grow, bound: Bound) {
        self.scene.bars.push(Bar {
            key: key.to_string(),
            rect,
            colour,
            grow,
            bound,
        });
    }

    /// Notes that the mark `key` shows the figure `id`, for its tooltip.
    pub(super) fn shows(&mut self, key: &str, id: &'static str) {
        self.marks.push((key.to_string(), id));
    }

    pub(super) fn line(
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
            over: false,
        });
    }

    /// Draws the line just pushed over the bars: a connector between marks, not a rule.
    pub(super) fn over_marks(&mut self) {
        self.scene.lines.last_mut().expect("a line was pushed").over = true;
    }

    pub(super) fn dot(&mut self, key: &str, at: (f64, f64), radius: f64, colour: Rgba) {
        self.scene.dots.push(Dot {
            key: key.to_string(),
            at,
            radius,
            colour,
        });
    }

    /// "category: value" for the text alternative, with the language's colon.
    pub(super) fn point(&mut self, category: &str, value: &str) {
        let colon = self.lang().pick(": ", "：");
        self.points.push(format!("{category}{colon}{value}"));
    }

    /// A horizontal bar row: the category above the bar, the figure (with its hedge) after its end.
    ///
    /// The bar's length is the figure's own value on `scale`, in its own currency: a converted
    /// chart keeps its bars and changes its words.
    pub(super) fn row(
        &mut self,
        key: &str,
        category: &str,
        f: &Figure,
        y: f64,
        scale: &Linear,
        colour: Rgba,
    ) {
        let said = self.said(f);
        self.point(category, &said);
        let end = scale.map(f.value);
        let ink = self.theme.ink;
        self.at(
            &format!("{key}-cat"),
            category,
            (0.0, y),
            Anchor::Start,
            Size::Body,
            ink,
        );
        self.nudge(CATEGORY_ABOVE_ROW);
        self.bar(
            key,
            Rect {
                x0: scale.map(0.0),
                y0: y,
                x1: end,
                y1: y + ROW_THICKNESS,
            },
            colour,
            Grow::Right,
            f.bound(),
        );
        self.shows(key, f.id);
        // Leave room for the open end an unbounded bar is drawn with.
        let gap = if f.bound() == Bound::Lower {
            ROW_VALUE_GAP_OPEN
        } else {
            ROW_VALUE_GAP
        };
        let text = self.labelled(f);
        self.at(
            &format!("{key}-value"),
            &text,
            (end + gap, y + ROW_THICKNESS / 2.0),
            Anchor::Start,
            Size::Body,
            ink,
        );
        self.bold();
    }

    /// A vertical bar: the figure above it, its category below the baseline.
    pub(super) fn column(
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
        let above = if f.bound() == Bound::Lower {
            COLUMN_VALUE_ABOVE_OPEN
        } else {
            COLUMN_VALUE_ABOVE
        };
        let text = self.labelled(f);
        self.at(
            &format!("{key}-value"),
            &text,
            (x + width / 2.0, top),
            Anchor::Middle,
            Size::Body,
            ink,
        );
        self.bold();
        self.nudge(above);
        self.at(
            &format!("{key}-cat"),
            category,
            (x + width / 2.0, base),
            Anchor::Middle,
            Size::Body,
            ink,
        );
        self.nudge(CATEGORY_BELOW_COLUMN);
    }

    pub(super) fn baseline(&mut self, y: f64) {
        let rule = self.theme.rule;
        self.line("baseline", (0.0, y), (1.0, y), rule, RULE_WIDTH, false);
    }

    pub(super) fn note(&mut self, key: &str, text: &str, y: f64) {
        self.points.push(joined(text, self.lang()));
        let muted = self.theme.muted;
        self.at(key, text, (0.0, y), Anchor::Start, Size::Small, muted);
    }

    /// A note whose words in the text alternative differ from those drawn (fuller amounts).
    pub(super) fn note_said(&mut self, key: &str, text: &str, said: &str, y: f64) {
        self.points.push(joined(said, self.lang()));
        let muted = self.theme.muted;
        self.at(key, text, (0.0, y), Anchor::Start, Size::Small, muted);
    }
}

/// How each kind of hedged mark is drawn, in words, in the order a key lists them.
const HEDGE_KEY: [(Bound, Words); 3] = [
    (Bound::Lower, ("fading end: more than", "渐隐末端：下限")),
    (Bound::Upper, ("dashed cap: at most", "虚线封顶：上限")),
    (
        Bound::Approximate,
        ("dashed outline: our estimate", "虚线轮廓：估算"),
    ),
];

/// The one-line key to the hedged marks `scene` draws ("fading end: more than · dashed cap: at
/// most"), or `None` if it draws none: every chart with a hedged mark explains it where it is.
fn hedge_key(scene: &Scene, lang: Lang) -> Option<String> {
    let parts: Vec<&str> = HEDGE_KEY
        .iter()
        .filter(|(bound, _)| scene.bars.iter().any(|b| b.bound == *bound))
        .map(|(_, words)| lang.say(*words))
        .collect();
    (!parts.is_empty()).then(|| format::join(parts, " · "))
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

/// A multi-line label as one line of prose: English lines join with a space, Chinese with nothing.
pub(super) fn joined(text: &str, lang: Lang) -> String {
    text.replace('\n', lang.pick(" ", ""))
}
