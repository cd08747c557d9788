//! Window events that change nothing on screen by themselves are held back until something
//! else happens.
//!
//! eframe repaints the whole window after every window event, and egui runs two more passes
//! after any pass that saw input. Under software rendering each pass repaints every pixel, so
//! a Shift press (key down, modifiers changed, key up, modifiers changed) cost several full
//! frames, and every key release more. Modifier keys, modifier changes and key releases draw
//! nothing in Hashiya: they only matter to the input that follows them (Shift+click,
//! Ctrl+wheel, a shortcut). [`QuietWindow`] sits between winit and eframe, keeps those events,
//! and hands them to eframe in their order just ahead of the next window event, so egui's view
//! of the keys and modifiers is the same whenever it is used, and a press of Shift alone draws
//! no frame at all.

use eframe::UserEvent;
use winit::application::ApplicationHandler;
use winit::event::{DeviceEvent, DeviceId, ElementState, StartCause, WindowEvent};
use winit::event_loop::ActiveEventLoop;
use winit::keyboard::{Key, NamedKey};
use winit::window::WindowId;

/// Held events beyond this are handed over anyway (a key held down for a long time).
const MAX_HELD: usize = 64;

/// Events held back while they are quiet, handed over, oldest first, with the next one that
/// is not.
#[derive(Debug)]
pub struct Held<E> {
    events: Vec<E>,
}

impl<E> Default for Held<E> {
    fn default() -> Self {
        Self { events: Vec::new() }
    }
}

impl<E> Held<E> {
    /// Takes `event` and returns the events to hand over now, in their order: none when
    /// `event` is quiet (it is kept), otherwise the held ones followed by `event`.
    pub fn take(&mut self, event: E, quiet: bool) -> Vec<E> {
        if quiet && self.events.len() < MAX_HELD {
            self.events.push(event);
            return Vec::new();
        }
        let mut now = std::mem::take(&mut self.events);
        now.push(event);
        now
    }

    /// Number of events held back.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when nothing is held back.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// Whether a key event changes nothing Hashiya shows until other input follows: any
/// release, and the press of a modifier key.
pub fn is_quiet_key(state: ElementState, key: &Key) -> bool {
    state == ElementState::Released
        || matches!(
            key,
            Key::Named(
                NamedKey::Shift
                    | NamedKey::Control
                    | NamedKey::Alt
                    | NamedKey::AltGraph
                    | NamedKey::Super
                    | NamedKey::Meta
                    | NamedKey::Hyper
            )
        )
}

fn is_quiet(event: &WindowEvent) -> bool {
    match event {
        WindowEvent::ModifiersChanged(_) => true,
        WindowEvent::KeyboardInput { event, .. } => is_quiet_key(event.state, &event.logical_key),
        _ => false,
    }
}

/// eframe's application, with quiet window events held back (see the module's comment).
pub struct QuietWindow<A> {
    app: A,
    held: Held<(WindowId, WindowEvent)>,
}

impl<A> QuietWindow<A> {
    pub fn new(app: A) -> Self {
        Self {
            app,
            held: Held::default(),
        }
    }
}

impl<A: ApplicationHandler<UserEvent>> ApplicationHandler<UserEvent> for QuietWindow<A> {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        self.app.resumed(event_loop);
    }

    fn window_event(
        &mut self,
        event_loop: &ActiveEventLoop,
        window_id: WindowId,
        event: WindowEvent,
    ) {
        let quiet = is_quiet(&event);
        for (window_id, event) in self.held.take((window_id, event), quiet) {
            self.app.window_event(event_loop, window_id, event);
        }
    }

    fn new_events(&mut self, event_loop: &ActiveEventLoop, cause: StartCause) {
        self.app.new_events(event_loop, cause);
    }

    fn user_event(&mut self, event_loop: &ActiveEventLoop, event: UserEvent) {
        self.app.user_event(event_loop, event);
    }

    fn device_event(
        &mut self,
        event_loop: &ActiveEventLoop,
        device_id: DeviceId,
        event: DeviceEvent,
    ) {
        self.app.device_event(event_loop, device_id, event);
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        self.app.about_to_wait(event_loop);
    }

    fn suspended(&mut self, event_loop: &ActiveEventLoop) {
        self.app.suspended(event_loop);
    }

    fn exiting(&mut self, event_loop: &ActiveEventLoop) {
        self.app.exiting(event_loop);
    }

    fn memory_warning(&mut self, event_loop: &ActiveEventLoop) {
        self.app.memory_warning(event_loop);
    }
}

#[cfg(test)]
mod tests {
    use winit::keyboard::SmolStr;

    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    enum Input {
        Key(ElementState, Key),
        Click,
    }

    fn quiet(input: &Input) -> bool {
        match input {
            Input::Key(state, key) => is_quiet_key(*state, key),
            Input::Click => false,
        }
    }

    fn feed(held: &mut Held<Input>, input: Input) -> Vec<Input> {
        let q = quiet(&input);
        held.take(input, q)
    }

    const SHIFT: Key = Key::Named(NamedKey::Shift);
    const PAGE_DOWN: Key = Key::Named(NamedKey::PageDown);

    #[test]
    fn a_shift_press_and_release_reach_egui_only_with_the_next_click() {
        let mut held = Held::default();
        assert!(feed(&mut held, Input::Key(ElementState::Pressed, SHIFT)).is_empty());
        assert_eq!(held.len(), 1);
        assert_eq!(
            feed(&mut held, Input::Click),
            vec![Input::Key(ElementState::Pressed, SHIFT), Input::Click]
        );
        assert!(held.is_empty());
    }

    #[test]
    fn a_key_press_goes_through_and_its_release_waits() {
        let mut held = Held::default();
        let down = Input::Key(ElementState::Pressed, PAGE_DOWN);
        let up = Input::Key(ElementState::Released, PAGE_DOWN);
        assert_eq!(feed(&mut held, down.clone()), vec![down.clone()]);
        assert!(feed(&mut held, up.clone()).is_empty());
        assert_eq!(feed(&mut held, down.clone()), vec![up, down]);
    }

    #[test]
    fn a_letter_typed_with_shift_is_not_held() {
        let mut held = Held::default();
        feed(&mut held, Input::Key(ElementState::Pressed, SHIFT));
        let letter = Input::Key(ElementState::Pressed, Key::Character(SmolStr::new("A")));
        assert_eq!(
            feed(&mut held, letter.clone()),
            vec![Input::Key(ElementState::Pressed, SHIFT), letter]
        );
        for key in [
            SHIFT,
            Key::Named(NamedKey::Control),
            Key::Named(NamedKey::Alt),
        ] {
            assert!(is_quiet_key(ElementState::Pressed, &key));
        }
        for key in [
            PAGE_DOWN,
            Key::Named(NamedKey::Escape),
            Key::Named(NamedKey::Tab),
        ] {
            assert!(!is_quiet_key(ElementState::Pressed, &key));
        }
    }

    #[test]
    fn a_long_run_of_quiet_events_is_handed_over_rather_than_grown() {
        let mut held = Held::default();
        for _ in 0..MAX_HELD {
            assert!(feed(&mut held, Input::Key(ElementState::Released, SHIFT)).is_empty());
        }
        let one_more = feed(&mut held, Input::Key(ElementState::Released, SHIFT));
        assert_eq!(one_more.len(), MAX_HELD + 1);
        assert!(held.is_empty());
    }
}
