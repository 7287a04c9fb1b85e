//! The lesson panel: the course index with progress marks, the current step's text, its goals
//! ticking as they come true, hints one at a time, the solution on request (or typed for the
//! learner), the explanation of a step just done, navigation between steps, and the end of a
//! lesson with the next one. The terminal program's `--lesson` mode, in a panel.

use yew::prelude::*;

use super::markdown;
use super::state::{Action, LabHandle, SANDBOX};
use crate::lesson::Kind;

/// The lesson panel.
#[function_component]
pub fn LessonPanel() -> Html {
    let lab = use_context::<LabHandle>().expect("the lab context is provided by App");
    let tutor = lab.tutor.borrow();
    let lesson = tutor.lesson();
    let send = |action: fn() -> Action| {
        let lab = lab.dispatcher();
        Callback::from(move |_: MouseEvent| lab.dispatch(action()))
    };
    let total = lesson.steps.len();
    let index = tutor.step_index();
    let heading = match lesson.kind {
        Kind::Sandbox => "Free play".to_string(),
        Kind::Challenge => "The challenge".to_string(),
        Kind::Lesson if tutor.finished() => format!("{total} steps"),
        Kind::Lesson => format!("Step {} of {total}", index + 1),
    };
    let hints = tutor.hints_shown();
    let more_hints = tutor.step().is_some_and(|s| s.hints.len() > hints.len());
    let solution = tutor.solution();

    html! {
        <section class="lesson" aria-label="Lesson">
            { notices(&lab) }
            { course_index(&lab, &lesson.id) }
            <h2 class="lesson-title">{ lesson.title.to_string() }</h2>
            <p class="step-count">{ heading }</p>
            if lab.completed.iter().any(|&i| lesson.steps.get(i).is_some()) {
                <div class="done-note" role="status">
                    { for lab.completed.iter().filter_map(|&i| lesson.steps.get(i).map(|step| {
                        let verb = if tutor.was_skipped(i) { "skipped" } else { "done" };
                        html! {
                            <div class="done">
                                <p class="done-label">{ match lesson.kind {
                                    Kind::Challenge => format!("✓ Challenge {verb}!"),
                                    _ => format!("✓ Step {} {verb}.", i + 1),
                                } }</p>
                                <ul class="goals">
                                    { for step.goals.iter().map(|goal| html! {
                                        <li class="met">
                                            <span class="tick" aria-hidden="true">{ "✓" }</span>
                                            <span class="goal-text">{ markdown::render(&goal.text) }</span>
                                        </li>
                                    }) }
                                </ul>
                                if let Some(explain) = &step.explain { { markdown::render(explain) } }
                            </div>
                        }
                    })) }
                </div>
            }
            if lesson.kind == Kind::Sandbox {
                <div class="step-text">
                    { markdown::render(&lesson.summary) }
                    <p>{ "A free machine: no goals. Pick a lesson from the course above to be guided." }</p>
                    { world_chooser(&lab) }
                </div>
            } else if let Some(step) = tutor.step() {
                <div class="step-text">{ markdown::render(&step.text) }</div>
                <h3 id="goals-heading">{ "Goal" }</h3>
                <ul class="goals" aria-labelledby="goals-heading" aria-live="polite">
                    { for tutor.goals().into_iter().map(|goal| html! {
                        <li class={if goal.met { "met" } else { "unmet" }}>
                            <span class="tick" aria-hidden="true">{ if goal.met { "✓" } else { "○" } }</span>
                            <span class="visually-hidden">{ if goal.met { "done: " } else { "not yet: " } }</span>
                            <span class="goal-text">{ markdown::render(&goal.text) }</span>
                        </li>
                    }) }
                </ul>
                if !hints.is_empty() {
                    <ol class="hints" aria-label="Hints" aria-live="polite">
                        { for hints.iter().map(|hint| html! { <li>{ markdown::render(hint) }</li> }) }
                    </ol>
                }
                if lab.solution_shown {
                    <div class="solution" aria-live="polite">
                        <p>{ "One way to do it:" }</p>
                        <pre><code>{ solution.join("\n") }</code></pre>
                    </div>
                }
                <div class="actions">
                    if more_hints {
                        <button type="button" onclick={send(|| Action::Hint)}>{ if hints.is_empty() { "Hint" } else { "Another hint" } }</button>
                    }
                    if !lab.solution_shown {
                        <button type="button" onclick={send(|| Action::ShowSolution)}>{ "Show solution" }</button>
                    }
                    if lab.typed < solution.len() {
                        <button type="button" onclick={send(|| Action::TypeSolution)}
                            title={solution.get(lab.typed).map(|line| line.to_string()).unwrap_or_default()}>{ "Type it for me" }</button>
                    }
                    <button type="button" onclick={send(|| Action::ResetStep)}>{ "Reset step" }</button>
                </div>
            } else {
                { finished(&lab, &lesson.id, lesson.kind == Kind::Challenge) }
            }
            if lesson.kind != Kind::Sandbox {
                <nav class="step-nav" aria-label="Steps">
                    if index > 0 {
                        <button type="button" onclick={
                            let lab = lab.dispatcher();
                            let to = index.min(total) - 1;
                            Callback::from(move |_: MouseEvent| lab.dispatch(Action::OpenStep(to)))
                        }>{ "← Previous step" }</button>
                    }
                    if index < total {
                        <button type="button" onclick={send(|| Action::Skip)}>{ "Skip step →" }</button>
                    }
                    if index > 0 {
                        <button type="button" onclick={send(|| Action::OpenStep(0))}
                            title="A fresh machine, back at the first step">{ "↺ Restart lesson" }</button>
                    }
                </nav>
            }
        </section>
    }
}

/// Notices (progress discarded, a bad link), each with a button to dismiss it.
fn notices(lab: &LabHandle) -> Html {
    html! {
        <div class="notices" role="status">
            { for lab.notices.iter().enumerate().map(|(i, notice)| {
                let onclick = {
                    let lab = lab.dispatcher();
                    Callback::from(move |_: MouseEvent| lab.dispatch(Action::DismissNotice(i)))
                };
                html! {
                    <p class="notice-box">{ notice }
                        <button type="button" class="dismiss" {onclick} aria-label="Dismiss">{ "×" }</button>
                    </p>
                }
            }) }
        </div>
    }
}

/// The course's sections and lessons, with a mark for each lesson's progress; a lesson opens
/// with its button.
fn course_index(lab: &LabHandle, current: &str) -> Html {
    let (course, progress) = (&lab.course, &lab.progress);
    html! {
        <details class="course" open={current == SANDBOX}>
            <summary>{ "Course" }</summary>
            { for course.sections.iter().map(|(title, ids)| html! {
                <div class="section">
                    <h3>{ title.to_string() }</h3>
                    <ol>
                        { for ids.iter().filter_map(|id| course.lesson(id)).map(|lesson| {
                            let total = lesson.steps.len();
                            let finished = progress.steps_finished(lesson);
                            let (mark, class, said) = match finished {
                                _ if lesson.kind == Kind::Sandbox => (String::new(), "", String::new()),
                                n if n == total => ("✓".to_string(), "complete", "complete".to_string()),
                                0 => (String::new(), "", String::new()),
                                n => (format!("{n}/{total}"), "partial", format!("{n} of {total} steps done")),
                            };
                            let current = lesson.id == current;
                            let onclick = {
                                let lab = lab.dispatcher();
                                let id = lesson.id.to_string();
                                Callback::from(move |_: MouseEvent| lab.dispatch(Action::OpenLesson(id.clone())))
                            };
                            html! {
                                <li class={classes!("index-entry", class, current.then_some("current"))} data-lesson={lesson.id.to_string()}>
                                    <button type="button" {onclick} aria-current={current.then_some("true")}>{ lesson.title.to_string() }</button>
                                    <span class="mark" aria-hidden="true">{ mark }</span>
                                    if !said.is_empty() { <span class="visually-hidden">{ format!(" ({said})") }</span> }
                                </li>
                            }
                        }) }
                    </ol>
                </div>
            }) }
        </details>
    }
}

/// The worlds the sandbox can run on, the current one marked; choosing one starts it afresh.
fn world_chooser(lab: &LabHandle) -> Html {
    html! {
        <fieldset class="worlds">
            <legend>{ "Machine" }</legend>
            { for crate::world::PRESETS.iter().map(|&name| {
                let current = lab.world == name;
                let onclick = {
                    let lab = lab.dispatcher();
                    Callback::from(move |_: MouseEvent| lab.dispatch(Action::OpenWorld(name.to_string())))
                };
                html! {
                    <div class="world">
                        <button type="button" {onclick} aria-pressed={current.to_string()}>{ name }</button>
                        <span class="muted">{ crate::world::about(name).unwrap_or_default() }</span>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// The end of a lesson, with a link to the next one in the course.
fn finished(lab: &LabHandle, current: &str, challenge: bool) -> Html {
    let next = lab.course.after(current);
    html! {
        <div class="finished" role="status">
            <p class="complete">{ if challenge { "Solved!" } else { "Lesson complete!" } }</p>
            if let Some(next) = next {
                <p>{ "Next: " }
                    <a href={format!("?lesson={}", next.id)} onclick={
                        let lab = lab.dispatcher();
                        let id = next.id.to_string();
                        Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            lab.dispatch(Action::OpenLesson(id.clone()));
                        })
                    }>{ next.title.to_string() }{ " →" }</a>
                </p>
            } else {
                <p>{ "That was the last one. Keep exploring here." }</p>
            }
        </div>
    }
}
