//! Embed requests: what a newsroom asks for (an iframe URL's query, a script embed's options),
//! parsed and checked, the notice shown when a request is wrong, an embed's height, and the link
//! back to the story.

use std::fmt;

use super::messages::PYM_PARAMETERS;
use super::query::{percent_decode, query_with_currency};
use crate::chart::ChartId;
use crate::lang::Lang;
use crate::story::steps::STEPS;
use crate::text::format;
use crate::text::locale::Locale;
use crate::text::money::Currency;

/// Which theme an embed draws in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    Light,
    Dark,
    /// The reader's `prefers-color-scheme`.
    #[default]
    Auto,
}

impl ThemeChoice {
    fn parse(value: &str) -> Result<ThemeChoice, EmbedError> {
        match value {
            "light" => Ok(ThemeChoice::Light),
            "dark" => Ok(ThemeChoice::Dark),
            "auto" => Ok(ThemeChoice::Auto),
            _ => Err(EmbedError::BadTheme(value.to_string())),
        }
    }

    /// Whether to draw dark, given the reader's preference.
    pub fn is_dark(self, prefers_dark: bool) -> bool {
        match self {
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
            ThemeChoice::Auto => prefers_dark,
        }
    }
}

/// A single-chart embed, as asked for by `embed.html?chart=…&theme=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartEmbed {
    pub chart: ChartId,
    pub theme: ThemeChoice,
    /// `lang=en|zh`; English by default.
    pub lang: Lang,
    /// `currency=reported|rmb|usd`; as reported by default.
    pub currency: Currency,
    /// `height=<px>`: the chart's height, as a script embed's option; by default it follows the
    /// width.
    pub height: Option<u32>,
    /// pym.js's id for this frame, to address height messages.
    pub child_id: Option<String>,
}

impl ChartEmbed {
    /// The language and currency mode asked for.
    pub fn locale(&self) -> Locale {
        Locale {
            lang: self.lang,
            currency: self.currency,
        }
    }
}

/// Options of a script embed, from its `data-options` JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScriptOptions {
    pub theme: ThemeChoice,
    /// The chart's height in CSS pixels; by default it follows the width.
    pub height: Option<u32>,
    /// `"en"` or `"zh"`.
    pub lang: Lang,
    /// `"reported"`, `"rmb"` or `"usd"`.
    pub currency: Currency,
}

/// One option's value as the page's JavaScript holds it (read through serde: [`super::options`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Text(String),
    Number(f64),
    /// Anything else, named for the message: "a boolean", "null", "an object"…
    Other(&'static str),
}

/// The heights a script embed's `height` option may take, in CSS pixels.
pub const HEIGHTS: std::ops::RangeInclusive<u32> = 200..=1200;

impl ScriptOptions {
    /// The option names, as written in `data-options`.
    pub const FIELDS: [&'static str; 4] = ["theme", "height", "lang", "currency"];

    /// Rejects names that are not options. (Deserializing a JavaScript object reads only the
    /// fields it knows, so a misspelt option would otherwise pass unnoticed.)
    pub fn check_names<S: AsRef<str>>(names: &[S]) -> Result<(), EmbedError> {
        match names.iter().find(|n| !Self::FIELDS.contains(&n.as_ref())) {
            Some(name) => Err(EmbedError::BadOptions(format!(
                "unknown field `{}`, expected one of `theme`, `height`, `lang`, `currency`",
                name.as_ref()
            ))),
            None => Ok(()),
        }
    }

    /// Reads the options from `data-options`' fields, in any order: unknown names, values of
    /// the wrong type and values outside their choices are errors that name the option.
    pub fn from_fields<I>(fields: I) -> Result<ScriptOptions, EmbedError>
    where
        I: IntoIterator<Item = (String, OptionValue)>,
    {
        let fields: Vec<(String, OptionValue)> = fields.into_iter().collect();
        let names: Vec<&str> = fields.iter().map(|(name, _)| name.as_str()).collect();
        Self::check_names(&names)?;
        let mut options = ScriptOptions::default();
        for (name, value) in fields {
            let text = || match &value {
                OptionValue::Text(text) => Ok(text.clone()),
                other => Err(wrong_type(&name, "a string", other)),
            };
            match name.as_str() {
                "theme" => options.theme = ThemeChoice::parse(&text()?)?,
                "lang" => {
                    let code = text()?;
                    options.lang = Lang::from_code(&code).ok_or(EmbedError::BadLang(code))?
                }
                "currency" => {
                    let id = text()?;
                    options.currency = Currency::from_id(&id).ok_or(EmbedError::BadCurrency(id))?
                }
                // "height": check_names has let nothing else through.
                _ => {
                    options.height = match value {
                        OptionValue::Number(n) if n.fract() == 0.0 && (0.0..=1e9).contains(&n) => {
                            Some(n as u32)
                        }
                        OptionValue::Other("null") => None,
                        other => return Err(wrong_type(&name, "a whole number of pixels", &other)),
                    }
                }
            }
        }
        options.validate()
    }

    /// The language and currency mode asked for.
    pub fn locale(&self) -> Locale {
        Locale {
            lang: self.lang,
            currency: self.currency,
        }
    }

    /// Checks what the types alone cannot.
    pub fn validate(self) -> Result<ScriptOptions, EmbedError> {
        match self.height {
            Some(h) if !HEIGHTS.contains(&h) => Err(EmbedError::BadHeight(h)),
            _ => Ok(self),
        }
    }
}

fn wrong_type(name: &str, expected: &str, found: &OptionValue) -> EmbedError {
    let found = match found {
        OptionValue::Text(text) => format!("the string \u{201c}{text}\u{201d}"),
        OptionValue::Number(_) => "a number".to_string(),
        OptionValue::Other(kind) => kind.to_string(),
    };
    EmbedError::BadOptions(format!("`{name}` should be {expected}, not {found}"))
}

/// What went wrong with an embed's request, in words a newsroom developer can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    NoChart,
    UnknownChart(String),
    UnknownStep(String),
    ChartAndStepDisagree {
        chart: String,
        step: String,
    },
    BadTheme(String),
    BadLang(String),
    BadCurrency(String),
    BadHeight(u32),
    UnknownParameter(String),
    /// The script embed's `data-options` did not fit: the deserializer's own words.
    BadOptions(String),
}

/// Every chart's id, for messages that list them: "funding, peers, …".
pub fn chart_ids() -> String {
    format::join(ChartId::ALL.iter().map(|s| s.id()), ", ")
}

impl EmbedError {
    /// What went wrong, in `lang`. Ids, parameter and option names stay as they are written.
    pub fn message(&self, lang: Lang) -> String {
        let list = |items: &[&str]| format::join(items, lang.pick(", ", "、"));
        match self {
            EmbedError::NoChart => lang.pick_with(
                || {
                    format!(
                        "Say which chart to show, e.g. chart=revenue-mix. Charts: {}.",
                        chart_ids()
                    )
                },
                || {
                    format!(
                        "请指定要显示的图表，例如 chart=revenue-mix。可用图表：{}。",
                        chart_ids()
                    )
                },
            ),
            EmbedError::UnknownChart(id) => lang.pick_with(
                || {
                    format!(
                        "There is no chart called \u{201c}{id}\u{201d}. Charts: {}.",
                        chart_ids()
                    )
                },
                || format!("没有名为“{id}”的图表。可用图表：{}。", chart_ids()),
            ),
            EmbedError::UnknownStep(id) => {
                let steps = format::join(STEPS.iter().map(|s| s.id), ", ");
                lang.pick_with(
                    || format!("There is no step called \u{201c}{id}\u{201d}. Steps: {steps}."),
                    || format!("没有名为“{id}”的步骤。可用步骤：{steps}。"),
                )
            }
            EmbedError::ChartAndStepDisagree { chart, step } => lang.pick_with(
                || format!(
                    "The step \u{201c}{step}\u{201d} does not show the chart \u{201c}{chart}\u{201d}; give one or the other."
                ),
                || format!("步骤“{step}”显示的不是图表“{chart}”，请只指定其中之一。"),
            ),
            EmbedError::BadTheme(t) => lang.pick_with(
                || format!("The theme \u{201c}{t}\u{201d} is not one of light, dark or auto."),
                || format!("主题“{t}”无效，可选 light、dark 或 auto。"),
            ),
            EmbedError::BadLang(l) => lang.pick_with(
                || format!("The language \u{201c}{l}\u{201d} is not one of en or zh."),
                || format!("语言“{l}”无效，可选 en 或 zh。"),
            ),
            EmbedError::BadCurrency(c) => lang.pick_with(
                || format!("The currency \u{201c}{c}\u{201d} is not one of reported, rmb or usd."),
                || format!("货币“{c}”无效，可选 reported、rmb 或 usd。"),
            ),
            EmbedError::BadHeight(h) => lang.pick_with(
                || {
                    format!(
                        "A height of {h}px is outside {}-{}px.",
                        HEIGHTS.start(),
                        HEIGHTS.end()
                    )
                },
                || {
                    format!(
                        "高度 {h}px 超出 {}-{}px 的范围。",
                        HEIGHTS.start(),
                        HEIGHTS.end()
                    )
                },
            ),
            EmbedError::UnknownParameter(p) => {
                let known = list(&["chart", "step", "theme", "lang", "currency", "height"]);
                lang.pick_with(
                    || format!(
                        "The parameter \u{201c}{p}\u{201d} is not one this embed knows: {known}."
                    ),
                    || format!("此嵌入不支持参数“{p}”，可用参数：{known}。"),
                )
            }
            EmbedError::BadOptions(why) => {
                let known = list(&ScriptOptions::FIELDS);
                lang.pick_with(
                    || format!("The embed's data-options do not fit: {why}. Options: {known}."),
                    || format!("嵌入的 data-options 有误：{why}。可用选项：{known}。"),
                )
            }
        }
    }
}

/// The notice shown in place of a chart that cannot be shown, in `lang`.
pub fn notice(error: &EmbedError, lang: Lang) -> String {
    format!(
        "{}{}",
        lang.pick("This chart could not be shown. ", "无法显示此图表。"),
        error.message(lang)
    )
}

/// The story's pages, English and Chinese, from the site's root.
pub const STORY_PAGE: &str = "index.html";
pub const STORY_PAGE_ZH: &str = "zh/index.html";

/// The story's address for a reader of an embedded chart: the edition in their language, their
/// currency, and the step that shows the chart. `story_url` is the English edition's address
/// (`…/index.html`); the Chinese one is `zh/index.html` beside it.
pub fn story_address(story_url: &str, locale: Locale, step: &str) -> String {
    let base = locale.lang.pick_with(
        || story_url.to_string(),
        || match story_url.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{STORY_PAGE_ZH}"),
            None => STORY_PAGE_ZH.to_string(),
        },
    );
    let query = query_with_currency("", locale.currency);
    format!("{base}{query}#{step}")
}

/// The words of the link under an embedded chart, back to the story, in `lang`.
pub fn story_link(lang: Lang) -> &'static str {
    lang.pick(
        "The full story, with the data behind this chart",
        "阅读全文及本图表数据",
    )
}

/// What a script embed shows in place of its chart when the Wasm cannot start (`embed.js`): the
/// words of a link to the story.
pub fn script_fallback_link(lang: Lang) -> &'static str {
    lang.pick("See this chart in the story", "在报道中查看此图表")
}

/// What the chart embed page says when the Wasm cannot start (`embed-page.js`), around a link to
/// the story: the words before the link, the link's and those after it.
pub fn page_fallback_notice(lang: Lang) -> [&'static str; 3] {
    lang.pick(
        [
            "This chart could not start in this browser. ",
            "Read the story",
            ", where every chart is also a picture.",
        ],
        [
            "此图表无法在此浏览器中启动。请",
            "阅读报道",
            "，报道中每张图表均有图片版本。",
        ],
    )
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::EN))
    }
}

impl std::error::Error for EmbedError {}

/// Parses an embed URL's query (with or without the leading `?`).
pub fn parse_query(query: &str) -> Result<ChartEmbed, EmbedError> {
    let (mut chart, mut step, mut theme, mut child_id) = (None, None, ThemeChoice::default(), None);
    let (mut lang, mut currency, mut height) = (Lang::default(), Currency::default(), None);
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent_decode(key), percent_decode(value));
        match key.as_str() {
            "chart" => {
                chart = Some(ChartId::from_id(&value).ok_or(EmbedError::UnknownChart(value))?)
            }
            "step" => {
                let found = STEPS
                    .iter()
                    .find(|s| s.id == value)
                    .ok_or(EmbedError::UnknownStep(value))?;
                step = Some(*found);
            }
            "theme" => theme = ThemeChoice::parse(&value)?,
            "lang" => lang = Lang::from_code(&value).ok_or(EmbedError::BadLang(value))?,
            "currency" => {
                currency = Currency::from_id(&value).ok_or(EmbedError::BadCurrency(value))?
            }
            "height" => {
                // By hand: str::parse would bring its machinery into the Wasm (clippy.toml).
                let digits = !value.is_empty()
                    && value.len() <= 5
                    && value.bytes().all(|b| b.is_ascii_digit());
                if !digits {
                    let value = OptionValue::Text(value);
                    return Err(wrong_type("height", "a whole number of pixels", &value));
                }
                let px = value
                    .bytes()
                    .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
                height = Some(px);
                ScriptOptions {
                    height,
                    ..ScriptOptions::default()
                }
                .validate()?;
            }
            "childId" => child_id = Some(value),
            k if PYM_PARAMETERS.contains(&k) => {}
            _ => return Err(EmbedError::UnknownParameter(key)),
        }
    }
    let chart = match (chart, step) {
        (Some(c), Some(s)) if c != s.chart => {
            return Err(EmbedError::ChartAndStepDisagree {
                chart: c.id().into(),
                step: s.id.into(),
            })
        }
        (Some(c), _) => c,
        (None, Some(s)) => s.chart,
        (None, None) => return Err(EmbedError::NoChart),
    };
    Ok(ChartEmbed {
        chart,
        theme,
        lang,
        currency,
        height,
        child_id,
    })
}

/// The band under an embedded chart holding the link to the story, in CSS pixels. Script embeds
/// reserve the chart's height plus this band before they draw, so nothing below them moves.
pub const LINK_BAND: f64 = 28.0;

/// How the band's link is set, as CSS properties (besides its height, [`LINK_BAND`]): by the
/// Wasm on its link, and by `embed.css` on a chart's own page's picture caption, which holds the
/// same place until the Wasm draws.
pub const LINK_STYLE: [(&str, &str); 5] = [
    ("display", "block"),
    ("box-sizing", "border-box"),
    ("overflow", "hidden"),
    ("font", "13px/18px system-ui, sans-serif"),
    ("padding", "4px 14px 6px"),
];

/// An embedded chart's height when none is asked for: this share of its width, within
/// [`AUTO_HEIGHTS`] (CSS pixels).
pub const HEIGHT_PER_WIDTH: f64 = 0.8;
pub const AUTO_HEIGHTS: (f64, f64) = (320.0, 560.0);

/// The height an embedded chart takes at `width` CSS pixels when none is asked for.
pub fn chart_height(width: f64) -> f64 {
    (width * HEIGHT_PER_WIDTH)
        .clamp(AUTO_HEIGHTS.0, AUTO_HEIGHTS.1)
        .round()
}

// The options tests parse JSON, which only native builds have.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
