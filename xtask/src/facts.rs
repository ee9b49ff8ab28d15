//! The facts the page's scripts share with the Rust core, written once in Rust and handed to
//! the scripts at build time: each `FACTS.<name>` in `www/*.js` is replaced by its value when
//! `dist` minifies them (esbuild `--define`), so no script carries a copy and no extra request
//! or inline script is needed (`frames.js`, a classic script on host pages, could not import
//! one anyway).

use std::path::Path;

use sensetime_explainer::chart::ChartId;
use sensetime_explainer::host::embed::{self, AUTO_HEIGHTS, HEIGHTS, HEIGHT_PER_WIDTH, LINK_BAND};
use sensetime_explainer::host::{messages, viewport};
use sensetime_explainer::lang::Lang;
use sensetime_explainer::story::steps;

use crate::assets::Pkg;
use crate::builds::{lang_feature, Build, Role};
use crate::files;
use crate::page::alone_svg_name;

/// The global the scripts read facts from; it exists only until minification replaces it.
pub const GLOBAL: &str = "FACTS";
/// How a script reads a fact: `FACTS.<name>`.
const READ: &str = "FACTS.";

/// A JSON string.
fn string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// A JSON number: whole numbers without a fraction.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

/// Every fact as `(FACTS.<name>, JSON value)`, the files in `dist/pkg/` named as `pkg` says.
pub fn defines(pkg: &Pkg) -> Vec<(String, String)> {
    let mut facts: Vec<(String, String)> = Vec::new();
    let mut fact = |name: &str, value: String| facts.push((format!("{GLOBAL}.{name}"), value));
    // The story's glue by edition: "en", "zh", "en-frame", "zh-frame" (main.js), and the embeds'
    // (embed.js, embed-page.js), relative to the script.
    let mut story_glue = serde_json::Map::new();
    for lang in Lang::ALL {
        for framed in [false, true] {
            let key = format!(
                "{}{}",
                lang_feature(lang),
                if framed { "-frame" } else { "" }
            );
            // A build not built yet is left out: its page's script finds no glue and shows the
            // static charts (`cargo xtask serve`, before every build is done).
            if let Some(glue) = pkg.glue(Build::of(Role::Story { lang, framed })) {
                story_glue.insert(key, format!("./pkg/{glue}").into());
            }
        }
    }
    fact(
        "storyGlue",
        serde_json::Value::Object(story_glue).to_string(),
    );
    fact(
        "embedGlue",
        pkg.glue(Build::of(Role::Embeds))
            .map_or_else(|| "null".into(), |glue| string(&format!("./pkg/{glue}"))),
    );
    // Each chart's static pictures by language, light then dark, relative to the script, as it
    // stands alone: what embed.html shows while its Wasm loads (embed-page.js).
    let mut pictures = serde_json::Map::new();
    for chart in ChartId::ALL {
        let mut by_lang = serde_json::Map::new();
        for lang in Lang::ALL {
            let files =
                [false, true].map(|dark| format!("./charts/{}", alone_svg_name(chart, dark, lang)));
            by_lang.insert(lang_feature(lang).into(), files.to_vec().into());
        }
        pictures.insert(chart.id().into(), by_lang.into());
    }
    fact(
        "embedPictures",
        serde_json::Value::Object(pictures).to_string(),
    );
    // The story's pages, which the embeds link to when the Wasm cannot start.
    fact("storyPage", string(embed::STORY_PAGE));
    fact("storyPageZh", string(embed::STORY_PAGE_ZH));
    // A script embed's height, reserved before the Wasm arrives (embed.js).
    fact("linkBand", number(LINK_BAND));
    fact("heightPerWidth", number(HEIGHT_PER_WIDTH));
    fact("autoHeightMin", number(AUTO_HEIGHTS.0));
    fact("autoHeightMax", number(AUTO_HEIGHTS.1));
    fact("heightMin", number(f64::from(*HEIGHTS.start())));
    fact("heightMax", number(f64::from(*HEIGHTS.end())));
    // Messages between frames and hosts (frames.js, embed-page.js).
    fact("ampSentinel", string(messages::AMP_SENTINEL));
    fact("ampEmbedSize", string(messages::AMP_EMBED_SIZE));
    fact("viewportSentinel", string(viewport::VIEWPORT_SENTINEL));
    fact("viewportMessage", string(viewport::VIEWPORT_MESSAGE));
    // What each page says when its Wasm cannot start.
    for lang in Lang::ALL {
        let code = lang_feature(lang);
        fact(
            &format!("storyFailed.{code}"),
            string(steps::fallback_notice(lang)),
        );
        fact(
            &format!("scriptEmbedFailed.{code}"),
            string(embed::script_fallback_link(lang)),
        );
        let [before, link, after] = embed::page_fallback_notice(lang);
        for (part, text) in [("before", before), ("link", link), ("after", after)] {
            fact(&format!("chartFailed.{code}.{part}"), string(text));
        }
    }
    facts
}

/// Where `text` reads a fact: `FACTS.` followed by a name (not a mention such as `FACTS.…`).
fn reads(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices(READ)
        .map(|(at, _)| at)
        .filter(|&at| text[at + READ.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// Fails, naming the file, if a script under `dist` still reads `FACTS` after minification: it
/// asks for a fact that [`defines`] does not have, and would throw in the browser.
pub fn check_replaced(dist: &Path) -> Result<(), String> {
    for file in files::list(dist, &["js"])? {
        let text = files::read(&file)?;
        let first = reads(&text).next();
        if let Some(at) = first {
            let end = text[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'))
                .map_or(text.len(), |n| at + n);
            return Err(format!(
                "{} reads {}, which xtask/src/facts.rs does not define",
                file.display(),
                &text[at..end]
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pkg() -> Pkg {
        Pkg::unfingerprinted()
    }

    /// Every `FACTS.<name>` the scripts in `www/` read is defined, and every fact is read.
    #[test]
    fn the_scripts_read_exactly_the_facts_defined() {
        let defined: Vec<String> = defines(&pkg()).into_iter().map(|(n, _)| n).collect();
        let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www");
        let mut read = Vec::new();
        for file in files::list(&www, &["js"]).unwrap() {
            let text = files::read(&file).unwrap();
            for at in reads(&text) {
                let name: String = text[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '_')
                    .collect();
                let name = name.trim_end_matches('.').to_string();
                assert!(defined.contains(&name), "{}: {name}", file.display());
                read.push(name);
            }
        }
        for name in &defined {
            assert!(
                read.contains(name),
                "{name} is defined but no script reads it"
            );
        }
    }

    #[test]
    fn values_are_json() {
        for (name, value) in defines(&pkg()) {
            let parsed: serde_json::Value = serde_json::from_str(&value).unwrap();
            assert!(!parsed.is_null(), "{name}");
        }
        let facts = defines(&pkg());
        let get = |name: &str| &facts.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(get("FACTS.linkBand"), "28");
        assert_eq!(get("FACTS.heightPerWidth"), "0.8");
        assert_eq!(get("FACTS.ampEmbedSize"), "\"embed-size\"");
        let glue: serde_json::Value = serde_json::from_str(get("FACTS.storyGlue")).unwrap();
        let en = glue["en"].as_str().unwrap();
        assert!(
            en.starts_with("./pkg/sensetime_story.") && en.ends_with(".js"),
            "{en}"
        );
        assert!(glue["zh-frame"]
            .as_str()
            .unwrap()
            .starts_with("./pkg/sensetime_story_frame_zh."));
    }

    #[test]
    fn a_fact_left_unreplaced_is_named() {
        let dist = std::env::temp_dir().join(format!("xtask-unreplaced-{}", std::process::id()));
        files::create_dir(&dist).unwrap();
        files::write(&dist.join("ok.js"), "let a=28;").unwrap();
        assert!(check_replaced(&dist).is_ok());
        files::write(&dist.join("bad.js"), "let a=FACTS.nope+1;").unwrap();
        let err = check_replaced(&dist).unwrap_err();
        assert!(
            err.contains("bad.js") && err.contains("FACTS.nope") && !err.contains("+1"),
            "{err}"
        );
        files::clear_dir(&dist).unwrap();
    }
}
