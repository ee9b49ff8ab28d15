//! Embeds: what a newsroom asks for (an iframe URL's query, a script embed's data attributes),
//! parsed and checked, and the height messages that auto-sizing hosts listen for.

use std::fmt;

use crate::charts::ChartState;
use crate::format;
use crate::locale::{Currency, Lang, Locale};
use crate::story::STEPS;

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
    pub chart: ChartState,
    pub theme: ThemeChoice,
    /// `lang=en|zh`; English by default.
    pub lang: Lang,
    /// `currency=reported|rmb|usd`; as reported by default.
    pub currency: Currency,
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

/// One option's value as the page's JavaScript holds it. (Read field by field rather than
/// through serde: serde's error path formats floats, which costs the Wasm some 35 KB.)
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
    format::join(ChartState::ALL.iter().map(|s| s.id()), ", ")
}

impl EmbedError {
    /// What went wrong, in `lang`. Ids, parameter and option names stay as they are written.
    pub fn message(&self, lang: Lang) -> String {
        let list = |items: &[&str]| format::join(items, lang.t(", ", "、"));
        match (self, lang.built()) {
            (EmbedError::NoChart, Lang::En) => format!(
                "Say which chart to show, e.g. chart=revenue-mix. Charts: {}.",
                chart_ids()
            ),
            (EmbedError::NoChart, Lang::Zh) => format!(
                "请指定要显示的图表，例如 chart=revenue-mix。可用图表：{}。",
                chart_ids()
            ),
            (EmbedError::UnknownChart(id), Lang::En) => format!(
                "There is no chart called \u{201c}{id}\u{201d}. Charts: {}.",
                chart_ids()
            ),
            (EmbedError::UnknownChart(id), Lang::Zh) => {
                format!("没有名为“{id}”的图表。可用图表：{}。", chart_ids())
            }
            (EmbedError::UnknownStep(id), _) => {
                let steps = format::join(STEPS.iter().map(|s| s.id), ", ");
                match lang.built() {
                    Lang::En => format!(
                        "There is no step called \u{201c}{id}\u{201d}. Steps: {}.",
                        steps
                    ),
                    Lang::Zh => format!("没有名为“{id}”的步骤。可用步骤：{steps}。"),
                }
            }
            (EmbedError::ChartAndStepDisagree { chart, step }, Lang::En) => format!(
                "The step \u{201c}{step}\u{201d} does not show the chart \u{201c}{chart}\u{201d}; give one or the other."
            ),
            (EmbedError::ChartAndStepDisagree { chart, step }, Lang::Zh) => {
                format!("步骤“{step}”显示的不是图表“{chart}”，请只指定其中之一。")
            }
            (EmbedError::BadTheme(t), Lang::En) => format!(
                "The theme \u{201c}{t}\u{201d} is not one of light, dark or auto."
            ),
            (EmbedError::BadTheme(t), Lang::Zh) => {
                format!("主题“{t}”无效，可选 light、dark 或 auto。")
            }
            (EmbedError::BadLang(l), Lang::En) => {
                format!("The language \u{201c}{l}\u{201d} is not one of en or zh.")
            }
            (EmbedError::BadLang(l), Lang::Zh) => format!("语言“{l}”无效，可选 en 或 zh。"),
            (EmbedError::BadCurrency(c), Lang::En) => format!(
                "The currency \u{201c}{c}\u{201d} is not one of reported, rmb or usd."
            ),
            (EmbedError::BadCurrency(c), Lang::Zh) => {
                format!("货币“{c}”无效，可选 reported、rmb 或 usd。")
            }
            (EmbedError::BadHeight(h), Lang::En) => format!(
                "A height of {h}px is outside {}-{}px.",
                HEIGHTS.start(),
                HEIGHTS.end()
            ),
            (EmbedError::BadHeight(h), Lang::Zh) => format!(
                "高度 {h}px 超出 {}-{}px 的范围。",
                HEIGHTS.start(),
                HEIGHTS.end()
            ),
            (EmbedError::UnknownParameter(p), _) => {
                let known = list(&["chart", "step", "theme", "lang", "currency"]);
                match lang.built() {
                    Lang::En => format!(
                        "The parameter \u{201c}{p}\u{201d} is not one this embed knows: {known}."
                    ),
                    Lang::Zh => format!("此嵌入不支持参数“{p}”，可用参数：{known}。"),
                }
            }
            (EmbedError::BadOptions(why), _) => {
                let known = list(&ScriptOptions::FIELDS);
                match lang.built() {
                    Lang::En => {
                        format!("The embed's data-options do not fit: {why}. Options: {known}.")
                    }
                    Lang::Zh => format!("嵌入的 data-options 有误：{why}。可用选项：{known}。"),
                }
            }
        }
    }
}

/// The notice shown in place of a chart that cannot be shown, in `lang`.
pub fn notice(error: &EmbedError, lang: Lang) -> String {
    format!(
        "{}{}",
        lang.t("This chart could not be shown. ", "无法显示此图表。"),
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
    let base = match locale.lang.built() {
        Lang::En => story_url.to_string(),
        Lang::Zh => match story_url.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{STORY_PAGE_ZH}"),
            None => STORY_PAGE_ZH.to_string(),
        },
    };
    let query = crate::locale::query_with_currency("", locale.currency);
    format!("{base}{query}#{step}")
}

/// The words of the link under an embedded chart, back to the story, in `lang`.
pub fn story_link(lang: Lang) -> &'static str {
    lang.t(
        "The full story, with the data behind this chart",
        "阅读全文及本图表数据",
    )
}

/// What a script embed shows in place of its chart when the Wasm cannot start (`embed.js`): the
/// words of a link to the story.
pub fn script_fallback_link(lang: Lang) -> &'static str {
    lang.t("See this chart in the story", "在报道中查看此图表")
}

/// What the chart embed page says when the Wasm cannot start (`embed-page.js`), around a link to
/// the story: the words before the link, the link's and those after it.
pub fn page_fallback_notice(lang: Lang) -> [&'static str; 3] {
    match lang.built() {
        Lang::En => [
            "This chart could not start in this browser. ",
            "Read the story",
            ", where every chart is also a picture.",
        ],
        Lang::Zh => [
            "此图表无法在此浏览器中启动。请",
            "阅读报道",
            "，报道中每张图表均有图片版本。",
        ],
    }
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EmbedError {}

/// Decodes `%XX` escapes and `+` in a query component; a malformed escape is kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parameters pym.js adds to a child's URL, which we accept and, but for childId, ignore.
const PYM_PARAMETERS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// Parses an embed URL's query (with or without the leading `?`).
pub fn parse_query(query: &str) -> Result<ChartEmbed, EmbedError> {
    let (mut chart, mut step, mut theme, mut child_id) = (None, None, ThemeChoice::default(), None);
    let (mut lang, mut currency) = (Lang::default(), Currency::default());
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (percent_decode(key), percent_decode(value));
        match key.as_str() {
            "chart" => {
                chart = Some(ChartState::from_id(&value).ok_or(EmbedError::UnknownChart(value))?)
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
        child_id,
    })
}

/// The band under an embedded chart holding the link to the story, in CSS pixels. Script embeds
/// reserve the chart's height plus this band before they draw, so nothing below them moves.
pub const LINK_BAND: f64 = 28.0;

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

/// The AMP height message, which AMP, Datawrapper, Flourish and most auto-sizing hosts hear:
/// `{sentinel: "amp", type: "embed-size", height}`.
pub const AMP_SENTINEL: &str = "amp";
pub const AMP_EMBED_SIZE: &str = "embed-size";

/// Datawrapper's height message: `{"datawrapper-height": {"<id>": height}}`.
pub const DATAWRAPPER_HEIGHT: &str = "datawrapper-height";

/// The host snippet's message to a framed story, where its frame sits in the host's viewport:
/// `{sentinel: "sensetime", type: "viewport", top, height}` (see [`HostViewport`]).
pub const VIEWPORT_SENTINEL: &str = "sensetime";
pub const VIEWPORT_MESSAGE: &str = "viewport";

/// What separates the parts of a pym.js message.
const PYM_SEPARATOR: &str = "xPYMx";

/// pym.js's height message: `pymxPYMx<id>xPYMxheightxPYMx<px>`.
pub fn pym_height(child_id: &str, height: u32) -> String {
    format::join(
        ["pym", child_id, "height", &height.to_string()],
        PYM_SEPARATOR,
    )
}

/// A message from a pym.js parent: its frame id, type and value; `None` for anything else.
pub fn parse_pym(message: &str) -> Option<(&str, &str, &str)> {
    let rest = message.strip_prefix("pym")?.strip_prefix(PYM_SEPARATOR)?;
    let (id, rest) = split_pym(rest)?;
    let (kind, value) = split_pym(rest)?;
    split_pym(value).is_none().then_some((id, kind, value))
}

/// `text` around its first `xPYMx`. By hand: `str::split` on a string pattern brings a
/// substring search and a panic message that needs Unicode tables, some 10 KB of Wasm.
fn split_pym(text: &str) -> Option<(&str, &str)> {
    let separator = PYM_SEPARATOR.as_bytes();
    let at = text
        .as_bytes()
        .windows(separator.len())
        .position(|w| w == separator)?;
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

/// Where an embedded story's frame sits in its host's viewport, as the host snippet reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HostViewport {
    /// The frame's top edge relative to the host's viewport top (negative once scrolled past).
    pub top: f64,
    /// The host's viewport height.
    pub height: f64,
}

impl HostViewport {
    /// The viewport from a message's `top` and `height`; `None` unless both are finite numbers.
    pub fn from_message(top: Option<f64>, height: Option<f64>) -> Option<HostViewport> {
        match (top, height) {
            (Some(top), Some(height)) if top.is_finite() && height.is_finite() => {
                Some(HostViewport { top, height })
            }
            _ => None,
        }
    }

    /// The part of the frame's document the reader can see: its top in the frame's own coordinates, and height.
    pub fn visible(self) -> (f64, f64) {
        (-self.top, self.height.max(0.0))
    }

    /// How far the sticky graphic must move down to stay in view: between 0 and `room`, the
    /// story's height less the graphic's.
    pub fn sticky_offset(self, story_top: f64, room: f64) -> f64 {
        // Not `clamp`: with bounds only known at run time it keeps a panic message that prints
        // floats, and float printing costs the Wasm 35 KB.
        (-self.top - story_top).max(0.0).min(room.max(0.0))
    }
}

// The options tests parse JSON, which only native builds have.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_chart_by_id_with_theme_and_pym_parameters() {
        let e = parse_query("?chart=revenue-mix&theme=dark&childId=st-1&initialWidth=600&parentUrl=https%3A%2F%2Fnews.example%2F").unwrap();
        assert_eq!(
            e,
            ChartEmbed {
                chart: ChartState::RevenueMix,
                theme: ThemeChoice::Dark,
                lang: Lang::En,
                currency: Currency::Reported,
                child_id: Some("st-1".into())
            }
        );
    }

    #[test]
    fn a_step_names_its_chart_and_the_theme_defaults_to_auto() {
        let e = parse_query("step=mopeds").unwrap();
        assert_eq!(
            (e.chart, e.theme, e.child_id),
            (ChartState::Helmets, ThemeChoice::Auto, None)
        );
        assert_eq!(
            parse_query("chart=helmets&step=mopeds").unwrap().chart,
            ChartState::Helmets
        );
    }

    #[test]
    fn bad_requests_say_what_exists() {
        let unknown = parse_query("chart=pie").unwrap_err();
        assert_eq!(unknown, EmbedError::UnknownChart("pie".into()));
        let text = unknown.to_string();
        assert!(
            text.contains("pie") && text.contains("revenue-mix") && text.contains("grants"),
            "{text}"
        );
        assert!(parse_query("")
            .unwrap_err()
            .to_string()
            .contains("chart=revenue-mix"));
        assert!(parse_query("step=nowhere")
            .unwrap_err()
            .to_string()
            .contains("the-bet"));
        assert_eq!(
            parse_query("chart=funding&theme=pink").unwrap_err(),
            EmbedError::BadTheme("pink".into())
        );
        assert_eq!(
            parse_query("chart=funding&colour=red").unwrap_err(),
            EmbedError::UnknownParameter("colour".into())
        );
        assert!(matches!(
            parse_query("chart=funding&step=mopeds"),
            Err(EmbedError::ChartAndStepDisagree { .. })
        ));
    }

    #[test]
    fn malformed_escapes_and_markup_stay_text() {
        assert_eq!(percent_decode("a%20b+c%2"), "a b c%2");
        assert_eq!(percent_decode("%zz%"), "%zz%");
        assert_eq!(percent_decode("%E4%B8%AD"), "中");
        let e = parse_query("chart=%3Cscript%3E").unwrap_err();
        assert_eq!(e, EmbedError::UnknownChart("<script>".into()));
    }

    /// Options as a page's `data-options` JSON gives them to the script embed.
    fn options(json: &str) -> Result<ScriptOptions, EmbedError> {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let fields = value.as_object().unwrap().iter().map(|(name, value)| {
            let value = match value {
                serde_json::Value::String(s) => OptionValue::Text(s.clone()),
                serde_json::Value::Number(n) => OptionValue::Number(n.as_f64().unwrap()),
                serde_json::Value::Null => OptionValue::Other("null"),
                serde_json::Value::Bool(_) => OptionValue::Other("a boolean"),
                serde_json::Value::Array(_) => OptionValue::Other("a list"),
                serde_json::Value::Object(_) => OptionValue::Other("an object"),
            };
            (name.clone(), value)
        });
        ScriptOptions::from_fields(fields)
    }

    #[test]
    fn script_options_are_typed_and_checked() {
        assert_eq!(
            options(r#"{"theme": "dark", "height": 400}"#),
            Ok(ScriptOptions {
                theme: ThemeChoice::Dark,
                height: Some(400),
                ..ScriptOptions::default()
            })
        );
        assert_eq!(options("{}"), Ok(ScriptOptions::default()));
        assert_eq!(options(r#"{"height": null}"#), Ok(ScriptOptions::default()));
        let unknown = options(r#"{"colour": "red"}"#).unwrap_err().to_string();
        assert!(unknown.contains("unknown field `colour`"), "{unknown}");
        assert_eq!(
            options(r#"{"theme": "pink"}"#),
            Err(EmbedError::BadTheme("pink".into()))
        );
        assert_eq!(
            options(r#"{"height": 5000}"#),
            Err(EmbedError::BadHeight(5000))
        );
        assert!(EmbedError::BadHeight(5000).to_string().contains("200-1200"));
        for (json, says) in [
            (
                r#"{"height": "400"}"#,
                "`height` should be a whole number of pixels, not the string \u{201c}400\u{201d}",
            ),
            (
                r#"{"height": 400.5}"#,
                "`height` should be a whole number of pixels, not a number",
            ),
            (
                r#"{"height": -400}"#,
                "`height` should be a whole number of pixels, not a number",
            ),
            (
                r#"{"theme": true}"#,
                "`theme` should be a string, not a boolean",
            ),
            (
                r#"{"lang": ["zh"]}"#,
                "`lang` should be a string, not a list",
            ),
            (
                r#"{"currency": {}}"#,
                "`currency` should be a string, not an object",
            ),
        ] {
            let error = options(json).unwrap_err();
            assert!(
                matches!(error, EmbedError::BadOptions(_)),
                "{json}: {error:?}"
            );
            assert!(error.to_string().contains(says), "{json}: {error}");
        }
    }

    #[test]
    fn language_and_currency_in_a_query() {
        let e = parse_query("chart=funding&lang=zh&currency=rmb").unwrap();
        assert_eq!((e.lang, e.currency), (Lang::Zh, Currency::Rmb));
        assert_eq!(
            e.locale(),
            Locale {
                lang: Lang::Zh,
                currency: Currency::Rmb
            }
        );
        let e = parse_query("chart=funding&lang=zh-Hans&currency=usd").unwrap();
        assert_eq!((e.lang, e.currency), (Lang::Zh, Currency::Usd));
        let e = parse_query("chart=funding").unwrap();
        assert_eq!(e.locale(), Locale::default());
        let bad = parse_query("chart=funding&lang=fr").unwrap_err();
        assert_eq!(bad, EmbedError::BadLang("fr".into()));
        assert!(bad.to_string().contains("en or zh"), "{bad}");
        let bad = parse_query("chart=funding&currency=eur").unwrap_err();
        assert_eq!(bad, EmbedError::BadCurrency("eur".into()));
        assert!(bad.to_string().contains("reported, rmb or usd"), "{bad}");
        let unknown = parse_query("chart=funding&locale=zh").unwrap_err();
        assert!(unknown.to_string().contains("lang, currency"), "{unknown}");
    }

    #[test]
    fn script_options_take_language_and_currency() {
        let ok = options(r#"{"lang": "zh", "currency": "usd"}"#).unwrap();
        assert_eq!(
            ok.locale(),
            Locale {
                lang: Lang::Zh,
                currency: Currency::Usd
            }
        );
        assert_eq!(options(r#"{"lang": "zh-Hans"}"#).unwrap().lang, Lang::Zh);
        assert_eq!(
            options(r#"{"lang": "fr"}"#),
            Err(EmbedError::BadLang("fr".into()))
        );
        assert_eq!(
            options(r#"{"currency": "eur"}"#),
            Err(EmbedError::BadCurrency("eur".into()))
        );
        assert_eq!(
            ScriptOptions::check_names(&["lang", "currency", "theme", "height"]),
            Ok(())
        );
    }

    #[test]
    fn notices_in_both_languages() {
        let errors = [
            EmbedError::NoChart,
            EmbedError::UnknownChart("pie".into()),
            EmbedError::UnknownStep("nowhere".into()),
            EmbedError::ChartAndStepDisagree {
                chart: "funding".into(),
                step: "mopeds".into(),
            },
            EmbedError::BadTheme("pink".into()),
            EmbedError::BadLang("fr".into()),
            EmbedError::BadCurrency("eur".into()),
            EmbedError::BadHeight(5000),
            EmbedError::UnknownParameter("colour".into()),
            EmbedError::BadOptions("unknown field `x`".into()),
        ];
        for e in &errors {
            let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
            assert_eq!(en, e.to_string());
            assert_ne!(en, zh);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(zh.ends_with('。'), "{zh}");
        }
        assert_eq!(
            EmbedError::BadLang("fr".into()).message(Lang::Zh),
            "语言“fr”无效，可选 en 或 zh。"
        );
        assert!(EmbedError::UnknownChart("pie".into())
            .message(Lang::Zh)
            .contains("revenue-mix"));
        assert_eq!(
            notice(&EmbedError::BadTheme("pink".into()), Lang::Zh),
            "无法显示此图表。主题“pink”无效，可选 light、dark 或 auto。"
        );
        assert!(
            notice(&EmbedError::NoChart, Lang::En).starts_with("This chart could not be shown. ")
        );
        assert_ne!(story_link(Lang::En), story_link(Lang::Zh));
    }

    #[test]
    fn misspelt_option_names_are_named() {
        assert_eq!(ScriptOptions::check_names(&["theme", "height"]), Ok(()));
        let e = ScriptOptions::check_names(&["theme", "colour"]).unwrap_err();
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn themes_resolve_against_the_readers_preference() {
        assert!(ThemeChoice::Auto.is_dark(true) && !ThemeChoice::Auto.is_dark(false));
        assert!(ThemeChoice::Dark.is_dark(false) && !ThemeChoice::Light.is_dark(true));
    }

    #[test]
    fn heights_follow_the_width_within_bounds() {
        assert_eq!(chart_height(600.0), 480.0);
        assert_eq!(chart_height(200.0), 320.0);
        assert_eq!(chart_height(2000.0), 560.0);
    }

    #[test]
    fn pym_messages_round_trip() {
        assert_eq!(pym_height("st-1", 512), "pymxPYMxst-1xPYMxheightxPYMx512");
        assert_eq!(
            parse_pym("pymxPYMxst-1xPYMxwidthxPYMx600"),
            Some(("st-1", "width", "600"))
        );
        assert_eq!(parse_pym("hello"), None);
        assert_eq!(parse_pym("pymxPYMxaxPYMxbxPYMxcxPYMxd"), None);
        assert_eq!(parse_pym("notpymxPYMxaxPYMxbxPYMxc"), None);
    }

    #[test]
    fn the_host_viewport_comes_from_two_finite_numbers() {
        assert_eq!(
            HostViewport::from_message(Some(-20.5), Some(800.0)),
            Some(HostViewport {
                top: -20.5,
                height: 800.0
            })
        );
        assert_eq!(HostViewport::from_message(None, Some(800.0)), None);
        assert_eq!(HostViewport::from_message(Some(0.0), None), None);
        assert_eq!(
            HostViewport::from_message(Some(f64::NAN), Some(800.0)),
            None
        );
        assert_eq!(
            HostViewport::from_message(Some(0.0), Some(f64::INFINITY)),
            None
        );
    }

    #[test]
    fn the_host_viewport_places_the_trigger_and_the_graphic() {
        let v = HostViewport {
            top: -1500.0,
            height: 800.0,
        };
        assert_eq!(v.visible(), (1500.0, 800.0));
        assert_eq!(v.sticky_offset(300.0, 5000.0), 1200.0);
        assert_eq!(
            HostViewport {
                top: 200.0,
                height: 800.0
            }
            .sticky_offset(300.0, 5000.0),
            0.0
        );
        assert_eq!(
            HostViewport {
                top: -9000.0,
                height: 800.0
            }
            .sticky_offset(300.0, 5000.0),
            5000.0
        );
    }

    #[test]
    fn the_link_back_leads_to_the_readers_edition_currency_and_step() {
        let url = "https://graphics.example/sensetime/index.html";
        let en = Locale::default();
        assert_eq!(story_address(url, en, "mopeds"), format!("{url}#mopeds"));
        let zh_usd = Locale {
            lang: Lang::Zh,
            currency: Currency::Usd,
        };
        assert_eq!(
            story_address(url, zh_usd, "the-bet"),
            "https://graphics.example/sensetime/zh/index.html?currency=usd#the-bet"
        );
    }
}
