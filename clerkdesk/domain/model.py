"""The meeting record: plain, immutable data with no storage or UI in it.

Ids are integers unique within one record. A record read from the database
carries database ids; a record read from JSON carries ids given by the reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from clerkdesk.domain.errors import NotFoundError
from clerkdesk.domain.schedule_12a import ExemptParagraph

# The words the record is written in, named from here too (see terms.py).
from clerkdesk.domain.terms import AttendanceStatus as AttendanceStatus
from clerkdesk.domain.terms import BodyKind as BodyKind
from clerkdesk.domain.terms import Capacity as Capacity
from clerkdesk.domain.terms import ChairStyle as ChairStyle
from clerkdesk.domain.terms import Disposal as Disposal
from clerkdesk.domain.terms import MeetingStatus as MeetingStatus
from clerkdesk.domain.terms import MemberOrder as MemberOrder
from clerkdesk.domain.terms import Outcome as Outcome
from clerkdesk.domain.terms import PersonKind as PersonKind
from clerkdesk.domain.terms import Role as Role
from clerkdesk.domain.terms import VoteOption as VoteOption

T = TypeVar("T")
_NOT_YET = object()  # a derived value not yet worked out (None is a value)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    kind: PersonKind = PersonKind.COUNCILLOR
    title: str | None = None  # an officer's job title, shown in the minutes


@dataclass(frozen=True, slots=True)
class Attendee:
    """One person's attendance at the meeting.

    Members of the committee have a row whatever their status, so that
    apologies and absences are minuted. Times are None when the person was
    there from the start or stayed to the end.
    """

    person_id: int
    capacity: Capacity
    role: Role = Role.MEMBER
    voting: bool = True
    status: AttendanceStatus = AttendanceStatus.PRESENT
    arrived_at: dt.time | None = None
    departed_at: dt.time | None = None
    arrived_during_item: int | None = None
    departed_during_item: int | None = None
    substitute_for: int | None = None  # person id of the absent member replaced
    # The clerk's note, printed in the minutes' attendance notes ("attended
    # remotely, not entitled to vote"); None when there is none.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class InterestKind:
    """A kind of interest and what a member who declares it may still do.

    Kept as data because councils' codes of conduct differ.
    """

    code: str
    label: str
    may_speak: bool
    may_vote: bool
    must_leave: bool
    shows_nature: bool = True

    @property
    def with_article(self) -> str:
        """The label with its article: "an other registrable interest"."""
        words = self.label.lower()
        return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int
    number: str
    title: str
    position: int
    part: int = 1
    exempt_paragraph: ExemptParagraph | None = None  # Schedule 12A: 3, 7A, 14
    report_title: str | None = None
    report_author: str | None = None
    contact_officer: str | None = None
    public_summary: str | None = None  # the non-exempt summary of a Part II item
    # The chair's reason for taking an item not on the published agenda as a
    # matter of urgency (LGA 1972 s.100B(4)(b)); None for a published item.
    urgency_reason: str | None = None
    disposal: Disposal | None = None  # withdrawn or deferred: not considered
    # Taken at another point than the published agenda's: ``position`` is the
    # order taken, ``number`` the published one.
    taken_out_of_order: bool = False
    # The title in Welsh, where a bilingual agenda gives one (migration 0016);
    # ``title`` is always the English.
    welsh_title: str | None = None

    @property
    def is_exempt(self) -> bool:
        return self.part == 2

    @property
    def is_urgent(self) -> bool:
        return self.urgency_reason is not None


@dataclass(frozen=True, slots=True)
class Recommendation:
    id: int
    item_id: int
    text: str
    position: int
    label: str | None = None
    points: tuple[str, ...] = ()  # sub-points, set out as a list under the text


@dataclass(frozen=True, slots=True)
class Amendment:
    id: int
    recommendation_id: int
    mover_id: int
    seconder_id: int
    text: str
    position: int
    resulting_text: str | None = None  # the recommendation as amended, if carried


@dataclass(frozen=True, slots=True)
class Declaration:
    id: int
    item_id: int
    person_id: int
    kind: str
    nature: str = ""
    sensitive: bool = False
    dispensation: bool = False
    left_room: bool = False


@dataclass(frozen=True, slots=True)
class Tally:
    yes: int = 0
    no: int = 0
    abstain: int = 0

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain

    @property
    def is_tie(self) -> bool:
        return self.yes == self.no and self.yes > 0

    @property
    def is_unanimous(self) -> bool:
        """Derived, never typed: everyone who voted voted in favour."""
        return self.yes > 0 and self.no == 0 and self.abstain == 0

    @classmethod
    def from_named(cls, named: Iterable[tuple[int, VoteOption]]) -> Tally:
        options = [option for _, option in named]
        return cls(
            yes=options.count(VoteOption.YES),
            no=options.count(VoteOption.NO),
            abstain=options.count(VoteOption.ABSTAIN),
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """What the committee resolved on one recommendation or amendment."""

    id: int
    outcome: Outcome
    recommendation_id: int | None = None
    amendment_id: int | None = None
    tally: Tally | None = None
    named: tuple[tuple[int, VoteOption], ...] = ()
    casting_vote: VoteOption | None = None
    casting_voter_id: int | None = None
    taken_at: dt.time | None = None

    @property
    def is_named(self) -> bool:
        return bool(self.named)


@dataclass(frozen=True, slots=True)
class MinuteParagraph:
    id: int
    item_id: int
    position: int
    text: str


@dataclass(frozen=True, slots=True)
class Action:
    id: int
    item_id: int
    position: int
    owner: str
    text: str
    paragraph_id: int | None = None  # the minute paragraph it is printed beside


@dataclass(frozen=True, slots=True)
class Correction:
    """A change made after approval: dated, attributed, never overwriting."""

    id: int
    made_at: dt.datetime
    made_by: str
    reason: str
    summary: str
    # The rows as they were before and after, as JSON: the original is kept.
    rows_changed: str = "[]"
    seal: str | None = None  # the record's seal after this correction (seal.py)


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    meeting_id: int
    organisation: str
    committee: str
    quorum: int
    date: dt.date
    start_time: dt.time | None = None
    venue: str | None = None
    status: MeetingStatus = MeetingStatus.DRAFT
    people: tuple[Person, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    interest_kinds: tuple[InterestKind, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    decisions: tuple[Decision, ...] = ()
    paragraphs: tuple[MinuteParagraph, ...] = ()
    actions: tuple[Action, ...] = ()
    corrections: tuple[Correction, ...] = ()
    approved_at: dt.datetime | None = None
    approved_by: str | None = None
    chair_style: ChairStyle = ChairStyle.CHAIRMAN
    seal: str | None = None  # the seal set at approval (seal.py)
    body_kind: BodyKind | None = None  # None: worked out from the committee's name
    member_order: MemberOrder = MemberOrder.SURNAME
    closed_at: dt.time | None = None
    clerk_name: str | None = None  # who corrections after approval are made by
    proper_officer: str | None = None  # "Kathryn Pettitt", at the foot of the minutes
    proper_officer_title: str | None = None  # "Chief Legal Officer"
    _index: dict[str, dict[int, object]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _derived: dict[tuple[object, ...], object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def derived(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, worked out once for this record and then remembered.

        The record is immutable, so anything derived from it alone (who may vote
        on an item at a moment, the quorum then) stays true. Checking a whole
        record asks the same questions once per vote on an item, and the window
        again for every panel it redraws. ``compute`` must return an immutable
        value (or one no caller changes), as every caller gets the same object.
        """
        found = self._derived.get(key, _NOT_YET)
        if found is _NOT_YET:
            found = self._derived[key] = compute()
        return found  # type: ignore[return-value]

    # Look-ups. The record is immutable, so an index built once stays true.
    def _lookup(self, name: str, rows: tuple[object, ...], key: str) -> dict[int, object]:
        try:
            return self._index[name]
        except KeyError:
            index = {getattr(row, key): row for row in rows}
            self._index[name] = index
            return index

    def person(self, person_id: int) -> Person:
        found = self._lookup("people", self.people, "id").get(person_id)
        if not isinstance(found, Person):
            raise NotFoundError(f"There is no person with id {person_id} in this meeting.")
        return found

    def name_of(self, person_id: int) -> str:
        return self.person(person_id).name

    def attendee(self, person_id: int) -> Attendee | None:
        found = self._lookup("attendees", self.attendees, "person_id").get(person_id)
        return found if isinstance(found, Attendee) else None

    def item(self, item_id: int) -> AgendaItem:
        found = self._lookup("items", self.items, "id").get(item_id)
        if not isinstance(found, AgendaItem):
            raise NotFoundError(f"There is no agenda item with id {item_id} in this meeting.")
        return found

    def item_by_number(self, number: str) -> AgendaItem:
        wanted = number.strip().rstrip(".").lower()
        for item in self.items:
            if item.number.lower() == wanted:
                return item
        raise NotFoundError(f"The agenda has no item numbered {number!r}.")

    def recommendation(self, recommendation_id: int) -> Recommendation:
        found = self._lookup("recs", self.recommendations, "id").get(recommendation_id)
        if not isinstance(found, Recommendation):
            raise NotFoundError(f"There is no recommendation with id {recommendation_id}.")
        return found

    def amendment(self, amendment_id: int) -> Amendment:
        found = self._lookup("amendments", self.amendments, "id").get(amendment_id)
        if not isinstance(found, Amendment):
            raise NotFoundError(f"There is no amendment with id {amendment_id}.")
        return found

    def interest_kind(self, code: str) -> InterestKind:
        for kind in self.interest_kinds:
            if kind.code == code:
                return kind
        known = ", ".join(k.code for k in self.interest_kinds)
        raise NotFoundError(f"Unknown kind of interest {code!r}; use one of: {known}.")

    def recommendations_of(self, item_id: int) -> list[Recommendation]:
        return sorted(
            (r for r in self.recommendations if r.item_id == item_id), key=lambda r: r.position
        )

    def amendments_of(self, recommendation_id: int) -> list[Amendment]:
        by_recommendation = self.derived(("amendments by recommendation",), self._amendments_by)
        return list(by_recommendation.get(recommendation_id, ()))

    def _amendments_by(self) -> dict[int, tuple[Amendment, ...]]:
        by_recommendation: dict[int, list[Amendment]] = {}
        for amendment in sorted(self.amendments, key=lambda a: a.position):
            by_recommendation.setdefault(amendment.recommendation_id, []).append(amendment)
        return {key: tuple(found) for key, found in by_recommendation.items()}

    def declarations_for(self, item_id: int) -> list[Declaration]:
        by_item = self.derived(("declarations by item",), self._declarations_by_item)
        return list(by_item.get(item_id, ()))

    def _declarations_by_item(self) -> dict[int, tuple[Declaration, ...]]:
        by_item: dict[int, list[Declaration]] = {}
        for declaration in self.declarations:
            by_item.setdefault(declaration.item_id, []).append(declaration)
        return {item_id: tuple(found) for item_id, found in by_item.items()}

    def decision_on(self, recommendation_id: int) -> Decision | None:
        for decision in self.decisions:
            if decision.recommendation_id == recommendation_id:
                return decision
        return None

    def decision_on_amendment(self, amendment_id: int) -> Decision | None:
        for decision in self.decisions:
            if decision.amendment_id == amendment_id:
                return decision
        return None

    def paragraphs_of(self, item_id: int) -> list[MinuteParagraph]:
        return sorted(
            (p for p in self.paragraphs if p.item_id == item_id), key=lambda p: p.position
        )

    def actions_of(self, item_id: int) -> list[Action]:
        return sorted((a for a in self.actions if a.item_id == item_id), key=lambda a: a.position)

    @property
    def body(self) -> BodyKind:
        """What the body is: as set, or as its name says."""
        return self.body_kind or BodyKind.from_name(self.committee)

    @property
    def ordered_items(self) -> list[AgendaItem]:
        return sorted(self.items, key=lambda i: i.position)

    @property
    def is_locked(self) -> bool:
        return self.status is MeetingStatus.APPROVED
