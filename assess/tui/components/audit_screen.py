"""The audit: the sections on the left, the current norm on the right, every key in the footer.

Why about 350 lines: this screen runs its own bindings in the order keys are typed (so text typed fast after
``a`` reaches the reason line), and that key loop, moving between norms and the reason line share the
current norm's state; the panes, the reason line and the other screens are modules of their own.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual._queue import Queue
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.message_pump import MessagePump
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import WorkerState

from assess.model.assessment import Answer
from assess.model.catalog import Norm
from assess.tui.components.compact_footer import CompactFooter
from assess.tui.components.dimmed_modal import CountsRepaints
from assess.tui.components.kept_background import KeptBackground
from assess.tui.components.laid_out_once import DrawnOnce, LaidOutOnce
from assess.tui.components.norm_pane import NormPane, NormView
from assess.tui.components.reason_line import ACCEPT, ReasonLine
from assess.tui.components.section_list import SectionList, SectionListView
from assess.tui.components.title_bar import TitleBar, title_info
from assess.tui.css import stylesheet
from assess.tui.keys import APP_KEYS, AUDIT_KEYS, make_bindings, shown_keys
from assess.tui.labels import label
from assess.tui.session import Details, Filter, Walk
from assess.tui.state import DETAILS_DRAFT, POSITION_SECONDS, Draft

PREPARE_SECONDS = 0.15  # after a key's frame, before a reader's next key (keys typed in a run restart the wait)

SHOWN_APART = frozenset({"na-without-reason", "disputed-left"})  # the norm pane has its own line for these

if TYPE_CHECKING:
    from assess.tui.app import AuditApp

SETTLE_SECONDS = 1.0  # the longest a key passed on to another screen is waited for: no key can hang the audit
SETTLE_POLL_SECONDS = 0.001  # between looks: sleeping, not spinning, so the wait costs the screens no time

AUDIT_IDS = frozenset(key.id for key in AUDIT_KEYS)
APP_IDS = frozenset(key.id for key in APP_KEYS)


def _idle(node: MessagePump) -> bool:
    """Whether ``node`` has handled every message sent to it and handles none now: it waits for the next one.

    (Textual's queue keeps no count of unfinished messages: a node waiting on its queue's event is idle.)"""
    if not node.is_running:
        return True
    queue: Queue[Message | None] = node._message_queue
    return queue.empty() and node._pending_message is None and bool(queue.ready_event._waiters)


class AuditScreen(KeptBackground, DrawnOnce, LaidOutOnce, CountsRepaints, Screen[None]):
    DEFAULT_CSS = stylesheet(__file__)
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [*make_bindings(AUDIT_KEYS, "en")]

    current: var[str] = var("", init=False)
    show_description: var[bool] = var(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self._show_requested = False
        self._reason = ReasonLine()  # asked after `a`, shown over the bottom of the norm pane
        self._keys = 0  # keys sent here and not yet handled
        self._taken: dict[int, events.Key | events.Paste] = {}  # of those, the ones the app sent here while sequencing
        self._opened_screen: Screen[Any] | None = None  # opened by a key here: keys come here while it is open

    @property
    def audit(self) -> AuditApp:
        return cast("AuditApp", self.app)

    def compose(self) -> ComposeResult:
        app = self.audit
        walk = app.walk()
        # Resume at the norm of a draft left by a killed audit, else where the user was, else at the first norm
        # not yet assessed.
        self._draft = None if app.read_only else app.state.read_draft()
        ids = {n.id for n in walk.items}
        if self._draft is not None and self._draft.norm_id not in ids and self._draft.norm_id != DETAILS_DRAFT:
            self._draft = None
        norm_draft = self._draft is not None and self._draft.norm_id != DETAILS_DRAFT
        resume = self._draft.norm_id if self._draft and norm_draft else app.state.read_position()
        start: str = resume if resume in ids else (walk.next_unassessed(walk.items[-1].id, app.assessment)
                                                   or walk.items[0].id)
        self.set_reactive(AuditScreen.current, start)
        self._position_timer: Timer | None = None
        self._prepare_timer: Timer | None = None  # makes the next norm's lines a moment after a key
        # Each widget gets its content now, so the first layout and the first frame already show it.
        yield TitleBar(title_info(app))
        yield SectionList(self._section_view(walk), id="sections")
        yield NormPane(self._norm_view(walk), id="norm")
        yield CompactFooter()

    def on_mount(self) -> None:
        app = self.audit
        app.translate_bindings(self, AUDIT_KEYS)
        self.watch(app, "assessment", self._request_show, init=False)
        self.watch(app, "lang", self._on_language, init=False)
        self.watch(app, "norm_filter", self._request_show, init=False)
        self.watch(app, "save_state", self._show_title, init=False)
        if self._draft is not None:  # offer it back: the form, filled as it was
            draft, self._draft = self._draft, None
            if draft.norm_id == DETAILS_DRAFT:
                self.call_after_refresh(self.action_details, draft)
            else:
                self.call_after_refresh(self.action_edit, draft)

    # -- keys --------------------------------------------------------------------------------------

    def post_message(self, message: Message) -> bool:
        posted = super().post_message(message)
        if posted and isinstance(message, events.Key | events.Paste):
            self._keys += 1
        return posted

    async def on_event(self, event: events.Event) -> None:
        try:
            await super().on_event(event)
        finally:
            if isinstance(event, events.Key | events.Paste):
                self._keys -= 1
                self._taken.pop(id(event), None)

    @property
    def sequencing(self) -> bool:
        """Keys wait here to be handled (or passed on to a screen opened over the audit), or a screen a key here
        opened is open (on top, or under a dialog opened from it): a key typed now must come after them and go
        where they leave the focus, so the app sends it here too (see :meth:`take`), and it is passed on once the
        key before it was handled there."""
        if not self.is_running:
            return False
        if self._keys > 0:
            return True
        opened = self._opened_screen
        if opened is not None and opened in self.app.screen_stack:  # on top, or under a dialog opened from it
            return True
        self._opened_screen = None
        return False

    def take(self, event: events.Key | events.Paste) -> None:
        """A key (or a paste) the app got while :attr:`sequencing`: handled here after the keys before it, as the
        app would have (its priority keys first)."""
        self._taken[id(event)] = event
        self._forward_event(event)

    async def on_key(self, event: events.Key) -> None:
        """The audit's keys, handled here as they come, in the order typed (not after bubbling to the app).

        Keys typed fast queue up here; the reason line that `a` opens takes the keys after it, so they must
        be handled one by one in this queue: a key behind `a` goes into the reason, never scores a norm. So do
        the app's keys (the palette, help, the language): a key behind one that opened another screen (`e`,
        `ctrl+p`, a paste) goes to that screen, never to the audit below it, and only once the key before it
        was handled there; a key behind one that closed that screen is the audit's again, once the screen's
        answer is applied (the palette's norm gone to).
        """
        app = self.app
        if app.screen is not self:  # (is_current holds under a dialog too)
            await self._settled()
            if app.screen is self:  # closed by the keys before this one: its answer first, then this key
                await self._flush_next_callbacks()
        if app.screen is not self:
            event.stop()
            event.prevent_default()
            await self._pass_on(event)
            return
        if id(event) in self._taken and await app._check_bindings(event.key, priority=True):  # as App.on_event
            event.stop()
            event.prevent_default()
            return
        if self._reason.is_open:
            event.stop()
            event.prevent_default()
            outcome = self._reason.handle(event.key, event.character)
            if outcome is not None:
                self.reason_done(keep=outcome == ACCEPT)
            else:
                self._show_reason()
            return
        active = self.active_bindings.get(event.key)
        if (active is not None and active.enabled
                and ((active.node is self and active.binding.id in AUDIT_IDS)
                     or (active.node is self.app and active.binding.id in APP_IDS))
                and await self.app.run_action(active.binding.action, active.node)):
            event.stop()
            event.prevent_default()
            if app.screen is not self:  # it opened a screen: the keys typed there come here first (see sequencing)
                self._opened_screen = app.screen

    async def _pass_on(self, event: events.Key) -> None:
        """``event`` came here after a key before it opened another screen: it goes to that screen, as the app
        sends a key (its priority keys first, then the focused field); the next key waits until it is handled
        there (it may close that screen, open another, move the focus)."""
        app = self.app
        top = app.screen
        if not await app._check_bindings(event.key, priority=True):  # as App.on_event does
            passed = events.Key(event.key, event.character)
            (app.focused or app.screen)._forward_event(passed)
        await self._settled(top)

    def _screens_idle(self, top: Screen[object] | None = None) -> bool:
        """The screens over the audit (and ``top``, which was on top) and the app have handled every message sent
        to them, the screen on top is mounted and no worker runs. Not the audit itself: it may be handling the
        key that waits (and its answers come after that key)."""
        app = self.app
        screens = [screen for screen in app.screen_stack if screen is not self]
        if top is not None and top is not self and top not in screens:
            screens.append(top)
        nodes: list[MessagePump] = [app]
        for screen in screens:
            nodes.extend(screen.walk_children(with_self=True))
        return (all(_idle(node) for node in nodes) and (app.screen is self or app.screen.is_mounted)
                and not any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers))

    async def _settled(self, top: Screen[object] | None = None) -> None:
        """Wait until :meth:`_screens_idle`, at most :data:`SETTLE_SECONDS`, looking every millisecond."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_SECONDS
        while loop.time() < deadline and not self._screens_idle(top):
            await asyncio.sleep(SETTLE_POLL_SECONDS)

    async def on_paste(self, event: events.Paste) -> None:
        app = self.app
        if id(event) in self._taken and app.screen is not self:  # behind keys that opened a screen: goes there,
            await self._settled()  # after them, to where they left the focus (it overtook them)
            if app.screen is not self:
                event.stop()
                top = app.screen
                (app.focused or top)._forward_event(events.Paste(event.text))
                await self._settled(top)
                return
        if self._reason.is_open:
            event.stop()
            self._reason.insert(event.text)
            self._show_reason()

    def _show_reason(self) -> None:
        pane = self.query_one(NormPane)
        pane.show_bottom(self._reason.lines(pane.scrollable_content_region.width))

    @property
    def reason(self) -> ReasonLine:
        """The reason asked after `a` (open or not)."""
        return self._reason

    def reason_done(self, keep: bool = True) -> None:
        """Close the reason line: keep what was typed as the answer's note (after a note already there)."""
        norm_id = self._reason.norm_id
        typed = self._reason.close()
        if norm_id is None:
            return
        self.query_one(NormPane).show_bottom([])
        app = self.audit
        if keep and typed and any(n.id == norm_id for n in app.walk().items):
            answer = app.assessment.answer(norm_id)
            note = typed if not answer.note else f"{answer.note}\n{typed}"
            if typed not in (answer.note or "").splitlines():
                app.record(norm_id, replace(answer, note=note), amend=True)
        if self.current == norm_id:
            self._move_on(norm_id)

    # -- showing -----------------------------------------------------------------------------------

    def _request_show(self) -> None:
        """Show the new state once, however many things changed while handling one key."""
        if not self._show_requested:
            self._show_requested = True
            self.call_next(self._show_all)

    def _on_language(self) -> None:
        self.audit.translate_bindings(self, AUDIT_KEYS)
        self._request_show()

    def _show_title(self) -> None:
        self.query_one(TitleBar).info = title_info(self.audit)

    def _show_all(self) -> None:
        self._show_requested = False
        app = self.audit
        walk = app.walk()
        if not any(n.id == self.current for n in walk.items):  # its setting is gone (the file was reloaded)
            self.set_reactive(AuditScreen.current, walk.first() or walk.items[0].id)
        sections = self.query_one(SectionList)
        view = self._section_view(walk)
        shown = sections.view
        if shown.card is not view.card or (shown.lang, shown.current_section, shown.kept_sections) != (
                view.lang, view.current_section, view.kept_sections):
            sections.show(view)
        self.query_one(NormPane).view = self._norm_view(walk)
        self._show_title()
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(PREPARE_SECONDS, self._prepare_next)

    def _prepare_next(self) -> None:
        """The next norm's lines made while the user reads this one: a score moves on to it, and showing a
        norm for the first time (every norm of a new file) otherwise wraps and renders them in the key."""
        self._prepare_timer = None
        if not self.is_attached or self.app.screen is not self:
            return
        walk = self.audit.walk()
        following = walk.next(self.current)
        if following is not None:
            self.query_one(NormPane).prepare(self._norm_view(walk, following))

    def _section_view(self, walk: Walk) -> SectionListView:
        app = self.audit
        return SectionListView(app.card, app.lang, app.catalog.item(self.current).section,
                               frozenset(n.section for n in walk.visible))

    def _norm_view(self, walk: Walk, norm_id: str | None = None) -> NormView:
        """The norm pane's view of ``norm_id`` (the current norm unless given)."""
        app = self.audit
        norm = app.catalog.item(self.current if norm_id is None else norm_id)
        return NormView(norm, app.catalog.section(norm.section), app.assessment.answer(norm.id),
                        app.catalog.answer_set, app.lang, walk.position(norm.id), self.show_description,
                        shown_keys(self), self._findings(norm), app.catalog.evidence_sources)

    def _findings(self, norm: Norm) -> tuple[str, ...]:
        """What `assess check` would say of this norm, in words; not what the pane shows already (a dispute,
        a reason missing for not applicable)."""
        from assess.analysis.lint import norm_findings
        from assess.render.lint_text import message

        app = self.audit
        return tuple(label("audit.check_sources", app.lang, norm=norm.id, count=finding.count,
                           key=shown_keys(self).get("edit", "e"))
                     if finding.rule == "critical-single-source"  # how to name a source here, not in the file
                     else message(finding, app.assessment, app.catalog, app.lang)
                     for finding in norm_findings(norm, app.assessment, app.catalog)
                     if finding.rule not in SHOWN_APART)

    def watch_current(self) -> None:
        self._request_show()
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_SECONDS, self._keep_position)

    def _keep_position(self) -> None:
        self._position_timer = None
        self.audit.keep_position(self.current)

    def on_unmount(self) -> None:
        self.audit.keep_position(self.current)

    def on_resize(self) -> None:
        # the sidebar wraps its titles by the terminal's width: it may change while the sidebar's does not
        self.query_one(SectionList).rebuild()
        if self._reason.is_open:  # drawn for the pane's old width
            self.call_after_refresh(self._show_reason)

    def watch_show_description(self) -> None:
        self._request_show()

    # -- moving ------------------------------------------------------------------------------------

    def go_to(self, norm_id: str | None, at_edge: str | None = None) -> None:
        if norm_id is None:
            if at_edge:
                self.notify(label(at_edge, self.audit.lang, key=shown_keys(self).get("summary", "s")), timeout=3)
            return
        self.current = norm_id

    def action_next(self) -> None:
        self.go_to(self.audit.walk().next(self.current), "audit.at_end")

    def action_previous(self) -> None:
        self.go_to(self.audit.walk().previous(self.current), "audit.at_start")

    def action_next_section(self) -> None:
        self.go_to(self.audit.walk().next_section(self.current), "audit.at_end")

    def action_previous_section(self) -> None:
        self.go_to(self.audit.walk().previous_section(self.current), "audit.at_start")

    def action_next_open(self) -> None:
        self.go_to(self.audit.walk().next_unassessed(self.current, self.audit.assessment), "audit.all_assessed")

    def action_scroll_text(self, pages: int) -> None:
        scroll = self.query_one(NormPane)
        if pages > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def on_section_list_chosen(self, message: SectionList.Chosen) -> None:
        self.go_to(self.audit.walk().first_in_section(message.section_id))

    # -- changing ----------------------------------------------------------------------------------

    def action_score(self, result: str | None) -> None:
        app = self.audit
        norm_id = self.current
        if app.refuse_read_only():  # and stay: the user sees the norm was not scored
            return
        if self._reason.is_open:  # a click on a result while asked for a reason: that reason is done
            self.reason_done()
        app.record(norm_id, replace(app.assessment.answer(norm_id), result=result))
        if result == "na" and not app.read_only:
            self._reason.open(norm_id, app.lang)  # why? Enter keeps it, Esc skips; then on to the next norm
            self._show_reason()
            return
        if result is not None:
            self._move_on(norm_id)

    def _move_on(self, norm_id: str) -> None:
        """After scoring ``norm_id``: to the next norm in view (or the next one not yet assessed)."""
        app = self.audit
        walk = app.walk()
        following = walk.next(norm_id)
        if following is None:
            unassessed = walk.next_unassessed(norm_id, app.assessment)
            self.go_to(unassessed, "audit.all_assessed")
            if unassessed:
                self.notify(label("audit.at_end", app.lang), timeout=3)
        else:
            self.go_to(following)

    def action_undo(self) -> None:
        self.go_to(self.audit.undo())

    def action_redo(self) -> None:
        self.go_to(self.audit.undo(redo=True))

    def on_norm_pane_result_chosen(self, message: NormPane.ResultChosen) -> None:
        self.action_score(message.result)

    def action_edit(self, draft: Draft | None = None) -> None:
        app = self.audit
        if app.refuse_read_only():
            return
        if draft is not None and draft.norm_id != self.current:  # a key moved on before the draft was offered
            if any(n.id == draft.norm_id for n in app.walk().items):
                self.current = draft.norm_id
            else:
                draft = None
        norm_id = self.current
        if draft is not None:
            app.check_draft_base(draft)

        def apply(answer: Answer | None) -> None:
            app.state.drop_draft()  # saved or thrown away: either way the draft is done with
            if answer is not None and any(n.id == norm_id for n in app.walk().items):
                # the form edits all but the result: keep the result as it is now (a reload may have changed it)
                app.record(norm_id, replace(answer, result=app.assessment.answer(norm_id).result))
            app.offer_conflict()

        self.app.push_screen(app.edit_form(norm_id, draft), apply)

    def on_norm_pane_edit_requested(self, _message: NormPane.EditRequested) -> None:
        self.action_edit()

    def action_describe(self) -> None:
        self.show_description = not self.show_description

    def on_norm_pane_description_toggled(self, _message: NormPane.DescriptionToggled) -> None:
        self.action_describe()

    def action_filter(self) -> None:
        app = self.audit

        def apply(chosen: Filter | None) -> None:
            if chosen is None:
                return
            walk = app.walk(chosen)
            if not walk.kept:
                self.notify(label("filter.none_match", app.lang), severity="warning", timeout=4)
                return
            target = walk.nearest(self.current)
            app.norm_filter = chosen
            self.go_to(target)

        from assess.tui.components.filter_screen import FilterScreen

        self.app.push_screen(FilterScreen(app.norm_filter, app.lang), apply)

    def action_details(self, draft: Draft | None = None) -> None:
        app = self.audit
        if app.refuse_read_only():
            return
        if draft is not None:
            app.check_draft_base(draft)

        def apply(details: Details | None) -> None:
            app.state.drop_draft()  # saved or thrown away: either way the draft is done with
            if details is not None:
                app.set_details(details)
            app.offer_conflict()

        from assess.tui.components.details_screen import DetailsScreen

        self.app.push_screen(DetailsScreen(app.assessment, app.catalog, app.lang, draft), apply)

    def action_overview(self) -> None:
        from assess.tui.components.answers_screen import AnswersScreen

        self.app.push_screen(AnswersScreen(self.current), self._back_to)

    def _back_to(self, norm_id: str | None) -> None:
        """From the summary or the table of every answer: go to ``norm_id`` (the filter dropped if it hides it)."""
        if norm_id:
            walk = self.audit.walk()
            if norm_id not in walk.kept:
                self.audit.norm_filter = Filter()
            self.go_to(norm_id)

    def action_summary(self) -> None:
        def back(norm_id: str | None) -> None:
            if norm_id:
                walk = self.audit.walk()
                if norm_id not in walk.kept:
                    self.audit.norm_filter = Filter()
                self.go_to(norm_id)

        self.app.push_screen(self.audit.summary_screen(), back)
