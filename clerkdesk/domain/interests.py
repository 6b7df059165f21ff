"""The kinds of interest a member can declare, with what each allows.

The defaults follow the LGA model code of conduct 2020 and the Localism Act
2011 (see DOMAIN.md). Councils with older codes add their own kinds as data.
"""

from clerkdesk.domain.model import InterestKind

DEFAULT_INTEREST_KINDS: tuple[InterestKind, ...] = (
    InterestKind(
        code="dpi",
        label="Disclosable pecuniary interest",
        may_speak=False,
        may_vote=False,
        must_leave=True,
    ),
    InterestKind(
        code="ori-direct",
        label="Other registrable interest (directly relates)",
        may_speak=True,
        may_vote=False,
        must_leave=True,
    ),
    InterestKind(
        code="ori-affects",
        label="Other registrable interest (affects)",
        may_speak=True,
        may_vote=True,
        must_leave=False,
    ),
    InterestKind(
        code="nri-direct",
        label="Non-registrable interest (directly relates)",
        may_speak=True,
        may_vote=False,
        must_leave=True,
    ),
    InterestKind(
        code="nri-affects",
        label="Non-registrable interest (affects)",
        may_speak=True,
        may_vote=True,
        must_leave=False,
    ),
    InterestKind(
        code="declarable",
        label="Declarable interest",
        may_speak=True,
        may_vote=True,
        must_leave=False,
    ),
)
