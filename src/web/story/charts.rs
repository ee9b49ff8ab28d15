//! The story's charts as it shows them (`chart::shown`): read from the bytes `cargo xtask build`
//! packed for this build's language, so the story's Wasm carries no chart builders; built on the
//! spot in a build without them (the native and browser tests, the lints).

use crate::chart::shown::Shown;
use crate::chart::ChartId;
use crate::text::locale::Locale;

/// `chart` in the locale's currency (in this build's language), in the dark theme if `dark`.
#[cfg(feature = "prebuilt")]
pub(super) fn shown(chart: ChartId, locale: &Locale, dark: bool) -> Shown {
    static PACKED: &[u8] = include_bytes!(env!(
        "SENSETIME_PREBUILT",
        "the `prebuilt` feature reads the charts `cargo xtask build` packs first: build through it"
    ));
    crate::chart::shown::unpack(PACKED, chart, locale.currency, dark)
}

/// `chart` in the locale, in the dark theme if `dark`.
#[cfg(not(feature = "prebuilt"))]
pub(super) fn shown(chart: ChartId, locale: &Locale, dark: bool) -> Shown {
    chart
        .build(crate::draw::theme::Theme::for_dark_mode(dark), locale)
        .shown()
}
