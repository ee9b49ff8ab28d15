//! The numbers in the pages' prose, filled from the figures at build time.
//!
//! `www/index.html` and `www/zh/index.html` never write a figure out: they name it, `{{funding_raised}}`,
//! and [`fill`] puts in the figure as the charts, tables and downloads say it, through `format.rs`
//! in the page's language ("more than $3bn", "超过30亿美元"). A name that is not a figure fails
//! the build. [`stray_numbers`] then finds any number left in the built text that no figure
//! gives, so prose can never drift from the data.

use sensetime_explainer::data::figures;
use sensetime_explainer::lang::Lang;
use sensetime_explainer::text::format;

const OPEN: &str = "{{";
const CLOSE: &str = "}}";

/// The one placeholder that is not a figure: the day the explainer was published, (year, month,
/// day), filled in as a `<time>` in the page's language. Dates of ours are not the story's
/// figures, so the check for stray numbers skips what a `<time>` holds.
const PUBLISHED: (u16, u8, u8) = (2026, 11, 29);
const PUBLISHED_ID: &str = "published";
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The publication date as a `<time>`: "29 November 2026", "2026年11月29日".
fn published(lang: Lang) -> String {
    let (y, m, d) = PUBLISHED;
    let said = lang.pick_with(
        || format!("{d} {} {y}", MONTHS[usize::from(m) - 1]),
        || format!("{y}年{m}月{d}日"),
    );
    format!("<time datetime=\"{y}-{m:02}-{d:02}\">{said}</time>")
}

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `html` with each `{{figure_id}}` replaced by that figure in words, hedge first, in `lang`.
pub fn fill(html: &str, lang: Lang) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let after = &rest[at + OPEN.len()..];
        let len = after
            .find(CLOSE)
            .ok_or_else(|| format!("a `{OPEN}` is not closed: `{OPEN}{}`", head(after)))?;
        let id = after[..len].trim();
        rest = &after[len + CLOSE.len()..];
        if id == PUBLISHED_ID {
            out.push_str(&published(lang));
            continue;
        }
        let figure = figures::get(id).ok_or_else(|| {
            format!("the prose names the figure `{id}`, which is not in data/figures.json or the derived figures")
        })?;
        out.push_str(&escape(&format::figure(&figure, lang)));
    }
    if let Some(at) = rest.find(CLOSE) {
        return Err(format!(
            "a `{CLOSE}` was never opened: `{}`",
            head(&rest[at..])
        ));
    }
    out.push_str(rest);
    Ok(out)
}

/// The first few characters of `s`, for an error message.
fn head(s: &str) -> String {
    s.chars().take(30).collect()
}

/// The numbers in a text: runs of digits, with the `,` and `.` inside them ("2,400", "3.4").
pub fn numbers(text: &str) -> Vec<&str> {
    format::number_spans(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// Every number the figures can put in `lang`'s prose: each figure's value as `format.rs` says it,
/// and its year.
fn figure_numbers(lang: Lang) -> Vec<String> {
    let mut all = Vec::new();
    for f in figures::all() {
        let said = format::figure(&f, lang);
        all.extend(numbers(&said).into_iter().map(String::from));
        all.extend(f.year.map(|y| y.to_string()));
    }
    all
}

/// The page's text, without its markup: what a reader reads. Attribute values are left out,
/// and so are `<head>` (its title and description carry no figures) and what a `<time>` holds
/// (our own dates, not the story's figures).
fn body_text(html: &str) -> String {
    let mut body = html.find("<body").map_or(html, |at| &html[at..]);
    let mut text = String::with_capacity(body.len());
    while let Some(at) = body.find('<') {
        text.push_str(&body[..at]);
        text.push(' ');
        let rest = &body[at..];
        let skip = if rest.starts_with("<time") {
            rest.find("</time>").map(|end| end + "</time>".len())
        } else {
            rest.find('>').map(|end| end + 1)
        };
        body = &rest[skip.unwrap_or(rest.len())..];
    }
    text.push_str(body);
    text
}

/// The numbers in the built page's text that no figure gives, each with the words around it.
/// Months of the year, which Chinese writes in digits, are not figures.
pub fn stray_numbers(html: &str, lang: Lang) -> Vec<String> {
    let known = figure_numbers(lang);
    let text = body_text(html);
    let mut stray = Vec::new();
    for span in format::number_spans(&text) {
        let (at, from, n) = (span.start, span.end, &text[span]);
        // A month in Chinese ("2020年2月") is written in digits; its English is a word.
        let month =
            text[from..].starts_with('月') && n.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
        if !month && !known.iter().any(|k| k == n) {
            let start = text[..at]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |(i, _)| i);
            let end = text[from..]
                .char_indices()
                .nth(30)
                .map_or(text.len(), |(i, _)| from + i);
            stray.push(format!("{n} in \"…{}…\"", text[start..end].trim()));
        }
    }
    stray
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_becomes_the_figure_in_the_pages_language() {
        let html = "<p>It raised <strong>{{funding_raised}}</strong>, of which {{ top5_customers_share }}.</p>";
        assert_eq!(
            fill(html, Lang::EN).unwrap(),
            "<p>It raised <strong>more than $3bn</strong>, of which almost a third.</p>"
        );
        assert_eq!(
            fill(html, Lang::ZH).unwrap(),
            "<p>It raised <strong>超过30亿美元</strong>, of which 近三分之一.</p>"
        );
        assert_eq!(
            fill("{{grants_2019}}", Lang::EN).unwrap(),
            "about Rmb258m",
            "derived figures too"
        );
        assert_eq!(
            fill("Published {{published}}.", Lang::EN).unwrap(),
            "Published <time datetime=\"2026-11-29\">29 November 2026</time>."
        );
        assert_eq!(
            fill("{{published}}", Lang::ZH).unwrap(),
            "<time datetime=\"2026-11-29\">2026年11月29日</time>"
        );
    }

    #[test]
    fn an_unknown_figure_or_a_broken_placeholder_fails_naming_it() {
        let err = fill("<p>{{funding_raisd}}</p>", Lang::EN).unwrap_err();
        assert!(err.contains("`funding_raisd`"), "{err}");
        let err = fill("<p>{{funding_raised</p>", Lang::EN).unwrap_err();
        assert!(
            err.contains("not closed") && err.contains("funding_raised"),
            "{err}"
        );
        let err = fill("<p>funding_raised}}</p>", Lang::EN).unwrap_err();
        assert!(err.contains("never opened"), "{err}");
    }

    #[test]
    fn numbers_are_found_with_their_separators() {
        assert_eq!(
            numbers("Rmb3.4bn, 2,400 customers; 1700万. In 2019."),
            ["3.4", "2,400", "1700", "2019"]
        );
    }

    #[test]
    fn a_number_no_figure_gives_is_caught_with_its_context() {
        let html = "<head><title>12 charts</title></head><body><p>Sales of Rmb3.4bn and 41% from cities.</p><time datetime=\"2026-11-29\">29 November 2026</time></body>";
        let stray = stray_numbers(html, Lang::EN);
        assert_eq!(stray.len(), 1, "{stray:?}");
        assert!(
            stray[0].starts_with("41 in") && stray[0].contains("from cities"),
            "{stray:?}"
        );
    }

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom's & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }
}
