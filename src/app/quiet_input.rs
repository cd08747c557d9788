//! Input that changes nothing on screen by itself is held back until something else happens.
//!
//! egui runs two more passes after any pass that saw an input event, to let things settle.
//! Under software rendering each pass repaints the whole window, so a Shift press (key down,
//! modifiers changed, key up, modifiers changed) cost six full frames, and every key release
//! two more. Modifier keys, modifier changes and key releases draw nothing in Hashiya: they
//! only matter to the input that follows them (Shift+click, Ctrl+wheel, a shortcut). They
//! are kept here and handed to egui, in their order, just ahead of the next event that can
//! change the screen, so egui's view of the keys and modifiers is the same when it matters.

use egui::{Event, Key};

/// Held events beyond this are handed over anyway (a key held down for a long time).
const MAX_HELD: usize = 64;

/// Events held back from passes that had nothing else.
#[derive(Debug, Default)]
pub struct QuietInput {
    held: Vec<Event>,
}

impl QuietInput {
    /// Filters one pass's `events` in place: when they are all quiet, they are kept for
    /// later and the pass gets none; otherwise the held ones are put in front.
    pub fn filter(&mut self, events: &mut Vec<Event>) {
        if events.iter().all(is_quiet) && self.held.len() + events.len() <= MAX_HELD {
            self.held.append(events);
        } else if !self.held.is_empty() {
            let mut all = std::mem::take(&mut self.held);
            all.append(events);
            *events = all;
        }
    }

    /// Number of events held back.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.held.len()
    }
}

/// Whether an event changes nothing Hashiya shows until other input follows.
fn is_quiet(event: &Event) -> bool {
    match event {
        Event::ModifiersChanged(_) => true,
        Event::Key { key, pressed, .. } => !*pressed || is_modifier(*key),
        _ => false,
    }
}

fn is_modifier(key: Key) -> bool {
    matches!(
        key,
        Key::ShiftLeft
            | Key::ShiftRight
            | Key::ControlLeft
            | Key::ControlRight
            | Key::AltLeft
            | Key::AltRight
            | Key::SuperLeft
            | Key::SuperRight
    )
}

#[cfg(test)]
mod tests {
    use egui::{Modifiers, PointerButton, pos2};

    use super::*;

    fn key(key: Key, pressed: bool, modifiers: Modifiers) -> Event {
        Event::Key {
            key,
            physical_key: Some(key),
            pressed,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn a_shift_press_and_release_reach_egui_only_with_the_next_click() {
        let mut quiet = QuietInput::default();
        let mut press = vec![
            key(Key::ShiftLeft, true, Modifiers::SHIFT),
            Event::ModifiersChanged(Modifiers::SHIFT),
        ];
        quiet.filter(&mut press);
        assert!(press.is_empty());
        assert_eq!(quiet.held(), 2);

        let click = Event::PointerButton {
            pos: pos2(10.0, 10.0),
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::SHIFT,
        };
        let mut next = vec![click.clone()];
        quiet.filter(&mut next);
        assert_eq!(
            next,
            vec![
                key(Key::ShiftLeft, true, Modifiers::SHIFT),
                Event::ModifiersChanged(Modifiers::SHIFT),
                click,
            ]
        );
        assert_eq!(quiet.held(), 0);
    }

    #[test]
    fn a_key_press_goes_through_and_its_release_waits() {
        let mut quiet = QuietInput::default();
        let mut down = vec![key(Key::PageDown, true, Modifiers::NONE)];
        quiet.filter(&mut down);
        assert_eq!(down, vec![key(Key::PageDown, true, Modifiers::NONE)]);

        let mut up = vec![key(Key::PageDown, false, Modifiers::NONE)];
        quiet.filter(&mut up);
        assert!(up.is_empty());

        let mut again = vec![key(Key::PageDown, true, Modifiers::NONE)];
        quiet.filter(&mut again);
        assert_eq!(
            again,
            vec![
                key(Key::PageDown, false, Modifiers::NONE),
                key(Key::PageDown, true, Modifiers::NONE),
            ]
        );
    }

    #[test]
    fn text_and_a_shifted_letter_are_not_held() {
        let mut quiet = QuietInput::default();
        let mut typed = vec![
            key(Key::A, true, Modifiers::SHIFT),
            Event::Text("A".to_owned()),
        ];
        let expected = typed.clone();
        quiet.filter(&mut typed);
        assert_eq!(typed, expected);
        assert_eq!(quiet.held(), 0);
    }

    #[test]
    fn a_long_run_of_quiet_events_is_handed_over_rather_than_grown() {
        let mut quiet = QuietInput::default();
        for _ in 0..MAX_HELD {
            let mut events = vec![Event::ModifiersChanged(Modifiers::NONE)];
            quiet.filter(&mut events);
            assert!(events.is_empty());
        }
        let mut one_more = vec![Event::ModifiersChanged(Modifiers::SHIFT)];
        quiet.filter(&mut one_more);
        assert_eq!(one_more.len(), MAX_HELD + 1);
        assert_eq!(quiet.held(), 0);
    }
}
