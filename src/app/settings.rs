//! User preferences that persist across runs (never annotations: those live in sidecars).

use serde::{Deserialize, Serialize};

use crate::text::{ReadingFace, TextStyle};

/// Smallest and largest body font size offered, in points.
pub const FONT_SIZE_RANGE_PT: std::ops::RangeInclusive<f32> = 10.0..=48.0;
/// The default body font size in points.
pub const DEFAULT_FONT_SIZE_PT: f32 = 20.0;
/// Line spacing choices offered in the View menu.
pub const LINE_SPACINGS: [f32; 4] = [1.4, 1.7, 2.0, 2.4];

/// Light or dark appearance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on a light page.
    #[default]
    Light,
    /// Light text on a dark page.
    Dark,
}

/// Everything about the app's appearance and history that is remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Arabic reading face.
    pub face: ReadingFace,
    /// Body font size in points.
    pub font_size_pt: f32,
    /// Line height as a multiple of the font size.
    pub line_spacing: f32,
    /// Light or dark theme.
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            face: ReadingFace::default(),
            font_size_pt: DEFAULT_FONT_SIZE_PT,
            line_spacing: 1.7,
            theme: Theme::default(),
        }
    }
}

impl Settings {
    /// The text style these settings ask for, with out-of-range values pulled back in.
    pub fn text_style(&self) -> TextStyle {
        TextStyle {
            face: self.face,
            font_size_pt: clamp_font_size(self.font_size_pt),
            line_spacing: if self.line_spacing.is_finite() {
                self.line_spacing.clamp(1.0, 3.0)
            } else {
                1.7
            },
        }
    }

    /// Changes the font size by `step_pt`, staying in range.
    pub fn step_font_size(&mut self, step_pt: f32) {
        self.font_size_pt = clamp_font_size(self.font_size_pt + step_pt);
    }
}

fn clamp_font_size(size_pt: f32) -> f32 {
    if size_pt.is_finite() {
        size_pt.clamp(*FONT_SIZE_RANGE_PT.start(), *FONT_SIZE_RANGE_PT.end())
    } else {
        DEFAULT_FONT_SIZE_PT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_size_steps_stay_in_range_and_garbage_is_repaired() {
        let mut settings = Settings::default();
        for _ in 0..100 {
            settings.step_font_size(2.0);
        }
        assert!((settings.font_size_pt - *FONT_SIZE_RANGE_PT.end()).abs() < f32::EPSILON);
        settings.font_size_pt = f32::NAN;
        assert!((settings.text_style().font_size_pt - DEFAULT_FONT_SIZE_PT).abs() < f32::EPSILON);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let settings: Settings = serde_json::from_str(r#"{"theme":"Dark"}"#).unwrap();
        assert_eq!(settings.theme, Theme::Dark);
        assert!((settings.font_size_pt - DEFAULT_FONT_SIZE_PT).abs() < f32::EPSILON);
    }
}
