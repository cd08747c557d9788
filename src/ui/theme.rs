//! Colours of messages and warnings, chosen to be readable: every pair of text and
//! background here meets WCAG AA contrast (4.5:1) in both themes, as the tests check.

use egui::Color32;

/// The banner above the article that shows errors and notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MessageColors {
    /// Banner background.
    pub fill: Color32,
    /// Banner text.
    pub text: Color32,
}

impl MessageColors {
    /// Colours for a light or dark theme.
    pub fn for_theme(dark: bool) -> Self {
        if dark {
            Self {
                fill: Color32::from_rgb(0x3a, 0x2a, 0x0c),
                text: Color32::from_rgb(0xff, 0xe8, 0xb8),
            }
        } else {
            Self {
                fill: Color32::from_rgb(0xff, 0xf1, 0xcc),
                text: Color32::from_rgb(0x3d, 0x28, 0x00),
            }
        }
    }
}

/// Warning and error text colours readable on the theme's panels and windows.
pub fn warn_and_error_colors(dark: bool) -> (Color32, Color32) {
    if dark {
        (
            Color32::from_rgb(0xff, 0xb3, 0x4d),
            Color32::from_rgb(0xff, 0x8a, 0x80),
        )
    } else {
        (
            Color32::from_rgb(0x9a, 0x45, 0x00),
            Color32::from_rgb(0xb0, 0x12, 0x12),
        )
    }
}

/// Puts the readable warning and error colours into egui's light and dark visuals.
pub fn apply_message_colors(ctx: &egui::Context) {
    for (theme, dark) in [(egui::Theme::Light, false), (egui::Theme::Dark, true)] {
        let (warn, error) = warn_and_error_colors(dark);
        let mut visuals = ctx.style_of(theme).visuals.clone();
        if visuals.warn_fg_color != warn || visuals.error_fg_color != error {
            visuals.warn_fg_color = warn;
            visuals.error_fg_color = error;
            ctx.set_visuals_of(theme, visuals);
        }
    }
}

/// Scroll bars that take their own room in a right-to-left interface: a floating bar lies over
/// the right edge of what it scrolls, where right-to-left text starts.
pub fn apply_scroll_bars(ctx: &egui::Context, rtl: bool) {
    let wanted = if rtl {
        egui::style::ScrollStyle::solid()
    } else {
        egui::style::ScrollStyle::floating()
    };
    let differs = [egui::Theme::Light, egui::Theme::Dark]
        .into_iter()
        .any(|theme| ctx.style_of(theme).spacing.scroll.floating != wanted.floating);
    if differs {
        ctx.all_styles_mut(|style| style.spacing.scroll = wanted);
    }
}

/// WCAG 2 contrast ratio between two opaque colours (1 to 21).
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

fn relative_luminance(color: Color32) -> f64 {
    let channel = |value: u8| {
        let c = f64::from(value) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_published_values() {
        // Black on white is 21:1; #777 on white is the well-known 4.48:1 near-miss.
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        let grey = contrast_ratio(Color32::from_gray(0x77), Color32::WHITE);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        // The banner colours reported as unreadable: about 2.1:1.
        let old = contrast_ratio(
            Color32::from_gray(0x50),
            Color32::from_rgb(0x2d, 0x16, 0x07),
        );
        assert!(old < 2.2, "{old}");
    }

    #[test]
    fn messages_and_warnings_meet_wcag_aa_in_both_themes() {
        for dark in [false, true] {
            let banner = MessageColors::for_theme(dark);
            let ratio = contrast_ratio(banner.text, banner.fill);
            assert!(ratio >= 4.5, "banner, dark={dark}: {ratio:.2}");
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            let (warn, error) = warn_and_error_colors(dark);
            for background in [
                visuals.panel_fill,
                visuals.window_fill,
                visuals.extreme_bg_color,
            ] {
                for (name, color) in [("warning", warn), ("error", error)] {
                    let ratio = contrast_ratio(color, background);
                    assert!(
                        ratio >= 4.5,
                        "{name} on {background:?}, dark={dark}: {ratio:.2}"
                    );
                }
            }
        }
    }
}
