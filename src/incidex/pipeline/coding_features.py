"""Features of one incident for the learned GTD coder (``coding.learned``).

Training (``training/train_gtd_coding.py``) and inference share this one function, so what the
model saw is what it is given. Two kinds of feature:

- the rule stage's own decisions (``r:``): its primary and other attack and weapon types, its
  success and suicide verdicts, the attack and weapon types of the concrete triggers, whether
  people were killed or wounded, whether a prominent person was the target. The model learns
  where the rules are right and where GTD's coders decide otherwise;
- the words of the incident's sentences (``w:`` single words, ``b:`` pairs), lower-cased and
  without numbers, so lower-case MUC-4 text and cased news read alike, and nothing depends on
  the "MM/DD/YYYY:" opening of a GTD summary.
"""

from __future__ import annotations

import itertools
import re

from incidex.pipeline.assassination import assassination_target
from incidex.pipeline.coding import specific_view
from incidex.pipeline.doc import Span
from incidex.pipeline.frames import Frame

_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
#: Words too common to tell one attack from another; leaving them out keeps the model small.
_STOP = frozenset(
    "a an the of in on at to and or was were is are be been by for from with as that this it its "
    "which who had has have their his her they he she there".split()
)


def words(sentences: list[Span]) -> list[str]:
    """The incident's words in order, lower case, numbers and punctuation left out."""
    return [w.replace("’", "'") for s in sentences for w in _WORD.findall(s.text.lower())]


def rule_features(frame: Frame, sentences: list[Span], text: str) -> list[str]:
    """The rule stage's decisions on ``frame`` as feature names."""
    out: list[str] = []
    if frame.attack_types:
        out.append(f"r:attack={frame.attack_types[0].value}")
        out.extend(f"r:attacks={t.value}" for t in frame.attack_types[1:])
    if frame.weapon_types:
        out.append(f"r:weapon={frame.weapon_types[0].value}")
        out.extend(f"r:weapons={w.value}" for w in frame.weapon_types[1:])
    for flag in ("success", "suicide"):
        value = frame.flags.get(flag)
        if value is not None:
            out.append(f"r:{flag}={int(value[0])}")
    for trigger in frame.triggers:
        concrete = "c" if trigger.attrs.get("concrete") else "v"
        attack = trigger.attrs.get("attack_type")
        weapon = trigger.attrs.get("weapon")
        out.append(f"r:trigger{concrete}={attack.value if attack is not None else 'none'}")
        if weapon is not None:
            out.append(f"r:trigger_weapon={weapon.value}")
    for role, spans in frame.roles.items():
        if spans:
            out.append(f"r:role={role}")
        if role == "weapon":
            out.extend(f"r:role_weapon={s.attrs['weapon_type'].value}" for s in spans
                       if s.attrs.get("weapon_type") is not None)
    for category in ("killed", "wounded", "perpetrators_killed"):
        count = frame.casualties.get(category)
        if count is not None:
            low = count[0]
            out.append(f"r:{category}={'none' if low is None else min(low, 2)}")
    if assassination_target(sentences, text) is not None:
        out.append("r:prominent_target")
    return sorted(set(out))


def text_features(sentences: list[Span]) -> list[str]:
    """Single words and adjacent word pairs (stop words kept in pairs: "set fire", "on fire")."""
    tokens = words(sentences)
    out = {f"w:{w}" for w in tokens if w not in _STOP}
    out.update(f"b:{a}_{b}" for a, b in itertools.pairwise(tokens))
    return sorted(out)


def incident_features(frame: Frame, sentences: list[Span], text: str) -> list[str]:
    """Every feature of one incident: the rule decisions and the words of its sentences,
    leaving out the sentences about a campaign rather than the incident, as the rules do
    (``coding.specific_view``: "insurgents continue to target civilians with bomb attacks")."""
    frame, sentences = specific_view(frame, sentences)
    return rule_features(frame, sentences, text) + text_features(sentences)
