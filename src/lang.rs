//! The reader's language, and the one way to choose words by it: [`Lang::pick`] (with
//! [`Lang::pick_with`] for words made by `format!`, [`Lang::say`] for a [`Words`] pair).
//!
//! A leaf: it imports nothing from the crate. Its variants are private, so no code outside this
//! file can branch on a language by `match`; every choice of words goes through [`Lang::built`],
//! and a build with one language's feature (the story's Wasm for one edition) drops every string
//! of the other.

/// Words written in both languages, English beside Chinese: what [`Lang::say`] chooses from.
pub type Words = (&'static str, &'static str);

/// The language of every word a chart, its text alternative, its table and an embed notice show.
///
/// Its equality is written out rather than derived, which keeps its constants out of patterns:
/// `match lang { Lang::EN => … }` does not compile, here or in another crate:
///
/// ```compile_fail
/// use sensetime_explainer::lang::Lang;
/// fn words(lang: Lang) -> &'static str {
///     match lang {
///         Lang::EN => "chart",
///         Lang::ZH => "图表",
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Lang(Tongue);

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.0 == other.0
    }
}

impl Eq for Lang {}

impl std::hash::Hash for Lang {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// What a [`Lang`] is, sealed in this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
enum Tongue {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

#[cfg(not(any(feature = "en", feature = "zh")))]
compile_error!("build with the feature of at least one language: `en`, `zh` or both");

impl Lang {
    /// English.
    pub const EN: Lang = Lang(Tongue::En);
    /// Simplified Chinese.
    pub const ZH: Lang = Lang(Tongue::Zh);

    pub const ALL: [Lang; 2] = [Lang::EN, Lang::ZH];

    /// The language a choice of words by `self` takes in this build. A build with one language's
    /// feature speaks only that language, so the compiler drops every branch, and every string,
    /// of the other; with both (embeds, tests) it is `self`.
    #[inline(always)]
    pub const fn built(self) -> Lang {
        match (cfg!(feature = "en"), cfg!(feature = "zh")) {
            (true, false) => Lang::EN,
            (false, true) => Lang::ZH,
            _ => self,
        }
    }

    /// Whichever of the two, written side by side, is in this language as built.
    #[inline(always)]
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self.built().0 {
            Tongue::En => en,
            Tongue::Zh => zh,
        }
    }

    /// As [`Lang::pick`], for words that take work to make (a `format!`): only the built
    /// language's are made, and a one-language build carries only its own.
    #[inline(always)]
    pub fn pick_with<T>(self, en: impl FnOnce() -> T, zh: impl FnOnce() -> T) -> T {
        match self.built().0 {
            Tongue::En => en(),
            Tongue::Zh => zh(),
        }
    }

    /// The BCP 47 tag for HTML `lang` attributes.
    pub fn code(self) -> &'static str {
        match self.0 {
            Tongue::En => "en",
            Tongue::Zh => "zh-Hans",
        }
    }

    /// Reads a language tag: `en`, or `zh`, `zh-Hans`, `zh-CN` for Simplified Chinese.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::EN),
            "zh" | "zh-Hans" | "zh-CN" => Some(Lang::ZH),
            _ => None,
        }
    }

    /// The language to speak on a page whose `<html lang>` is `tag`: Chinese for any Chinese tag,
    /// English otherwise (the only other language we write).
    pub fn of_page(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::ZH
        } else {
            Lang::EN
        }
    }

    /// The words in this language as built, from a pair written side by side.
    #[inline(always)]
    pub fn say(self, (en, zh): Words) -> &'static str {
        self.pick(en, zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh"), Some(Lang::ZH));
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::ZH));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::of_page("zh-Hans"), Lang::ZH);
        assert_eq!(Lang::of_page("ZH-cn"), Lang::ZH);
        assert_eq!(Lang::of_page("en-GB"), Lang::EN);
        assert_eq!(Lang::of_page(""), Lang::EN);
        assert_eq!(Lang::ZH.code(), "zh-Hans");
        assert_eq!(Lang::default(), Lang::EN);
    }

    #[test]
    fn words_are_picked_in_the_language_as_built() {
        // Tests build with both languages, so each speaks its own.
        assert_eq!(Lang::EN.pick("one", "一"), "one");
        assert_eq!(Lang::ZH.pick("one", "一"), "一");
        assert_eq!(Lang::ZH.pick_with(|| 1, || 2), 2);
        assert_eq!(Lang::EN.say(("one", "一")), "one");
        assert_eq!(Lang::ZH.built(), Lang::ZH);
    }
}
