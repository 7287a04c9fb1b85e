//! Scripted embeds: `?run=cmd1;cmd2` types the commands out one by one at a readable speed,
//! like a terminal recording, with pause and skip; then the reader takes the keyboard and goes
//! on from that state. "Share" gives a link that replays what was typed so far — sessions are
//! deterministic, so it rebuilds exactly the same state.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::state::{Action, LabHandle};

/// Most commands a link may replay.
const MAX_COMMANDS: usize = 50;
/// Longest command a link may replay.
const MAX_LENGTH: usize = 500;
/// Milliseconds per character typed, and the pauses after a line is typed and after it ran.
const CHAR_MS: u32 = 45;
const BEFORE_RUN_MS: u32 = 450;
const AFTER_RUN_MS: u32 = 700;

/// The commands of a `run=` parameter: `;`-separated, each URL-encoded. `Err` says why the
/// parameter was refused.
pub fn commands_from_query(query: &str) -> Result<Vec<String>, String> {
    let Some(raw) = super::query::params(query).find_map(|(key, value)| value.filter(|_| key == "run")) else {
        return Ok(Vec::new());
    };
    let mut lines = Vec::new();
    for part in raw.split(';').filter(|p| !p.is_empty()) {
        let decoded = js_sys::decode_uri_component(&part.replace('+', " "))
            .map_err(|_| "The link's commands are not properly encoded, so none were replayed.".to_string())?;
        let line = String::from(decoded);
        if line.len() > MAX_LENGTH || line.contains('\n') {
            return Err("A command in the link is too long or spans lines, so none were replayed.".into());
        }
        lines.push(line);
    }
    if lines.len() > MAX_COMMANDS {
        return Err(format!("The link has more than {MAX_COMMANDS} commands, so none were replayed."));
    }
    Ok(lines)
}

/// Where a replay has got to.
#[derive(Clone, PartialEq, Default)]
struct Player {
    lines: Vec<String>,
    /// The line being typed.
    line: usize,
    /// How many of its characters are typed.
    chars: usize,
    /// The typed line has been run; the replay pauses before the next.
    ran: bool,
    paused: bool,
}

#[derive(Properties, PartialEq)]
pub struct ReplayProps {
    /// The commands to replay.
    pub commands: Vec<String>,
}

/// The replay bar: the line being typed, pause/resume and skip.
#[function_component]
pub fn Replay(props: &ReplayProps) -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let player = use_state(|| Player { lines: props.commands.clone(), ..Player::default() });
    {
        let (player, lab) = (player.clone(), lab.dispatcher());
        use_effect_with((*player).clone(), move |state: &Player| {
            let timer = next_tick(state, player, lab);
            move || drop(timer)
        });
    }
    let Some(current) = player.lines.get(player.line) else { return Html::default() };
    let typed: String = current.chars().take(player.chars).collect();
    let onpause = {
        let player = player.clone();
        Callback::from(move |_: MouseEvent| player.set(Player { paused: !player.paused, ..(*player).clone() }))
    };
    let onskip = {
        let (player, lab) = (player.clone(), lab.dispatcher());
        Callback::from(move |_: MouseEvent| {
            let from = (player.line + usize::from(player.ran)).min(player.lines.len());
            for line in &player.lines[from..] {
                lab.dispatch(Action::Run(line.clone()));
            }
            player.set(Player { line: player.lines.len(), ..(*player).clone() });
        })
    };
    html! {
        <div class="replay" role="status">
            <span class="muted">{ format!("Replaying {} of {}: ", player.line + 1, player.lines.len()) }</span>
            <code class="typing">{ typed }<span class="caret" aria-hidden="true">{ "▍" }</span></code>
            <button type="button" onclick={onpause}>{ if player.paused { "Resume" } else { "Pause" } }</button>
            <button type="button" onclick={onskip}>{ "Skip to the end" }</button>
        </div>
    }
}

/// Schedules the replay's next move: one more character, or running the typed line.
fn next_tick(state: &Player, player: UseStateHandle<Player>, lab: UseReducerDispatcher<super::state::Lab>) -> Option<Timeout> {
    if state.paused {
        return None;
    }
    let line = state.lines.get(state.line)?.clone();
    let length = line.chars().count();
    let mut next = state.clone();
    // Every timer belongs to the effect that made it, so a state change (pause, skip) cancels it.
    if state.chars < length {
        next.chars += 1;
        return Some(Timeout::new(CHAR_MS, move || player.set(next)));
    }
    if state.ran {
        next.line += 1;
        next.chars = 0;
        next.ran = false;
        return Some(Timeout::new(AFTER_RUN_MS, move || player.set(next)));
    }
    Some(Timeout::new(BEFORE_RUN_MS, move || {
        lab.dispatch(Action::Run(line));
        next.ran = true;
        player.set(next);
    }))
}

/// The "Share" button: shows a link that replays the lines typed so far.
#[function_component]
pub fn Share() -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let shown = use_state(|| false);
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    let link = (*shown).then(|| {
        let location = web_sys::window().map(|w| w.location());
        let base = location.as_ref().and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))).unwrap_or_default();
        let run: Vec<String> = lab.lines_run.iter().map(|l| String::from(js_sys::encode_uri_component(l))).collect();
        let mut query = lab.address();
        if !run.is_empty() {
            query.push(if query.is_empty() { '?' } else { '&' });
            query.push_str(&format!("run={}", run.join(";")));
        }
        format!("{base}{query}")
    });
    html! {
        <span class="share">
            <button type="button" {onclick} aria-expanded={shown.to_string()}>{ "Share" }</button>
            if let Some(link) = link {
                <input type="text" readonly=true value={link} aria-label="A link that replays your commands" />
            }
        </span>
    }
}
