//! Keyboard focus on an X11 display where no window manager runs (kiosk sessions, virtual
//! displays used for testing). Normally the window manager gives a new window the focus;
//! without one, the window would never receive a key press, so it takes the focus itself.

/// The X11 window to focus, if the app runs on X11.
#[cfg(target_os = "linux")]
pub fn x11_window_id(handle: &impl raw_window_handle::HasWindowHandle) -> Option<u32> {
    use raw_window_handle::RawWindowHandle;
    match handle.window_handle().ok()?.as_raw() {
        RawWindowHandle::Xlib(h) => u32::try_from(h.window).ok(),
        RawWindowHandle::Xcb(h) => Some(h.window.get()),
        _ => None,
    }
}

/// Gives `window_id` the keyboard focus unless a window manager is running. Returns true when
/// nothing more needs doing: focus was set, or a window manager is in charge.
#[cfg(target_os = "linux")]
pub fn focus_without_window_manager(window_id: u32) -> bool {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::{AtomEnum, ConnectionExt as _, InputFocus};

    let Ok((conn, screen_num)) = x11rb::connect(None) else {
        return true;
    };
    let Some(root) = conn.setup().roots.get(screen_num).map(|s| s.root) else {
        return true;
    };
    // A running window manager advertises itself on the root window.
    let wm_check = conn
        .intern_atom(true, b"_NET_SUPPORTING_WM_CHECK")
        .ok()
        .and_then(|cookie| cookie.reply().ok())
        .map(|reply| reply.atom);
    if let Some(atom) = wm_check.filter(|&atom| atom != 0) {
        let advertised = conn
            .get_property(false, root, atom, AtomEnum::WINDOW, 0, 1)
            .ok()
            .and_then(|cookie| cookie.reply().ok())
            .is_some_and(|reply| reply.value_len > 0);
        if advertised {
            return true;
        }
    }
    // Fails with BadMatch until the window is mapped; the caller tries again next frame.
    conn.set_input_focus(InputFocus::PARENT, window_id, x11rb::CURRENT_TIME)
        .ok()
        .and_then(|cookie| cookie.check().ok())
        .is_some()
}
