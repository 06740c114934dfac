"""The lines the dispatch engine writes into orders are kept as English and read back as
their template and values, so every screen words them in its own language."""

from __future__ import annotations

import pytest

from app.dispatch.notes import TEMPLATES, note, parse

EXAMPLES = {
    "created_from": {"origin": "alarm"},
    "manual": {"reason": "他熟悉配电房: 近"},
    "reassigned": {"tech": "t07", "reason": ""},
    "not_accepted": {"seconds": "300"},
    "suggested": {"name": "王师傅: 电工", "minutes": "3.2", "where": "last known", "load": "2",
                  "skill": "gas", "cert": " (certified)", "preempts": "; pre-empts WO-1, WO-2"},
    "nobody": {},
    "none_qualified": {"certified": "certified ", "skill": "gas"},
    "none_on_shift": {"skill": "elevator"},
    "all_taken": {},
    "all_unavailable": {"skill": "plumbing"},
    "read_only": {"source": "replay"},
    "waiting": {},
}


def test_every_template_has_an_example():
    assert set(EXAMPLES) == set(TEMPLATES)


@pytest.mark.parametrize("template", sorted(EXAMPLES))
def test_a_line_reads_back_as_its_template_and_values(template):
    values = EXAMPLES[template]
    assert parse(note(template, **values)) == (template, values)


def test_a_suggestion_without_certificate_or_preemption_reads_back():
    line = note("suggested", name="Li", minutes="0.0", where="live", load=0, skill="general",
                cert="", preempts="")
    assert line == "Li: 0.0 min away (live position), 0 open order(s), general"
    assert parse(line) == ("suggested", {"name": "Li", "minutes": "0.0", "where": "live",
                                         "load": "0", "skill": "general", "cert": "",
                                         "preempts": ""})


@pytest.mark.parametrize("words", ["已到现场，更换保险丝", "created from", "not accepted within soon s",
                                   "manual assignment", ""])
def test_anyone_elses_words_are_not_a_template(words):
    assert parse(words) is None
