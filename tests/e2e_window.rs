//! End to end in a real window: the release binary runs in a virtual X display (Xvfb with
//! Mesa's software OpenGL), is looked at through screenshots, and is driven with xdotool like a
//! person would drive it. Screenshots are kept under `target/e2e-screenshots/`.
//!
//! Needs Debian's xvfb, xdotool, imagemagick (import) and libgl1-mesa-dri; `.ci/run` installs
//! them and sets `HASHIYA_REQUIRE_E2E=1`, which turns a missing tool into a failure instead of
//! a skip.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{IPHONE, RAQQA, article_copy, corpus, corpus_copy};

/// One real window at a time: parallel windows compete for the two cores and make key
/// timing flaky.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// True when the tools are here; otherwise skips (or fails under CI).
fn tools_available() -> bool {
    let missing: Vec<&str> = ["Xvfb", "xdotool", "import"]
        .into_iter()
        .filter(|p| !have(p))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("HASHIYA_REQUIRE_E2E").is_none(),
        "end-to-end tools missing: {missing:?} (apt-get install xvfb xdotool imagemagick libgl1-mesa-dri)"
    );
    eprintln!("skipped: end-to-end tools missing: {missing:?}");
    false
}

/// A private X display, stopped when dropped.
struct Display {
    name: String,
    server: Child,
}

impl Display {
    fn start() -> Self {
        for number in 150..250 {
            if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
                || Path::new(&format!("/tmp/.X{number}-lock")).exists()
            {
                continue;
            }
            let name = format!(":{number}");
            let Ok(server) = Command::new("Xvfb")
                .args([
                    &name,
                    "-screen",
                    "0",
                    "1280x900x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
            else {
                continue;
            };
            let display = Self { name, server };
            // The socket file appears before the server accepts connections: ask it.
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                let ready = display
                    .command("xdotool")
                    .arg("getdisplaygeometry")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if ready {
                    return display;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("could not start Xvfb");
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.name)
            .env_remove("WAYLAND_DISPLAY");
        command
    }

    fn xdotool(&self, args: &[&str]) {
        let status = self.command("xdotool").args(args).status().unwrap();
        assert!(status.success(), "xdotool {args:?} failed");
        std::thread::sleep(Duration::from_millis(250));
    }

    fn screenshot(&self, name: &str) -> (PathBuf, image::RgbImage) {
        let path = screenshot_dir().join(format!("{name}.png"));
        let status = self
            .command("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "import failed");
        let image = image::open(&path).unwrap().to_rgb8();
        (path, image)
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // SIGTERM lets Xvfb remove its socket and lock files; SIGKILL only if it lingers.
        let terminated = Command::new("kill")
            .arg(self.server.id().to_string())
            .status()
            .is_ok_and(|s| s.success());
        let started = Instant::now();
        while terminated && started.elapsed() < Duration::from_secs(5) {
            if self.server.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.server.kill().ok();
        self.server.wait().ok();
    }
}

/// The app running in `display` on `article`, with its own home so no settings leak in.
struct App {
    child: Child,
    _home: tempfile::TempDir,
}

impl App {
    fn launch(display: &Display, article: &Path, log_name: &str) -> Self {
        Self::launch_with(display, article, log_name, &[])
    }

    /// Like [`Self::launch`], with extra environment variables.
    fn launch_with(
        display: &Display,
        article: &Path,
        log_name: &str,
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Self {
        let home = tempfile::tempdir().unwrap();
        let log = std::fs::File::create(screenshot_dir().join(format!("{log_name}.log"))).unwrap();
        let child = display
            .command(env!("CARGO_BIN_EXE_hashiya"))
            .arg(article)
            .env("RUST_LOG", "info")
            .envs(env.iter().copied())
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        let app = Self { child, _home: home };
        let started = Instant::now();
        loop {
            let found = display
                .command("xdotool")
                .args(["search", "--onlyvisible", "--name", "Hashiya"])
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if found {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "no window after 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        // Let the first frames settle (fonts, atlas upload, layout).
        std::thread::sleep(Duration::from_millis(1500));
        app
    }

    fn wait_for_exit(mut self, timeout: Duration) -> std::process::ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if started.elapsed() > timeout {
                self.child.kill().ok();
                panic!("the app did not quit within {timeout:?}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// What a screenshot of the reading column shows.
#[derive(Debug)]
struct Ink {
    /// Share of dark pixels in the reading column.
    dark_share: f64,
    /// Mean width in pixels of the connected blobs of ink (8 pixels or more). Joined Arabic
    /// writes a word, or a large part of it, as one connected stroke; letters drawn unjoined
    /// (or text drawn as boxes) break into narrow blobs. Measured once with shaping switched
    /// off: 7.4 px, against 11.7 px with it on, on the sample article.
    mean_blob_width: f64,
}

fn ink(image: &image::RgbImage, region: (u32, u32, u32, u32)) -> Ink {
    let (x0, y0, x1, y1) = region;
    let (width, height) = ((x1 - x0) as usize, (y1 - y0) as usize);
    let mut dark = vec![false; width * height];
    for y in 0..height {
        for x in 0..width {
            let p = image.get_pixel(x0 + x as u32, y0 + y as u32);
            dark[y * width + x] = (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3 < 110;
        }
    }
    let dark_count = dark.iter().filter(|&&d| d).count();
    let mut seen = vec![false; width * height];
    let mut blob_widths = Vec::new();
    for start in 0..dark.len() {
        if !dark[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        let (mut size, mut min_x, mut max_x) = (0usize, usize::MAX, 0usize);
        while let Some(at) = stack.pop() {
            size += 1;
            let (x, y) = (at % width, at / width);
            min_x = min_x.min(x);
            max_x = max_x.max(x);
            for (dx, dy) in [
                (-1i64, -1i64),
                (0, -1),
                (1, -1),
                (-1, 0),
                (1, 0),
                (-1, 1),
                (0, 1),
                (1, 1),
            ] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx < 0 || ny < 0 || nx >= width as i64 || ny >= height as i64 {
                    continue;
                }
                let next = ny as usize * width + nx as usize;
                if dark[next] && !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        if size >= 8 {
            blob_widths.push((max_x - min_x + 1) as f64);
        }
    }
    Ink {
        dark_share: dark_count as f64 / (width * height) as f64,
        mean_blob_width: blob_widths.iter().sum::<f64>() / blob_widths.len().max(1) as f64,
    }
}

/// The reading column of the 1100×820 window, left of the annotation panel.
const COLUMN: (u32, u32, u32, u32) = (40, 60, 720, 760);

fn assert_article_drawn(name: &str, image: &image::RgbImage, path: &Path) {
    let ink = ink(image, COLUMN);
    eprintln!("{name}: {ink:?} ({})", path.display());
    assert!(
        ink.dark_share > 0.02 && ink.dark_share < 0.5,
        "{name}: the reading column is blank or flooded ({ink:?}); see {}",
        path.display()
    );
    assert!(
        ink.mean_blob_width > 9.5,
        "{name}: no joined Arabic strokes in the reading column ({ink:?}); see {}",
        path.display()
    );
}

#[test]
fn corpus_articles_are_drawn_in_a_real_window() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let display = Display::start();
    for (name, article) in [
        (
            "sample",
            "news/alaraby_2016-10-25_paris_coalition_raqqa.txt",
        ),
        (
            "iphone",
            "news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt",
        ),
        (
            "vowelled",
            "diacritized/snn_alyaum_2015-07-22_1670_diacritized_poem.txt",
        ),
        ("large", "large/snn_2015-07-23_all_1318_articles.txt"),
    ] {
        let app = App::launch(&display, &corpus(article), &format!("article-{name}"));
        let (path, image) = display.screenshot(&format!("article-{name}"));
        assert_article_drawn(name, &image, &path);
        drop(app);
    }
}

#[test]
fn keyboard_annotation_in_a_real_window_reaches_the_sidecar() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let display = Display::start();
    let (dir, article) = article_copy(RAQQA, "خبر الرقة.txt");
    let app = App::launch(&display, &article, "annotate");
    let (path, image) = display.screenshot("annotate-before");
    assert_article_drawn("annotate-before", &image, &path);

    for _ in 0..6 {
        display.xdotool(&["key", "j"]);
    }
    display.xdotool(&["key", "1"]);
    display.xdotool(&["key", "n"]);
    display.xdotool(&["type", "--delay", "150", "ملاحظة"]);
    // xdotool types Arabic by remapping a spare key code and puts the keymap back
    // afterwards; give the app time to see the restored keymap before Ctrl+S and Ctrl+Q.
    std::thread::sleep(Duration::from_secs(1));
    display.xdotool(&["key", "Escape"]);
    display.xdotool(&["key", "ctrl+s"]);
    let (path, _) = display.screenshot("annotate-after");
    display.xdotool(&["key", "ctrl+q"]);
    let status = app.wait_for_exit(Duration::from_secs(20));
    assert!(
        status.success(),
        "exit status {status}; see {}",
        path.display()
    );

    let sidecar_path = dir.path().join("خبر الرقة.txt.annotations.json");
    let (sidecar, _) = hashiya::annotation::sidecar::read(&sidecar_path)
        .unwrap()
        .unwrap_or_else(|| panic!("no sidecar written; see {}", path.display()));
    assert_eq!(sidecar.annotations.len(), 1, "see {}", path.display());
    let annotation = &sidecar.annotations[0];
    assert_eq!(annotation.labels, ["claim"]);
    assert_eq!(annotation.note, "ملاحظة");
    assert_eq!(annotation.target.paragraph, 5);
}

/// The frames the window has drawn so far, from its log (`RUST_LOG=hashiya::frame=trace`),
/// once it has drawn none for half a second.
fn frames_when_settled(log: &Path) -> usize {
    let count = || {
        std::fs::read_to_string(log)
            .unwrap_or_default()
            .lines()
            .filter(|line| line.contains("hashiya::frame"))
            .count()
    };
    let started = Instant::now();
    let mut last = count();
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = count();
        if now == last || started.elapsed() > Duration::from_secs(20) {
            return now;
        }
        last = now;
    }
}

#[test]
fn modifier_keys_and_key_releases_draw_no_frame_in_a_real_window() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let display = Display::start();
    let (_dir, article) = article_copy(RAQQA, "خبر.txt");
    let app = App::launch_with(
        &display,
        &article,
        "quiet-keys",
        &[("RUST_LOG", "info,hashiya::frame=trace".as_ref())],
    );
    let log = screenshot_dir().join("quiet-keys.log");
    let settled = frames_when_settled(&log);
    assert!(settled > 0, "no frame logged in {}", log.display());

    // Shift, Ctrl and Alt pressed and released alone change nothing on screen.
    for key in ["shift", "ctrl", "alt", "shift", "ctrl"] {
        display.xdotool(&["key", key]);
    }
    let after_modifiers = frames_when_settled(&log);
    assert_eq!(
        after_modifiers,
        settled,
        "modifier keys drew frames; see {}",
        log.display()
    );

    // A key that does something still draws.
    display.xdotool(&["key", "j"]);
    let after_j = frames_when_settled(&log);
    assert!(after_j > after_modifiers, "j drew no frame");
    display.xdotool(&["key", "ctrl+q"]);
    let status = app.wait_for_exit(Duration::from_secs(20));
    assert!(status.success(), "exit status {status}");
}

/// The default scheme's label ids, by key `1`–`7`.
const LABEL_IDS: [&str; 7] = [
    "claim",
    "quotation",
    "event",
    "actor",
    "place",
    "opinion",
    "statistic",
];

#[test]
fn two_windows_labelling_one_article_at_once_lose_no_label() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // Each window on its own display, so each gets its own keyboard; both on one file.
    let (first_display, second_display) = (Display::start(), Display::start());
    let (_dir, article) = article_copy(RAQQA, "الرقة.txt");
    let paragraphs = hashiya::document::load(&article).unwrap().paragraphs.len();
    let first = App::launch(&first_display, &article, "two-windows-first");
    let second = App::launch(&second_display, &article, "two-windows-second");
    // Both label every paragraph within a moment of each other, saving now and then: the
    // first with keys 1–3, the second with 4–6. Then, once both have each other's
    // annotations, both add a second label to the same annotations, from the end back.
    let first_key = |paragraph: usize, pass: usize| 1 + (paragraph + pass) % 3;
    let second_key = |paragraph: usize, pass: usize| 4 + (paragraph + pass) % 3;
    let started = Instant::now();
    for pass in 0..2 {
        let order: Vec<usize> = if pass == 0 {
            (0..paragraphs).collect()
        } else {
            (0..paragraphs).rev().collect()
        };
        for (step, &paragraph) in order.iter().enumerate() {
            // The second pass starts on the last paragraph, where the first ended.
            let moves = usize::from(pass == 0 || step > 0);
            let movement = if pass == 0 { "j" } else { "k" };
            for (display, key) in [
                (&first_display, first_key(paragraph, pass)),
                (&second_display, second_key(paragraph, pass)),
            ] {
                for _ in 0..moves {
                    display.xdotool(&["key", movement]);
                }
                display.xdotool(&["key", &key.to_string()]);
                if step % 5 == 4 {
                    display.xdotool(&["key", "ctrl+s"]);
                }
            }
        }
        // Both save twice: the second save of each carries what it merged in the first.
        for _ in 0..2 {
            for display in [&first_display, &second_display] {
                display.xdotool(&["key", "ctrl+s"]);
            }
            std::thread::sleep(Duration::from_millis(800));
        }
    }
    eprintln!("labelled for {:.1?}", started.elapsed());
    let (path, _) = first_display.screenshot("two-windows-first");
    for display in [&first_display, &second_display] {
        display.xdotool(&["key", "ctrl+s"]);
    }
    for (display, app) in [(&first_display, first), (&second_display, second)] {
        display.xdotool(&["key", "ctrl+q"]);
        let status = app.wait_for_exit(Duration::from_secs(20));
        assert!(status.success(), "exit status {status}");
    }

    let (sidecar, _) =
        hashiya::annotation::sidecar::read(&hashiya::annotation::sidecar_path(&article))
            .unwrap()
            .unwrap();
    let mut lost = Vec::new();
    for paragraph in 0..paragraphs {
        let labels: Vec<&str> = sidecar
            .annotations
            .iter()
            .filter(|a| a.target.paragraph == paragraph && a.is_paragraph_level())
            .flat_map(|a| a.labels.iter().map(String::as_str))
            .collect();
        for pass in 0..2 {
            for key in [first_key(paragraph, pass), second_key(paragraph, pass)] {
                let expected = LABEL_IDS[key - 1];
                if !labels.contains(&expected) {
                    lost.push((paragraph, expected));
                }
            }
        }
    }
    assert!(lost.is_empty(), "lost {lost:?}; see {}", path.display());
    let per_paragraph = sidecar
        .annotations
        .iter()
        .filter(|a| a.is_paragraph_level())
        .count();
    assert_eq!(per_paragraph, paragraphs, "one annotation per paragraph");
}

#[test]
fn an_article_edited_under_the_open_window_is_reloaded_and_its_annotations_follow() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let display = Display::start();
    let (_dir, article) = article_copy(RAQQA, "خبر.txt");
    let app = App::launch(&display, &article, "article-edited");
    for _ in 0..6 {
        display.xdotool(&["key", "j"]);
    }
    display.xdotool(&["key", "1"]);
    display.xdotool(&["key", "ctrl+s"]);
    let (before_path, before) = display.screenshot("article-edited-before");

    // Another editor inserts a paragraph after the title.
    let text = std::fs::read_to_string(&article).unwrap();
    let (title, rest) = text.split_once('\n').unwrap();
    let added = "فقرة جديدة أضافها محرر آخر بعد نشر الخبر.";
    std::fs::write(&article, format!("{title}\n\n{added}\n{rest}")).unwrap();
    let written = Instant::now();
    let log = screenshot_dir().join("article-edited.log");
    loop {
        let logged = std::fs::read_to_string(&log).unwrap_or_default();
        if logged.contains("article changed on disk, reloaded") {
            break;
        }
        assert!(
            written.elapsed() < Duration::from_secs(2),
            "not reloaded within 2 s; see {}",
            log.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));
    let (after_path, after) = display.screenshot("article-edited-after");
    assert_ne!(
        before.as_raw(),
        after.as_raw(),
        "the window shows the new text; see {} and {}",
        before_path.display(),
        after_path.display()
    );
    display.xdotool(&["key", "ctrl+s"]);
    display.xdotool(&["key", "ctrl+q"]);
    let status = app.wait_for_exit(Duration::from_secs(20));
    assert!(status.success(), "exit status {status}");

    let (sidecar, _) =
        hashiya::annotation::sidecar::read(&hashiya::annotation::sidecar_path(&article))
            .unwrap()
            .unwrap();
    let document = hashiya::document::load(&article).unwrap();
    assert_eq!(
        sidecar.article.sha256,
        hashiya::annotation::sha256_hex(&document.text)
    );
    let chars: Vec<char> = document.text.chars().collect();
    assert_eq!(sidecar.annotations.len(), 1);
    let annotation = &sidecar.annotations[0];
    assert_eq!(
        annotation.target.paragraph, 6,
        "moved down by the new paragraph"
    );
    let p = annotation.target.position;
    let slice: String = chars[p.start..p.end].iter().collect();
    assert!(slice.starts_with(&annotation.target.quote.exact));
    assert_eq!(Some(slice.as_str()), document.paragraph_text(6));
}

/// Bounding box (left, top, right, bottom) of the pixels in `region` painted with the find
/// bar's highlight of the current hit (orange behind the text).
fn current_hit_box(
    image: &image::RgbImage,
    region: (u32, u32, u32, u32),
) -> Option<(u32, u32, u32, u32)> {
    let (x0, y0, x1, y1) = region;
    let mut found: Option<(u32, u32, u32, u32)> = None;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = image.get_pixel(x, y);
            let orange = p[0] > 230 && (150..215).contains(&p[1]) && p[2] < 150;
            if orange {
                let b = found.get_or_insert((x, y, x, y));
                *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
            }
        }
    }
    found
}

#[test]
fn a_double_clicked_word_is_labelled_in_a_real_window() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let display = Display::start();
    let (_dir, article) = article_copy(RAQQA, "raqqa.txt");
    let app = App::launch(&display, &article, "double-click");
    // Find the word with the find bar: its current hit is painted where the word is.
    let word = "وزراء";
    display.xdotool(&["key", "ctrl+f"]);
    display.xdotool(&["type", "--delay", "150", word]);
    std::thread::sleep(Duration::from_secs(1));
    let (path, image) = display.screenshot("double-click-found");
    let (left, top, right, bottom) = current_hit_box(&image, COLUMN)
        .unwrap_or_else(|| panic!("no highlighted hit; see {}", path.display()));
    assert!(
        right - left > 15 && right - left < 120 && bottom - top < 60,
        "the hit is not one word: {left},{top} to {right},{bottom}; see {}",
        path.display()
    );
    let y = u32::midpoint(top, bottom).to_string();
    // Click the paragraph as a person would, then double-click the word's last letter on its
    // left (trailing) half, where the caret gap is the word's end.
    let middle = u32::midpoint(left, right).to_string();
    display.xdotool(&["mousemove", &middle, &y]);
    display.xdotool(&["click", "1"]);
    std::thread::sleep(Duration::from_secs(1));
    let trailing = (left + 2).to_string();
    display.xdotool(&["mousemove", &trailing, &y]);
    display.xdotool(&["click", "--repeat", "2", "--delay", "120", "1"]);
    let (path, _) = display.screenshot("double-click-selected");
    display.xdotool(&["key", "4"]);
    display.xdotool(&["key", "ctrl+s"]);
    display.xdotool(&["key", "ctrl+q"]);
    let status = app.wait_for_exit(Duration::from_secs(20));
    assert!(status.success(), "exit status {status}");

    let (sidecar, _) =
        hashiya::annotation::sidecar::read(&hashiya::annotation::sidecar::sidecar_path(&article))
            .unwrap()
            .unwrap_or_else(|| panic!("no sidecar written; see {}", path.display()));
    assert_eq!(sidecar.annotations.len(), 1, "see {}", path.display());
    let annotation = &sidecar.annotations[0];
    assert_eq!(
        annotation.target.kind,
        hashiya::annotation::TargetKind::Span,
        "the paragraph was labelled, not the word; see {}",
        path.display()
    );
    assert_eq!(
        annotation.target.quote.exact,
        word,
        "see {}",
        path.display()
    );
    assert_eq!(annotation.target.paragraph, 5);
    assert_eq!(annotation.labels, ["actor"]);
}

impl Display {
    /// Types `text` one character at a time: xdotool types Arabic by remapping a spare key
    /// code for each character, and a fast burst loses some of them.
    fn type_slowly(&self, text: &str) {
        for c in text.chars() {
            self.xdotool(&["type", "--delay", "150", &c.to_string()]);
        }
        // Let the app see the restored keymap before the next key.
        std::thread::sleep(Duration::from_secs(1));
    }

    /// The window's id.
    fn window(&self) -> String {
        let output = self
            .command("xdotool")
            .args(["search", "--onlyvisible", "--name", "Hashiya"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .expect("a Hashiya window")
            .to_owned()
    }

    /// Clicks at (`x`, `y`) in the window.
    fn click(&self, x: u32, y: u32) {
        let window = self.window();
        self.xdotool(&[
            "mousemove",
            "--window",
            &window,
            &x.to_string(),
            &y.to_string(),
            "click",
            "1",
        ]);
    }

    /// Waits until the window title contains `part`; returns the title.
    fn wait_for_title(&self, part: &str, timeout: Duration) -> Option<String> {
        let started = Instant::now();
        while started.elapsed() < timeout {
            let output = self
                .command("xdotool")
                .args(["getwindowname", &self.window()])
                .output()
                .unwrap();
            let title = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            if title.contains(part) {
                return Some(title);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        None
    }
}

/// A session like a bare X11 one with no xdg-desktop-portal and no zenity, whatever this
/// machine has: the session bus is unreachable and `PATH` is an empty folder.
fn without_system_dialogs(empty: &Path) -> Vec<(&'static str, std::ffi::OsString)> {
    vec![
        (
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/hashiya-test-bus".into(),
        ),
        ("PATH", empty.as_os_str().to_owned()),
    ]
}

/// A folder with an article to start from and Arabic-named articles in Arabic-named
/// sub-folders.
fn dialog_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    corpus_copy(RAQQA, root, "start.txt");
    let articles = root.join("مقالات");
    std::fs::create_dir(&articles).unwrap();
    corpus_copy(IPHONE, &articles, "أيفون وأندرويد.txt");
    corpus_copy(
        "news/talaa_saidziani_algeria_short_news.txt",
        &articles,
        "الجزائر.txt",
    );
    let archive = root.join("أرشيف 2016");
    std::fs::create_dir(&archive).unwrap();
    corpus_copy(
        "news/snn_almadina_2015-07-27_586_iphone_android_percentages.txt",
        &archive,
        "تقرير CNN 2016.txt",
    );
    dir
}

/// Ctrl+O, then an Arabic file chosen in Hashiya's dialog by typing parts of names; the
/// log must say why Hashiya's dialog was shown (`reason`).
fn open_through_hashiyas_dialog(name: &str, env: &[(&str, &std::ffi::OsStr)], reason: &str) {
    let display = Display::start();
    let dir = dialog_folder();
    let _app = App::launch_with(&display, &dir.path().join("start.txt"), name, env);

    display.xdotool(&["key", "ctrl+o"]);
    std::thread::sleep(Duration::from_millis(800));
    let (shown, _) = display.screenshot(&format!("{name}-shown"));
    // Into مقالات by typing part of its name, then the article by part of its name, with
    // a bare alef for أ as search allows.
    display.type_slowly("مقال");
    display.xdotool(&["key", "Return"]);
    display.type_slowly("ايفون");
    let (typed, _) = display.screenshot(&format!("{name}-typed"));
    display.xdotool(&["key", "Return"]);
    let title = display.wait_for_title("أيفون وأندرويد.txt", Duration::from_secs(15));
    let (path, image) = display.screenshot(&format!("{name}-done"));
    assert!(
        title.is_some(),
        "the article did not open; see {}, {} and {}",
        shown.display(),
        typed.display(),
        path.display()
    );
    assert_article_drawn(name, &image, &path);
    let log = std::fs::read_to_string(screenshot_dir().join(format!("{name}.log"))).unwrap();
    assert!(
        log.contains("showing the built-in one") && log.contains(reason),
        "the fallback was not taken for the expected reason ({reason}): {log}"
    );
}

#[test]
fn without_a_portal_or_zenity_ctrl_o_opens_an_arabic_file_through_hashiyas_dialog() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let empty = tempfile::tempdir().unwrap();
    let env = without_system_dialogs(empty.path());
    let env: Vec<(&str, &std::ffi::OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    open_through_hashiyas_dialog("dialog-open", &env, "neither the xdg-desktop-portal");
}

#[cfg(unix)]
#[test]
fn a_system_dialog_that_fails_to_start_is_replaced_by_hashiyas() {
    use std::os::unix::fs::PermissionsExt as _;
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // A zenity that is on PATH but cannot run (its interpreter is missing): rfd tries it,
    // fails, and returns as if the user had cancelled.
    let bin = tempfile::tempdir().unwrap();
    let zenity = bin.path().join("zenity");
    std::fs::write(&zenity, "#!/nonexistent/interpreter\n").unwrap();
    std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755)).unwrap();
    let env = without_system_dialogs(bin.path());
    let env: Vec<(&str, &std::ffi::OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    open_through_hashiyas_dialog("dialog-zenity-fails", &env, "the system file dialog failed");
}

#[test]
fn without_a_portal_or_zenity_open_folder_works_through_hashiyas_dialog() {
    if !tools_available() {
        return;
    }
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let display = Display::start();
    let dir = dialog_folder();
    let empty = tempfile::tempdir().unwrap();
    let env = without_system_dialogs(empty.path());
    let env: Vec<(&str, &std::ffi::OsStr)> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
    let _app = App::launch_with(
        &display,
        &dir.path().join("start.txt"),
        "dialog-folder",
        &env,
    );

    // File ▸ Open Folder… (positions in the 1100×820 window).
    display.click(19, 12);
    display.click(58, 62);
    std::thread::sleep(Duration::from_millis(800));
    let (shown, _) = display.screenshot("dialog-folder-shown");
    display.type_slowly("ارش");
    // Enter goes into أرشيف 2016; with no sub-folder there to select, Enter opens it.
    display.xdotool(&["key", "Return"]);
    display.xdotool(&["key", "Return"]);
    std::thread::sleep(Duration::from_secs(1));
    let (listed, _) = display.screenshot("dialog-folder-listed");
    // The folder's first (only) article.
    display.xdotool(&["key", "ctrl+Next"]);
    let title = display.wait_for_title("تقرير CNN 2016.txt", Duration::from_secs(15));
    let (path, _) = display.screenshot("dialog-folder-done");
    assert!(
        title.is_some(),
        "the folder's article did not open; see {}, {} and {}",
        shown.display(),
        listed.display(),
        path.display()
    );
}

/// The installed Debian package, as a double-click starts it: the `Exec=` line of
/// `/usr/share/applications/hashiya.desktop` with `%F` replaced by an article whose folder
/// and file names are Arabic, run through `PATH`. Runs only where `.ci/run` installed the
/// package and set `HASHIYA_INSTALLED_PACKAGE=1` (its "package" section).
#[test]
fn the_installed_desktop_entry_opens_an_article_with_an_arabic_name() {
    if std::env::var_os("HASHIYA_INSTALLED_PACKAGE").is_none() {
        eprintln!("skipped: the package is not installed (HASHIYA_INSTALLED_PACKAGE unset)");
        return;
    }
    assert!(tools_available());
    let _serial = SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let entry = std::fs::read_to_string("/usr/share/applications/hashiya.desktop").unwrap();
    let exec = entry
        .lines()
        .find_map(|line| line.strip_prefix("Exec="))
        .expect("the installed entry has an Exec= line");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("أخبار");
    std::fs::create_dir(&folder).unwrap();
    let article = folder.join("خبر الرقة.txt");
    std::fs::copy(
        corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    // The entry's arguments, each `%F` being the files opened (here the one article).
    let mut words = exec.split_whitespace();
    let program = words.next().unwrap();
    assert_eq!(
        program, "hashiya",
        "a launcher entry runs hashiya from PATH"
    );
    let args: Vec<std::ffi::OsString> = words
        .map(|word| match word {
            "%F" | "%f" => article.clone().into_os_string(),
            other => other.into(),
        })
        .collect();
    assert!(
        args.iter().any(|a| a == article.as_os_str()),
        "the entry passes the files: {exec}"
    );

    let display = Display::start();
    let home = tempfile::tempdir().unwrap();
    let log = std::fs::File::create(screenshot_dir().join("package-entry.log")).unwrap();
    let child = display
        .command(program)
        .args(&args)
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let app = App { child, _home: home };
    let started = Instant::now();
    while !display
        .command("xdotool")
        .args(["search", "--onlyvisible", "--name", "Hashiya"])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no window after 30 s; see {}",
            screenshot_dir().join("package-entry.log").display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(1500));
    let (path, image) = display.screenshot("package-entry");
    assert_article_drawn("package-entry", &image, &path);
    drop(app);
}
