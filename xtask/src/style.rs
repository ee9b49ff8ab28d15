//! What `cargo xtask dist` writes into the style sheets from the Rust that draws the charts, so
//! the page and its charts share one palette and one set of fonts: the theme's colours and the
//! font stacks at the top of `style.css` ([`theme_rules`]), the first picture's dark colours at
//! its end (`picture::dark_rules`); in `embed.css`, the font and colour of its notices
//! ([`embed_rules`]) and the box of a chart's own page's picture (`picture::embed_rules`).

use std::path::Path;

use sensetime_explainer::draw::layout::{FONT, FONT_ZH};
use sensetime_explainer::draw::theme::{Theme, DARK, LIGHT};

use crate::{files, picture};

/// Writes the generated rules into `dist/style.css` and `dist/embed.css`.
pub fn write(dist: &Path) -> Result<(), String> {
    let path = dist.join("style.css");
    let css = files::read(&path)?;
    files::write(&path, theme_rules() + &css + &picture::dark_rules())?;
    let path = dist.join("embed.css");
    let css = files::read(&path)?;
    files::write(&path, css + &embed_rules() + &picture::embed_rules())
}

/// The single-chart page's notices and captions in the charts' font, and a notice's rule in
/// Smart City's colour, as the Wasm's own notice draws them (`web/embed/mount.rs`).
pub fn embed_rules() -> String {
    format!(
        "\n/* From the charts' theme and fonts, by xtask/src/style.rs. */\n\
         .embed-failed, .embed-static figcaption {{ font-family: {FONT}; }}\n\
         .embed-failed {{ border-left-color: {}; }}\n",
        LIGHT.city.css_hex()
    )
}

/// The custom properties `style.css` takes from Rust: the chart theme's colours that the page
/// wears too, light and, for readers who prefer dark pages, dark; and the font stacks, `--sans`
/// for the page's sans-serif and `--cjk` for Chinese. Put before the sheet's own rules, so its
/// `:lang(zh)` rule, which sets `--sans` to `--cjk`, comes later and wins.
pub fn theme_rules() -> String {
    format!(
        "/* From the charts' theme and fonts (src/draw/theme.rs, src/draw/layout.rs), by \
         xtask/src/style.rs. */\n\
         :root {{ {light} --sans: {FONT}; --cjk: {FONT_ZH}; }}\n\
         @media (prefers-color-scheme: dark) {{ :root {{ {dark} }} }}\n",
        light = palette(&LIGHT),
        dark = palette(&DARK),
    )
}

/// The page's colours that are the theme's: its background, text, secondary text, rules, and
/// Smart City's colour as the page's accent.
fn palette(t: &Theme) -> String {
    [
        ("bg", t.background),
        ("ink", t.ink),
        ("muted", t.muted),
        ("rule", t.rule),
        ("accent", t.city),
    ]
    .iter()
    .map(|(name, colour)| format!("--{name}: {};", colour.css_hex()))
    .collect::<Vec<_>>()
    .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_single_chart_pages_notices_take_the_charts_font_and_colour() {
        let rules = embed_rules();
        assert!(rules.contains(&format!("font-family: {FONT};")));
        assert!(rules.contains("border-left-color: #b3261e;"));
        let css = include_str!("../../www/embed.css");
        let hex_colour = css.match_indices('#').any(|(at, _)| {
            let digits = css[at + 1..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .count();
            digits == 3 || digits == 6
        });
        assert!(!hex_colour, "embed.css names a colour of its own");
        assert!(!css.contains("font-family") && !css.contains("font:"));
    }

    #[test]
    fn the_page_takes_the_themes_colours_and_the_charts_fonts() {
        let rules = theme_rules();
        let (light, dark) = rules
            .split_once("@media (prefers-color-scheme: dark)")
            .unwrap();
        assert!(light.contains("--bg: #fdfbf7;") && light.contains("--accent: #b3261e;"));
        assert!(dark.contains("--bg: #17191d;") && dark.contains("--accent: #ff7a6b;"));
        assert!(light.contains(&format!("--sans: {FONT};")));
        assert!(light.contains(&format!("--cjk: {FONT_ZH};")));
    }

    /// The page's own sheet names every generated property it uses and sets none of them
    /// itself, but for `:lang(zh)` giving `--sans` the Chinese stack.
    #[test]
    fn the_pages_sheet_uses_the_generated_properties_and_does_not_set_them() {
        let css = include_str!("../../www/style.css");
        for name in ["bg", "ink", "muted", "rule", "accent", "sans", "cjk"] {
            assert!(
                css.contains(&format!("var(--{name})")),
                "style.css never uses --{name}"
            );
            let sets = css.matches(&format!("--{name}:")).count();
            let expected = usize::from(name == "sans");
            assert_eq!(
                sets, expected,
                "style.css sets --{name} itself {sets} times"
            );
        }
    }
}
