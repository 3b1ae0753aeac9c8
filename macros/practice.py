"""Practice material for a training session, made from the playbook's own techniques (nothing new to write):
role-play cards (the customer's, from a technique's situations; the rep's, with its process and its script's
lines to fill) and a self-check (put a process's steps in order; pick a technique's key elements among
others), with the answers. Pure data in, data out; the same session always gets the same questions."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .models import Technique
from .render import script_lines

Taught = tuple[Technique, str, list[str]]
"""A technique a session covers, with its group's title and situations (its support type's)."""

DISTRACTORS = 3
"""Key elements of other techniques mixed with a technique's own in the self-check."""


@dataclass(frozen=True)
class Card:
    """One role-play: the customer's card and the rep's."""

    technique: Technique
    group_title: str
    situations: list[str]
    """What the customer is going through: the technique's situations, else its support type's (none: the
    customer's card says only the technique's group)."""
    blanks: list[list[tuple[str, bool]]]
    """The script's lines that have blanks, each as (text, is_placeholder) parts."""


@dataclass(frozen=True)
class Choice:
    letter: str
    text: str
    place: int = 0
    """In an ordering question: the step's place in the process."""
    right: bool = False
    """In a picking question: whether it is one of the technique's key elements."""


@dataclass(frozen=True)
class Question:
    """Put `choices` in order (`ordered`), or tick the right ones."""

    technique: Technique
    ordered: bool
    choices: list[Choice]

    @property
    def answer(self) -> list[str]:
        """The letters, in the process's order (ordered) or those that are key elements."""
        if self.ordered:
            return [c.letter for c in sorted(self.choices, key=lambda c: c.place)]
        return [c.letter for c in self.choices if c.right]


@dataclass(frozen=True)
class Material:
    cards: list[Card]
    questions: list[Question]

    def __bool__(self) -> bool:
        return bool(self.cards or self.questions)


def material(techniques: list[Taught], key_elements: list[str]) -> Material:
    """For each technique: a role-play, a question on its steps' order and, when it has key elements, one on
    them (the others drawn from `key_elements`, every technique's)."""
    cards, questions = [], []
    for technique, group_title, group_situations in techniques:
        lines = [line["parts"] for line in script_lines(technique.script)]
        blanks = [_as_said(parts) for parts in lines if any(blank for _, blank in parts)]
        cards.append(Card(technique, group_title, list(technique.situations or group_situations), blanks))
        if len(technique.process) > 1:
            questions.append(_order(technique))
        own = getattr(technique, "key_elements", None)
        if own:
            questions.append(_pick(technique, own, key_elements))
    return Material(cards, questions)


def _as_said(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A script line without the list dash and the quotes that frame the script (render.script_lines)."""
    (first, first_blank), *rest = parts
    parts = [(first if first_blank else first.removeprefix("- ").lstrip('"'), first_blank), *rest]
    (last, last_blank) = parts[-1]
    return [*parts[:-1], (last if last_blank else last.rstrip('"'), last_blank)]


def _order(technique: Technique) -> Question:
    """The steps shuffled (never left in their order), each carrying its place for the answer."""
    steps = list(enumerate(technique.process))
    shuffled = steps[:]
    random.Random(f"order:{technique.id}").shuffle(shuffled)
    if shuffled == steps:
        shuffled = shuffled[1:] + shuffled[:1]
    return Question(technique, True, [Choice(letter(i), text, place=place) for i, (place, text) in enumerate(shuffled)])


def _pick(technique: Technique, own: list[str], every: list[str]) -> Question:
    others = sorted({text for text in every if text not in own})
    chooser = random.Random(f"pick:{technique.id}")
    drawn = chooser.sample(others, min(DISTRACTORS, len(others)))
    mixed = [(text, True) for text in own] + [(text, False) for text in drawn]
    chooser.shuffle(mixed)
    return Question(technique, False, [Choice(letter(i), text, right=right) for i, (text, right) in enumerate(mixed)])


def letter(index: int) -> str:
    """A, B, … Z, AA, AB, …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name
