"""How councils of each kind lay out an agenda, as blocks (see ``blocks``).

Each style follows the published papers of its kind of body; a paper's options
choose among the variants real councils use (the wording of the summons, how
the members and their roles are written, how items are numbered, how Part II
and recommendations are marked), so no two papers read the same.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.samples.councils.blocks import Blank, Block, Para, Table
from tests.samples.councils.truth import Agenda, Item, Member, Rec

ROLE_WORDS = {"chair": "Chairman", "vice-chair": "Vice-Chairman"}


def long_date(iso: str, *, weekday: bool = True, ordinal: bool = False) -> str:
    import datetime

    day = datetime.date.fromisoformat(iso)
    number = f"{day.day}{_suffix(day.day)}" if ordinal else str(day.day)
    text = f"{number} {day:%B %Y}"
    return f"{day:%A} {text}" if weekday else text


def _suffix(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def clock(hhmm: str, *, style: str = "pm") -> str:
    hour, minute = (int(p) for p in hhmm.split(":"))
    if style == "24":
        return f"{hour:02d}:{minute:02d}"
    half = "pm" if hour >= 12 else "am"
    shown = hour % 12 or 12
    if style == "p.m.":
        return f"{shown}.{minute:02d} {half[0]}.m."
    if style == "compact":
        return f"{shown}.{minute:02d}{half}"
    return f"{shown}.{minute:02d} {half}"


def written(member: Member, prefix: str = "", role_words: dict[str, str] | None = None) -> str:
    """A member as the paper writes them: "Cllr A Smith (Chairman)"."""
    name = member.written or member.name
    text = f"{prefix}{name}".strip()
    role = member.role_text or (role_words or ROLE_WORDS).get(member.role, "")
    return f"{text} ({role})" if role else text


def recs_lines(item: Item, *, bullets: bool = False) -> list[str]:
    lines = [item.lead_in] if item.lead_in else []
    for rec in item.recs:
        if rec.label is None:
            lines.append(("• " if bullets else "") + rec.text)
        else:
            lines.append(f"{rec.label} {rec.text}")
    return lines


# -- parish and town summons --------------------------------------------------


def parish_summons(agenda: Agenda) -> list[Block]:
    o = agenda.options
    blocks: list[Block] = [Para(agenda.organisation.upper(), bold=True, centre=True)]
    if o.get("address"):
        blocks.append(Para(o["address"], centre=True))
    blocks.append(Blank())
    names = [written(m, role_words=o.get("role_words")) for m in agenda.members]
    run_on = ", ".join(names[:-1]) + " and " + names[-1]
    to_line = f"{o.get('to', 'To: Councillors')} {run_on}"
    # The addressee line runs over two (or three) lines, as typed in a letter.
    width = o.get("wrap", 70)
    blocks.extend(Para(line) for line in _wrap(to_line, width))
    blocks.append(Blank())
    when = f"{long_date(agenda.date, ordinal=o.get('ordinal', False))}"
    at = clock(agenda.time, style=o.get("clock", "pm"))
    summons = o.get(
        "summons",
        "You are hereby summoned to attend a meeting of {body} to be held at {venue} "
        "on {when} at {time} for the purpose of transacting the business set out below.",
    )
    blocks.append(
        Para(
            summons.format(
                body=o.get("body", agenda.committee), venue=agenda.venue, when=when, time=at
            )
        )
    )
    if agenda.quorum is not None and not agenda.quorum_inferred:
        blocks.append(Para(o.get("quorum_text", f"Quorum: {agenda.quorum}")))
    elif o.get("quorum_rule"):
        blocks.append(Para(o["quorum_rule"]))
    blocks += [Blank(), Para(o.get("signed", "J. Whitlock"), italic=True)]
    blocks += [Para(o.get("signed_as", "Clerk to the Council")), Blank()]
    blocks += [Para("AGENDA", bold=True, centre=True), Blank()]
    blocks += _numbered_items(agenda, o)
    return blocks


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def _numbered_items(agenda: Agenda, o: dict[str, object]) -> list[Block]:
    """Items one after another, "1." (or the option's pattern), notes under each."""
    blocks: list[Block] = []
    pattern = str(o.get("number", "{n}."))
    autonum = bool(o.get("autonum"))
    part_two_heading = o.get("part_two_heading")
    exempt_style = str(o.get("exempt_style", "after_title"))
    for item in agenda.items:
        if (
            item.part == 2
            and part_two_heading
            and not any(i.part == 2 for i in agenda.items[: agenda.items.index(item)])
        ):
            blocks += [Para(str(part_two_heading), bold=True), Blank()]
        title = item.title.upper() if o.get("caps_titles") else item.title
        if item.paragraph and exempt_style == "after_title":
            title = f"{title} (Paragraph {item.paragraph})"
        if item.welsh_title and o.get("welsh") == "side_by_side":
            title = f"{item.welsh_title} / {title}"
        number = pattern.format(n=item.number)
        if autonum and item.number.isdigit():
            blocks.append(Para(title, bold=True, style="List Number", text_prefix=f"{number} "))
        else:
            blocks.append(Para(f"{number} {title}", bold=True))
        if item.welsh_title and o.get("welsh") == "one_after_other":
            blocks.append(Para(item.welsh_title, italic=True))
        for note in item.notes:
            blocks.append(Para(note))
        if item.paragraph and exempt_style == "line_under":
            blocks.append(Para(str(o["exempt_line"]).format(p=item.paragraph)))
        for line in recs_lines(item, bullets=bool(o.get("rec_bullets"))):
            bullet = line.startswith("• ")
            blocks.append(Para(line[2:], style="List Bullet") if bullet and autonum else Para(line))
        blocks.append(Blank())
    return blocks


# -- committee agendas (district, county, unitary, London borough) -------------


def committee(agenda: Agenda) -> list[Block]:
    o = agenda.options
    blocks: list[Block] = [
        Para(agenda.organisation, bold=True, centre=True),
        Blank(),
        Para(o.get("committee_line", agenda.committee.upper()), bold=True, centre=True),
        Blank(),
    ]
    when = long_date(agenda.date, ordinal=bool(o.get("ordinal")))
    at = clock(agenda.time, style=str(o.get("clock", "pm")))
    facts = o.get("facts", "lines")
    if facts == "table":
        blocks.append(
            Table(
                [
                    [["Date:"], [when]],
                    [["Time:"], [at]],
                    [[str(o.get("venue_label", "Venue:"))], [agenda.venue]],
                ],
                widths=[3, 12],
            )
        )
    elif facts == "sentence":
        blocks.append(
            Para(
                str(
                    o.get(
                        "sentence",
                        "A meeting of the {committee} will be held in the {venue} on {when} at "
                        "{time}.",
                    )
                ).format(committee=agenda.committee, venue=agenda.venue, when=when, time=at)
            )
        )
    else:
        blocks += [Para(f"Date: {when}"), Para(f"Time: {at}"), Para(f"Venue: {agenda.venue}")]
    blocks.append(Blank())
    blocks += _membership(agenda, o)
    if agenda.quorum is not None and not agenda.quorum_inferred:
        blocks += [Para(str(o.get("quorum_text", "Quorum: {q}")).format(q=agenda.quorum)), Blank()]
    elif o.get("quorum_rule"):
        blocks += [Para(str(o["quorum_rule"])), Blank()]
    blocks += [Para(str(o.get("contact", "Contact: Democratic Services, 01632 960123"))), Blank()]
    blocks += [Para("AGENDA", bold=True), Blank()]
    if o.get("part_one_heading"):
        blocks += [Para(str(o["part_one_heading"]), bold=True), Blank()]
    if o.get("item_table"):
        blocks += _item_table(agenda, o)
    else:
        blocks += _numbered_items(agenda, o)
    return blocks


def _membership(agenda: Agenda, o: dict[str, object]) -> list[Block]:
    layout = o.get("members", "lines")
    heading = str(o.get("members_heading", "Membership:"))
    prefix = str(o.get("prefix", "Councillor "))
    role_words = o.get("role_words")
    assert role_words is None or isinstance(role_words, dict)
    names = [written(m, "" if m.co_opted else prefix, role_words) for m in agenda.members]
    blocks: list[Block] = []
    if layout == "lines":
        blocks += [Para(heading, bold=True), *[Para(n) for n in names]]
    elif layout == "run_on":
        separator = str(o.get("separator", ", "))
        text = f"{heading} " + separator.join(names)
        blocks += [Para(line) for line in _wrap(text, int(str(o.get("wrap", 90))))]
    elif layout == "two_columns":
        half = (len(names) + 1) // 2
        left, right = names[:half], names[half:]
        rows = [[[a], [right[i]] if i < len(right) else []] for i, a in enumerate(left)]
        blocks += [Para(heading, bold=True), Table(rows, widths=[8, 8])]
    elif layout == "name_role":
        # Cabinet: name | long portfolio wording, in a table of two columns.
        rows = [
            [[f"{prefix}{m.written or m.name}"], [m.role_text or "Cabinet Member"]]
            for m in agenda.members
        ]
        blocks += [Para(heading, bold=True), Table(rows, widths=[6, 10])]
    elif layout == "three_columns":
        rows = [[["Member"], ["Appointed by"], ["Role"]]]
        for m, body in zip(agenda.members, o["appointed_by"], strict=True):  # type: ignore[call-overload]
            rows.append(
                [[f"{'' if m.co_opted else prefix}{m.written or m.name}"], [body], [m.role_text]]
            )
        blocks += [Para(heading, bold=True), Table(rows, widths=[6, 6, 5])]
    elif layout == "role_first":
        # "Chairman: County Councillor A Smith", then the others run on after the heading.
        blocks.append(Para(heading, bold=True))
        others = []
        for m in agenda.members:
            if m.role in ("chair", "vice-chair"):
                word = (role_words or ROLE_WORDS)[m.role]
                blocks.append(Para(f"{word}: {prefix}{m.written or m.name}"))
            else:
                others.append(m.written or m.name)
        plural = str(o.get("plural", "Councillors"))
        text = f"{plural} " + ", ".join(others[:-1]) + " and " + others[-1]
        blocks += [Para(line) for line in _wrap(text, int(str(o.get("wrap", 90))))]
    elif layout == "role_under":
        # The role on the line under the name, in italics ("Vice Chairman").
        blocks.append(Para(heading, bold=True))
        for m in agenda.members:
            blocks.append(Para(f"{prefix}{m.written or m.name}"))
            if m.role_text:
                blocks.append(Para(m.role_text, italic=True))
    if agenda.substitutes:
        subs = ", ".join(f"{prefix}{s.written or s.name}" for s in agenda.substitutes)
        blocks += [Blank(), Para(f"{o.get('subs_heading', 'Substitutes:')} {subs}")]
    blocks.append(Blank())
    return blocks


def _item_table(agenda: Agenda, o: dict[str, object]) -> list[Block]:
    """Items in a table: number | title, then the report line and recommendations
    as further paragraphs of the same cell | pages."""
    rows: list[list[list[str]]] = [[["Item"], ["Business"], ["Pages"]]]
    page = 3
    blocks: list[Block] = []
    for item in agenda.items:
        if (
            item.part == 2
            and o.get("part_two_heading")
            and not any(i.part == 2 for i in agenda.items[: agenda.items.index(item)])
        ):
            blocks.append(Table(rows, widths=[1.5, 12, 2]))
            blocks += [Blank(), Para(str(o["part_two_heading"]), bold=True), Blank()]
            rows = []
        title = item.title
        if item.paragraph and o.get("exempt_style", "after_title") == "after_title":
            title = f"{title} (paragraph {item.paragraph})"
        cell = [title, *item.notes]
        if item.paragraph and o.get("exempt_style") == "line_under":
            cell.append(str(o["exempt_line"]).format(p=item.paragraph))
        cell += recs_lines(item, bullets=bool(o.get("rec_bullets")))
        pages = f"{page} - {page + 6}" if item.notes else ""
        page += 7 if item.notes else 0
        rows.append([[str(o.get("number", "{n}.")).format(n=item.number)], cell, [pages]])
    if rows:
        blocks.append(Table(rows, widths=[1.5, 12, 2]))
    return blocks


# -- Welsh county: the same agenda in Welsh and English -------------------------


def welsh_county(agenda: Agenda) -> list[Block]:
    o = agenda.options
    day = long_date(agenda.date)
    blocks: list[Block] = [
        Para(str(o["welsh_org"]) + " / " + agenda.organisation, bold=True, centre=True),
        Blank(),
        Para(f"{o['welsh_committee']} / {agenda.committee}", bold=True),
        Blank(),
        Para(f"Dyddiad / Date: {o['welsh_date']} / {day}"),
        Para(f"Amser / Time: {clock(agenda.time, style='24')}"),
        Para(f"Lleoliad / Venue: {o['welsh_venue']} / {agenda.venue}"),
        Blank(),
        Para("Aelodau / Members:", bold=True),
    ]
    for m in agenda.members:
        role = {"chair": "Cadeirydd / Chair", "vice-chair": "Is-Gadeirydd / Vice-Chair"}.get(m.role)
        name = f"Cynghorydd / Councillor {m.written or m.name}"
        if m.co_opted:
            name = f"{m.written or m.name} ({m.role_text})"
        blocks.append(Para(f"{name} ({role})" if role else name))
    blocks += [Blank()]
    if agenda.quorum is not None:
        blocks += [Para(f"Cworwm / Quorum: {agenda.quorum}"), Blank()]
    blocks += [Para("AGENDA", bold=True), Blank()]
    blocks += _numbered_items(agenda, o)
    return blocks


STYLES: dict[str, Callable[[Agenda], list[Block]]] = {
    "parish_summons": parish_summons,
    "committee": committee,
    "welsh_county": welsh_county,
}


def report_blocks(
    title: str, author: str, recs: tuple[Rec, ...], o: dict[str, object]
) -> list[Block]:
    """A committee report's first page: who it is from, its subject, the recommendations."""
    blocks: list[Block] = [
        Para(str(o.get("org", "Borchester District Council")), bold=True),
        Blank(),
    ]
    meeting = str(o.get("meeting", "Cabinet – 12 March 2025"))
    if o.get("author_first"):
        # "Report of the ..." above the subject: the subject is the title.
        blocks += [Para(f"Report of the {author}", bold=True), Blank(), Para(meeting), Blank()]
        subject = str(o.get("subject_label", ""))
        blocks += [Para(f"{subject}{title}", bold=True), Blank()]
    else:
        blocks += [Para(meeting), Blank()]
        subject = str(o.get("subject_label", ""))
        blocks += [
            Para(f"{subject}{title}", bold=True),
            Blank(),
            Para(f"Report of the {author}"),
            Blank(),
        ]
    blocks += [Para(str(o.get("purpose_heading", "1. Purpose of the Report")), bold=True)]
    blocks += [Para(str(o.get("purpose", "To set out the matter for a decision.")))]
    blocks.append(Blank())
    heading = str(o["heading"])
    blocks.append(Para(heading, bold=bool(o.get("bold", True))))
    if o.get("lead_in"):
        blocks.append(Para(str(o["lead_in"])))
    for rec in recs:
        if rec.label is None:
            if o.get("bullets"):
                blocks.append(Para(rec.text, style="List Bullet", text_prefix="• "))
            else:
                blocks.append(Para(rec.text))
        else:
            blocks.append(Para(f"{rec.label} {rec.text}"))
    blocks += [Blank(), Para(str(o.get("after", "3. Background")), bold=True)]
    blocks.append(Para(str(o.get("background", "3.1 The matter was last considered in 2023."))))
    blocks += [Blank(), Para("Contact officer: Jane Arbuthnot, Democratic Services Officer")]
    return blocks
