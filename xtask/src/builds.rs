//! The table of Wasm builds: the one place a build's crate features and file names are written.
//! Everything else (the compile loop, the fingerprinting, each page's preloads, the glue each
//! script loads) is derived from it.

use sensetime_explainer::lang::Lang;

/// Which page loads a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An edition of the story page (`index.html`, `zh/index.html`), or with `framed` its
    /// `frame.html`, the story in a host page's frame.
    Story { lang: Lang, framed: bool },
    /// `embed.html` and `embed.js`, in either language.
    Embeds,
}

/// One Wasm build of the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Build {
    /// The crate features that select its exports and languages (`--features`).
    pub features: &'static str,
    /// The name wasm-bindgen gives its files in `pkg/`: `<stem>.js` and `<stem>_bg.wasm`.
    pub stem: &'static str,
    pub role: Role,
}

/// The five builds: each page downloads only its own code.
pub const BUILDS: [Build; 5] = [
    Build {
        features: "story,en",
        stem: "sensetime_story",
        role: Role::Story {
            lang: Lang::EN,
            framed: false,
        },
    },
    Build {
        features: "story,zh",
        stem: "sensetime_story_zh",
        role: Role::Story {
            lang: Lang::ZH,
            framed: false,
        },
    },
    Build {
        features: "story,frame,en",
        stem: "sensetime_story_frame",
        role: Role::Story {
            lang: Lang::EN,
            framed: true,
        },
    },
    Build {
        features: "story,frame,zh",
        stem: "sensetime_story_frame_zh",
        role: Role::Story {
            lang: Lang::ZH,
            framed: true,
        },
    },
    Build {
        features: "embeds,en,zh",
        stem: "sensetime_embed",
        role: Role::Embeds,
    },
];

/// The English story with the crate's test hooks (`panicForTests`), for the end-to-end tests
/// only: `cargo xtask test` builds it beside the site, never into `dist/` (a host page's scripts
/// could call a hook on a reader's page). Not one of `BUILDS`, which are what readers download.
pub const TEST_HOOKS: Build = Build {
    features: "story,test-hooks,en",
    stem: "sensetime_story_test_hooks",
    role: Role::Story {
        lang: Lang::EN,
        framed: false,
    },
};

/// How a test hook's JS name ends (`panicForTests`), so a build's glue shows whether it has one.
pub const TEST_HOOK_SUFFIX: &str = "ForTests";

/// The crate feature of a language, which is also its short code: `en`, `zh`.
pub fn lang_feature(lang: Lang) -> &'static str {
    lang.pick("en", "zh")
}

impl Build {
    /// Its wasm-bindgen glue, as wasm-bindgen names it.
    pub fn glue(&self) -> String {
        format!("{}.js", self.stem)
    }

    /// Its Wasm, as wasm-bindgen names it.
    pub fn wasm(&self) -> String {
        format!("{}_bg.wasm", self.stem)
    }

    /// The build whose role is `role`.
    pub fn of(role: Role) -> &'static Build {
        BUILDS
            .iter()
            .find(|b| b.role == role)
            .expect("BUILDS has a build for every role")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_exactly_one_build_with_distinct_files() {
        let mut roles = vec![Role::Embeds];
        for lang in Lang::ALL {
            for framed in [false, true] {
                roles.push(Role::Story { lang, framed });
            }
        }
        assert_eq!(roles.len(), BUILDS.len());
        for role in roles {
            assert_eq!(BUILDS.iter().filter(|b| b.role == role).count(), 1);
        }
        for (i, a) in BUILDS.iter().enumerate() {
            for b in &BUILDS[i + 1..] {
                assert_ne!(a.stem, b.stem);
                assert_ne!(a.features, b.features);
            }
        }
    }

    /// Each build's features are crate features, and say its language and frame.
    #[test]
    fn features_match_roles_and_the_crate() {
        let manifest =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
        for build in BUILDS.iter().chain([&TEST_HOOKS]) {
            let features: Vec<&str> = build.features.split(',').collect();
            for f in &features {
                assert!(manifest.contains(&format!("\n{f} = ")), "{f}");
            }
            match build.role {
                Role::Story { lang, framed } => {
                    assert_eq!(features.contains(&"frame"), framed, "{}", build.stem);
                    assert_eq!(features.last(), Some(&lang_feature(lang)), "{}", build.stem);
                }
                Role::Embeds => assert!(features.contains(&"embeds")),
            }
            assert_eq!(features.contains(&"test-hooks"), build == &TEST_HOOKS);
        }
    }
}
