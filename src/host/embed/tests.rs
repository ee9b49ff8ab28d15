//! Tests of embed requests, script options, notices and the link back to the story.

use super::*;
use crate::host::options::OptionFields;

#[test]
fn a_chart_by_id_with_theme_and_pym_parameters() {
    let e = parse_query("?chart=revenue-mix&theme=dark&childId=st-1&initialWidth=600&parentUrl=https%3A%2F%2Fnews.example%2F").unwrap();
    assert_eq!(
        e,
        ChartEmbed {
            chart: ChartId::RevenueMix,
            theme: ThemeChoice::Dark,
            lang: Lang::EN,
            currency: Currency::Reported,
            height: None,
            child_id: Some("st-1".into())
        }
    );
}

#[test]
fn a_step_names_its_chart_and_the_theme_defaults_to_auto() {
    let e = parse_query("step=mopeds").unwrap();
    assert_eq!(
        (e.chart, e.theme, e.child_id),
        (ChartId::Helmets, ThemeChoice::Auto, None)
    );
    assert_eq!(
        parse_query("chart=helmets&step=mopeds").unwrap().chart,
        ChartId::Helmets
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

/// Options as a page's `data-options` JSON gives them to the script embed, read through serde
/// as the browser reads them (serde_json here, serde-wasm-bindgen there).
fn options(json: &str) -> Result<ScriptOptions, EmbedError> {
    let fields: OptionFields = serde_json::from_str(json).expect("test options are JSON objects");
    ScriptOptions::from_fields(fields.0)
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
    assert_eq!((e.lang, e.currency), (Lang::ZH, Currency::Rmb));
    assert_eq!(
        e.locale(),
        Locale {
            lang: Lang::ZH,
            currency: Currency::Rmb
        }
    );
    let e = parse_query("chart=funding&lang=zh-Hans&currency=usd").unwrap();
    assert_eq!((e.lang, e.currency), (Lang::ZH, Currency::Usd));
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
            lang: Lang::ZH,
            currency: Currency::Usd
        }
    );
    assert_eq!(options(r#"{"lang": "zh-Hans"}"#).unwrap().lang, Lang::ZH);
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
        let (en, zh) = (e.message(Lang::EN), e.message(Lang::ZH));
        assert_eq!(en, e.to_string());
        assert_ne!(en, zh);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert!(zh.ends_with('。'), "{zh}");
    }
    assert_eq!(
        EmbedError::BadLang("fr".into()).message(Lang::ZH),
        "语言“fr”无效，可选 en 或 zh。"
    );
    assert!(EmbedError::UnknownChart("pie".into())
        .message(Lang::ZH)
        .contains("revenue-mix"));
    assert_eq!(
        notice(&EmbedError::BadTheme("pink".into()), Lang::ZH),
        "无法显示此图表。主题“pink”无效，可选 light、dark 或 auto。"
    );
    assert!(notice(&EmbedError::NoChart, Lang::EN).starts_with("This chart could not be shown. "));
    assert_ne!(story_link(Lang::EN), story_link(Lang::ZH));
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
fn the_link_back_leads_to_the_readers_edition_currency_and_step() {
    let url = "https://graphics.example/sensetime/index.html";
    let en = Locale::default();
    assert_eq!(story_address(url, en, "mopeds"), format!("{url}#mopeds"));
    let zh_usd = Locale {
        lang: Lang::ZH,
        currency: Currency::Usd,
    };
    assert_eq!(
        story_address(url, zh_usd, "the-bet"),
        "https://graphics.example/sensetime/zh/index.html?currency=usd#the-bet"
    );
}

#[test]
fn a_frame_takes_a_height_as_a_script_embed_does() {
    assert_eq!(
        parse_query("chart=grants&height=420").unwrap().height,
        Some(420)
    );
    assert_eq!(parse_query("chart=grants").unwrap().height, None);
    assert_eq!(
        parse_query("chart=grants&height=90").unwrap_err(),
        EmbedError::BadHeight(90)
    );
    let err = parse_query("chart=grants&height=tall").unwrap_err();
    assert!(
        err.message(Lang::EN)
            .contains("`height` should be a whole number of pixels"),
        "{err}"
    );
    let unknown = parse_query("chart=grants&size=3").unwrap_err();
    assert!(unknown.message(Lang::EN).contains("height"), "{unknown}");
}

#[test]
fn a_chart_standing_alone_fits_the_embeds_sizes() {
    use crate::chart::fit_tests::problems;
    use crate::draw::theme::LIGHT;
    use crate::text::locale::Locale;
    // Phones of 280, 320 and 390 px, a 600 px column and an 840 px one, each at the height an
    // embed takes at that width when none is asked for.
    let mut found = Vec::new();
    for chart in ChartId::ALL {
        for locale in Locale::all() {
            let scene = chart.build_alone(&LIGHT, &locale).scene;
            for width in [280.0, 320.0, 390.0, 600.0, 840.0] {
                let at = format!("{} alone {locale:?}", chart.id());
                found.extend(problems(&scene, &at, (width, chart_height(width))));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} texts clip or collide:\n{}",
        found.len(),
        found.join("\n")
    );
}
