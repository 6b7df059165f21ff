"""The kinds of interest a member can declare, with what each allows.

The defaults follow the LGA model code of conduct 2020 and the Localism Act
2011 (see DOMAIN.md). Councils with older codes add their own kinds as data.
"""

from collections.abc import Iterable
from itertools import starmap

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.model import InterestKind

DEFAULT_INTEREST_KINDS: tuple[InterestKind, ...] = tuple(
    starmap(
        InterestKind,
        (
            # code, label, may speak, may vote, must leave
            ("dpi", "Disclosable pecuniary interest", False, False, True),
            ("ori-direct", "Other registrable interest (directly relates)", True, False, True),
            ("ori-affects", "Other registrable interest (affects)", True, True, False),
            ("nri-direct", "Non-registrable interest (directly relates)", True, False, True),
            ("nri-affects", "Non-registrable interest (affects)", True, True, False),
            ("declarable", "Declarable interest", True, True, False),
        ),
    )
)


_WHAT_EACH_ALLOWS = ("label", "may_speak", "may_vote", "must_leave", "shows_nature")


def check_kinds_match(listed: Iterable[InterestKind], law: Iterable[InterestKind]) -> None:
    """Refuse kinds of interest that differ from the database's.

    What a kind allows (may a member with a disclosable pecuniary interest vote?)
    is the law and the council's code of conduct, kept in the database; a
    meeting record carries a copy only so that it reads on its own. A record is
    checked by the database's rules, never by its own copy, so a copy that
    differs is an edited record and is refused.
    """
    known = {kind.code: kind for kind in law}
    for n, kind in enumerate(listed):
        where = f"In the meeting record at record.interest_kinds[{n}]"
        ours = known.get(kind.code)
        if ours is None:
            raise InvalidRecordError(
                f"{where}: this database has no kind of interest {kind.code!r} "
                f"(it has {', '.join(known)}); the kinds of interest are the council's "
                "rules, not the record's."
            )
        for name in _WHAT_EACH_ALLOWS:
            if getattr(kind, name) != getattr(ours, name):
                raise InvalidRecordError(
                    f"{where}.{name}: the record redefines the kind of interest "
                    f"{kind.code!r} ({name} {getattr(kind, name)!r}, where the law as this "
                    f"database holds it says {getattr(ours, name)!r}); the kinds of interest "
                    "and what each allows cannot be changed by a record."
                )
