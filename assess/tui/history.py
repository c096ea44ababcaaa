"""Undo and redo of answer changes, for as long as the audit is open (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assess.model.assessment import Answer, Assessment

MAX_STEPS = 1000


@dataclass(frozen=True)
class Change:
    """One answer changed: the norm, the answer before and after."""

    norm_id: str
    before: Answer
    after: Answer


@dataclass(frozen=True)
class WholeChange:
    """A change to the assessment as a whole (the service details and settings): both versions, whole.

    Undo goes back in order, so when this change is undone every later one is undone already: the
    assessment is then ``after``, and ``before`` can be put back as it is."""

    before: Assessment
    after: Assessment


Step = Change | WholeChange


@dataclass
class History:
    """The steps done and undone, for undo and redo."""

    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)

    def record(self, change: Step) -> None:
        """A new change by the user: it can be undone; what was undone can no longer be redone."""
        self.done.append(change)
        del self.done[:-MAX_STEPS]
        self.undone.clear()

    def amend(self, change: Change) -> None:
        """A change that completes the last one (a reason given after `a`): one step to undo, not two."""
        last = self.done[-1] if self.done else None
        if isinstance(last, Change) and not self.undone and last.norm_id == change.norm_id:
            self.done[-1] = Change(change.norm_id, last.before, change.after)
        else:
            self.record(change)

    def undo(self) -> Step | None:
        """The change to take back (set its norm to ``before``), or None."""
        if not self.done:
            return None
        change = self.done.pop()
        self.undone.append(change)
        return change

    def redo(self) -> Step | None:
        """The change to make again (set its norm to ``after``), or None."""
        if not self.undone:
            return None
        change = self.undone.pop()
        self.done.append(change)
        return change

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()
