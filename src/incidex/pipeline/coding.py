"""GTD coding of each incident: attack, weapon and target types, suicide, success.

The attack type follows the codebook's hierarchy (``codebook.ATTACK_TYPE_HIERARCHY``): a
bombing in which gunmen also fire is a Bombing/Explosion; an attack whose aim was to kill a
prominent person is an Assassination. Success follows the codebook's definition per type: a
bomb that "failed to explode" or was defused is unsuccessful, an assassination whose target
survived too.
"""

from __future__ import annotations

import re

from incidex.codebook import ATTACK_TYPE_HIERARCHY, AttackType, TargetType, WeaponType
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import target_type_of
from incidex.pipeline.registry import register_stage

_SUICIDE = re.compile(
    r"\bsuicide\s+(?:bomb\w*|attack\w*|mission|vests?|belts?|car|truck|operation|squad|"
    r"assault)|\bblew\s+(?:him|her|them)sel(?:f|ves)\s+up\b|\bdetonated\s+(?:his|her|their)\s+"
    r"(?:explosive|suicide)|\bself-immolat\w*|\bstrapped\s+to\s+(?:his|her|their)\s+bod(?:y|ies)|"
    r"\bexplosives?\s+(?:vests?|belts?)",
    re.IGNORECASE,
)
_FAILED = re.compile(
    r"\bfail(?:ed|s)?\s+to\s+(?:explode|detonate|go\s+off)|\bdid\s+not\s+(?:explode|detonate|"
    r"go\s+off)|\b(?:was|were)\s+(?:later\s+)?(?:defused|deactivated|dismantled|discovered|"
    r"found\s+and\s+defused|intercepted|foiled|thwarted|disarmed)|\bfoiled\b|\bthwarted\b|"
    r"\bunexploded\b|\bwithout\s+exploding\b|\bbefore\s+(?:it|they)\s+could\s+(?:explode|go\s+off)|"
    r"\b(?:bomb|device|explosives?)\s+(?:was|were)\s+found\b|\bprevented\s+(?:the|an?)\s+attack",
    re.IGNORECASE,
)
_ATTEMPT = re.compile(r"\b(?:attempted|tried|trying|attempting)\s+to\b|\battempted\s+\w+", re.IGNORECASE)
_NEEDS_HARM = (AttackType.ARMED_ASSAULT, AttackType.UNARMED_ASSAULT, AttackType.ASSASSINATION,
               AttackType.KIDNAPPING, AttackType.BOMBING)
_THROWN = re.compile(r"(?i)grenade|rocket|mortar|shell|projectile|rpg")
_PROMINENT = re.compile(
    r"\b(?:mayor|governor|judge|minister|commander|colonel|col|general|gen|leader|president|"
    r"official|candidate|politician|senator|deputy|congressman|prosecutor|chief|ambassador|"
    r"councill?or|legislator|magistrate|attorney\s+general|party\s+leader|activist|editor)\b",
    re.IGNORECASE,
)


def attack_types(frame: Frame) -> list[AttackType]:
    found = {t.attrs["attack_type"] for t in frame.triggers
             if t.attrs.get("concrete") and t.attrs.get("attack_type") is not None}
    killed = frame.casualties.get("killed")
    victims = frame.roles.get("human_target", [])
    if (
        killed and (killed[0] or 0) >= 1 and victims and _PROMINENT.search(victims[0].text)
        and AttackType.BOMBING not in found
    ):
        found.add(AttackType.ASSASSINATION)
    bombs = [t.text for t in frame.triggers if t.attrs.get("concrete")
             and t.attrs.get("attack_type") == AttackType.BOMBING]
    if AttackType.ARMED_ASSAULT in found and bombs and all(_THROWN.search(b) for b in bombs):
        # Codebook: grenades and projectiles used along with firearms, incendiaries or sharp
        # objects make the attack an armed assault only.
        found.discard(AttackType.BOMBING)
    if not found:
        wounded = frame.casualties.get("wounded")
        harmed = bool((killed and killed[0]) or (wounded and wounded[0]))
        attacked = any(t.text.lower().startswith(("attack", "assault", "ambush", "raid", "storm"))
                       for t in frame.triggers)
        # "Assailants attacked a checkpoint, killing two soldiers": people were attacked and
        # hurt, by no means the text names; the codebook's armed assault.
        return [AttackType.ARMED_ASSAULT] if harmed and attacked else [AttackType.UNKNOWN]
    return [t for t in ATTACK_TYPE_HIERARCHY if t in found]


def weapon_types(frame: Frame, attacks: list[AttackType]) -> list[WeaponType]:
    seen: list[WeaponType] = []
    for trigger in frame.triggers:
        weapon = trigger.attrs.get("weapon")
        if trigger.attrs.get("concrete") and weapon is not None and weapon not in seen:
            seen.append(weapon)
    for span in frame.roles.get("weapon", []):
        weapon = span.attrs.get("weapon_type")
        if isinstance(weapon, WeaponType) and weapon not in seen:
            seen.append(weapon)
    if not seen:
        return [WeaponType.UNKNOWN]
    expected = {
        AttackType.BOMBING: WeaponType.EXPLOSIVES,
        AttackType.FACILITY: WeaponType.INCENDIARY,
        AttackType.ASSASSINATION: WeaponType.FIREARMS,
        AttackType.ARMED_ASSAULT: WeaponType.FIREARMS,
    }.get(attacks[0])
    if attacks[0] == AttackType.ARMED_ASSAULT and WeaponType.MELEE in seen and (
        WeaponType.FIREARMS not in seen or seen.index(WeaponType.MELEE) < seen.index(
            WeaponType.FIREARMS)
    ):
        expected = WeaponType.MELEE
    if attacks[0] == AttackType.UNARMED_ASSAULT:
        expected = next((w for w in seen if w in (WeaponType.VEHICLE, WeaponType.MELEE)), None)
    if expected in seen:
        seen.remove(expected)
        seen.insert(0, expected)
    return seen


def target_types(frame: Frame) -> tuple[list[TargetType], list[Span]]:
    targets = sorted(
        frame.roles.get("human_target", []) + frame.roles.get("physical_target", []),
        key=lambda s: (s.label != "human_target", s.start),
    )
    types: list[TargetType] = []
    evidence: list[Span] = []
    for span in targets:
        target = target_type_of(span.text)
        if target is not None and target not in types:
            types.append(target)
            evidence.append(span)
    return (types or [TargetType.UNKNOWN]), evidence


def _flag(frame: Frame, pattern: re.Pattern[str]) -> list[Span]:
    spans = []
    for clause in frame.clauses:
        for match in pattern.finditer(clause.text):
            spans.append(Span(clause.start + match.start(), clause.start + match.end(),
                              match.group()))
    return spans


@register_stage("coding")
class GtdCoder:
    name = "coding"
    requires: tuple[str, ...] = ("frames", "roles", "casualties")
    assigns: tuple[str, ...] = ("coding",)

    def __call__(self, doc: Doc) -> Doc:
        for frame in doc.frames:
            frame.attack_types = attack_types(frame)
            frame.weapon_types = weapon_types(frame, frame.attack_types)
            frame.target_types, frame.evidence["target_types"] = target_types(frame)
            frame.evidence["attack_types"] = [
                t for t in frame.triggers
                if t.attrs.get("concrete") and t.attrs.get("attack_type") in frame.attack_types
            ][:3]
            frame.evidence["weapon_types"] = [
                s for s in frame.roles.get("weapon", []) if s.attrs.get("weapon_type")
                in frame.weapon_types
            ][:3] or [t for t in frame.triggers if t.attrs.get("weapon") in frame.weapon_types][:3]
            suicide = _flag(frame, _SUICIDE)
            frame.flags["suicide"] = (bool(suicide), suicide)
            failed = _flag(frame, _FAILED)
            killed = frame.casualties.get("killed")
            wounded = frame.casualties.get("wounded")
            harmed = bool((killed and killed[0]) or (wounded and wounded[0]))
            if not failed and not harmed and frame.attack_types[0] in _NEEDS_HARM:
                # "attempted to stab officers": an assault succeeds only if someone is hurt.
                failed = _flag(frame, _ATTEMPT)
            success = not failed
            if frame.attack_types[0] == AttackType.ASSASSINATION and killed and killed[0] == 0:
                success = False
            frame.flags["success"] = (success, failed)
        return doc
