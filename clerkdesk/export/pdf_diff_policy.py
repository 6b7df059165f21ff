"""pyHanko's difference analysis, taught that a tagged form field may be filled.

In tagged minutes (PDF/UA) every form field's widget is also the object of a
Form element in the structure tree (``/StructTreeRoot … /K … /Obj``). When the
Chairman signs, the signature and date widgets get their value and
appearance: a change the certification permits. pyHanko's default policy
clears such a change only along the paths it checked (the page's annotations
and the form's fields) and refuses it because the structure tree reaches the
same widget. This rule clears exactly that one more path, for widgets only:
the change itself must still pass pyHanko's own form-filling rules, and any
change to the structure tree itself is still refused.
"""

from __future__ import annotations

from functools import cache
from typing import Any


def _is_structure_reference(path: Any) -> bool:
    nodes = list(path)
    return nodes[:2] == ["/Root", "/StructTreeRoot"] and nodes[-1:] == ["/Obj"]


@cache
def tagged_diff_policy() -> Any:
    """pyHanko's default diff policy plus the rule for tagged widgets."""
    from pyhanko.pdf_utils.generic import DictionaryObject
    from pyhanko.sign.diff_analysis import (
        DEFAULT_DIFF_POLICY,
        ModificationLevel,
        QualifiedWhitelistRule,
        ReferenceUpdate,
        StandardDiffPolicy,
    )
    from pyhanko.sign.diff_analysis.rules_api import Context

    class TaggedWidgetRule(QualifiedWhitelistRule):
        def apply_qualified(self, old: Any, new: Any) -> Any:
            for ref in new.explicit_refs_in_revision():
                try:
                    before = old(ref)
                except Exception:  # new in this revision: nothing to clear
                    continue
                if not isinstance(before, DictionaryObject):
                    continue
                if before.get("/Subtype") != "/Widget":
                    continue
                for path in old._get_usages_of_ref(ref):
                    if _is_structure_reference(path):
                        yield (
                            ModificationLevel.FORM_FILLING,
                            ReferenceUpdate(ref, Context.from_absolute(old, path)),
                        )

    return StandardDiffPolicy(
        global_rules=[*DEFAULT_DIFF_POLICY.global_rules, TaggedWidgetRule()],
        form_rule=DEFAULT_DIFF_POLICY.form_rule,
    )
