"""GTD coding of each incident: attack, weapon and target types, suicide, success.

The attack type follows the codebook's hierarchy (``codebook.ATTACK_TYPE_HIERARCHY``): a
bombing in which gunmen also fire is a Bombing/Explosion; an attack whose aim was to kill a
prominent person is an Assassination. Success follows the codebook's definition per type: a
bomb that "failed to explode" or was defused is unsuccessful, an assassination whose target
survived too.
"""

from __future__ import annotations

import dataclasses
import re

from incidex.codebook import ATTACK_TYPE_HIERARCHY, AttackType, WeaponType
from incidex.pipeline.assassination import assassination_target
from incidex.pipeline.attack_cases import case_sentences, codebook_case
from incidex.pipeline.doc import Doc, Span
from incidex.pipeline.frames import Frame
from incidex.pipeline.lexicon import WEAPON_WORDS
from incidex.pipeline.outcome import success, suicide, suicide_bombers_killed
from incidex.pipeline.registry import register_stage
from incidex.pipeline.target_types import target_types

_THROWN = re.compile(r"(?i)grenade|rocket|mortar|shell|projectile|rpg|launcher")
_PROMINENT = re.compile(
    r"\b(?:mayor|governor|judge|minister|commander|colonel|col|general|gen|leader|president|"
    r"official|candidate|politician|senator|deputy|congressman|prosecutor|chief|ambassador|"
    r"councill?or|legislator|magistrate|attorney\s+general|party\s+leader|activist|editor)\b",
    re.IGNORECASE,
)


#: Handheld less-than-lethal weapons: an attack with these alone is an unarmed assault (codebook,
#: "Armed Assault": "not to include attacks involving the use of fists, rocks, sticks, or other
#: handheld (less-than-lethal) weapons").
_BLUNT = re.compile(
    r"\b(?:clubs?|cudgels?|sticks?|hammers?|iron\s+bars?|metal\s+bars?|bars?|(?:baseball\s+)?bats?|"
    r"stones?|rocks?|bricks?|batons?|lashes|whips?|fists?|umbrellas?)\b", re.IGNORECASE)
#: Hostages held where they were seized (codebook: a barricade incident "plays out at the target
#: location"), against hostages moved away (a kidnapping).
_HOSTAGES = re.compile(r"\bhostages?\b", re.IGNORECASE)
_AT_THE_SITE = re.compile(
    r"\b(?:storm\w*|stand-?offs?|sieges?|inside|entered|raid(?:ed|ing)?|barricad\w*|occup(?:ied|ying)|"
    r"took\s+over|(?:held|holding)\s+(?:[\w'’-]+\s+){0,8}?hostages?)\b", re.IGNORECASE)
_MOVED = re.compile(
    r"\b(?:kidnap\w*|abduct\w*|fled\s+with|taken\s+to|led\s+(?:them\s+)?away|ransom\w*|"
    r"captiv\w+|hijack\w*)\b", re.IGNORECASE)
#: A device that carries a chemical agent: GTD codes the agent ("two acid bombs went off", "an
#: explosive device containing acid and other chemicals" are Chemical).
_CHEMICAL_DEVICE = re.compile(
    r"\b(?:acid|chemical|chlorine|toxic|sarin|poison(?:ous)?|gas)\s+(?:bombs?|devices?|shells?|"
    r"rockets?|grenades?)\b|\b(?:bombs?|devices?|shells?|rockets?|grenades?)\s+(?:containing|"
    r"filled\s+with|laden\s+with|loaded\s+with)\s+(?:\w+\s+){0,2}?(?:acid|chemicals?|chlorine|"
    r"toxic|sarin|poison(?:ous)?\s+gas)\b", re.IGNORECASE)
#: A sentence about a campaign, not an incident: "Islamic insurgents in Thailand's south
#: continue to target civilians ... with drive-by shootings and bomb attacks", "Attacks on
#: police forces are common in Afghanistan". Its weapons are not the incident's.
_GENERIC = re.compile(
    r"\bcontinues?\s+to\s+(?:target|attack|carry\s+out|launch|wage|use|stage|mount)\b|"
    r"\b(?:are|is|have\s+been|has\s+been|remains?)\s+(?:very\s+|fairly\s+|increasingly\s+)?"
    r"(?:common|frequent|routine|commonplace|rampant|widespread)\b|\bunderway\s+since\b",
    re.IGNORECASE)
#: A firearm in the attacker's hand ("armed with a handgun", "threatened him with a gun"), not
#: a gun named as a topic ("Mayors Against Illegal Guns").
_GUN_IN_HAND = re.compile(
    r"\b(?:armed\s+with|with|brandish\w*|wield\w*|carrying|pointed|pointing)\s+(?:a|an|his|her|"
    r"their|two|three|several)?\s*(?:[\w-]+\s+)?(?:guns?|handguns?|pistols?|rifles?|shotguns?|"
    r"revolvers?|firearms?)\b", re.IGNORECASE)
_ASSAULT_WEAPONS = {WeaponType.FIREARMS, WeaponType.MELEE, WeaponType.INCENDIARY}
_LETHAL = {AttackType.ARMED_ASSAULT, AttackType.BOMBING, AttackType.UNARMED_ASSAULT}
#: The types a codebook case (``attack_cases``) may replace: those it tells apart, never one
#: above them in the hierarchy (an assassination or a hostage taking stays what it is).
_CASE_OVERRIDES = {AttackType.BOMBING, AttackType.ARMED_ASSAULT, AttackType.FACILITY,
                   AttackType.UNARMED_ASSAULT, AttackType.UNKNOWN}


def _attacked(frame: Frame) -> bool:
    return any(t.text.lower().startswith(("attack", "assault", "ambush", "raid", "storm"))
               for t in frame.triggers)


def attack_types(frame: Frame, sentences: list[Span] | None = None, text: str = "") -> list[AttackType]:
    found = {t.attrs["attack_type"] for t in frame.triggers
             if t.attrs.get("concrete") and t.attrs.get("attack_type") is not None}
    if sentences and (found & _LETHAL or _attacked(frame)) and assassination_target(sentences, text):
        found.add(AttackType.ASSASSINATION)
    killed = frame.casualties.get("killed")
    victims = frame.roles.get("human_target", [])
    if (
        killed and (killed[0] or 0) >= 1 and victims and _PROMINENT.search(victims[0].text)
        and AttackType.BOMBING not in found
    ):
        found.add(AttackType.ASSASSINATION)
    bombs = [t.text for t in frame.triggers if t.attrs.get("concrete")
             and t.attrs.get("attack_type") == AttackType.BOMBING]
    armed = {s.attrs.get("weapon_type") for s in frame.roles.get("weapon", [])} & _ASSAULT_WEAPONS
    if (AttackType.ARMED_ASSAULT in found or armed) and bombs and all(_THROWN.search(b) for b in bombs):
        # Codebook: grenades and projectiles used along with firearms, incendiaries or sharp
        # objects make the attack an armed assault only.
        found.discard(AttackType.BOMBING)
        found.add(AttackType.ARMED_ASSAULT)
    if sentences and _held_on_site(sentences):
        found.discard(AttackType.KIDNAPPING)
        found.add(AttackType.BARRICADE)
    gun = any(_GUN_IN_HAND.search(s.text) for s in sentences or frame.clauses)
    unarmed = [t for t in frame.triggers if t.attrs.get("attack_type") == AttackType.UNARMED_ASSAULT]
    if found == {AttackType.UNARMED_ASSAULT} and gun and all(
            t.attrs.get("weapon") == WeaponType.MELEE for t in unarmed):
        # "threatened a civilian with a gun and punched him": an assault with a firearm at
        # hand is armed (codebook: unarmed is "by any means other than ... firearm").
        return [AttackType.ARMED_ASSAULT]
    if not found:
        wounded = frame.casualties.get("wounded")
        harmed = bool((killed and killed[0]) or (wounded and wounded[0]))
        if _blunt_only(frame, sentences or frame.clauses):
            # "Assailants armed with baseball bats attacked two refugees": less-than-lethal.
            return [AttackType.UNARMED_ASSAULT]
        # "Assailants attacked a checkpoint, killing two soldiers": people or a place were
        # attacked by no means the text names; GTD codes such an assault an armed assault, as
        # it does an attack by a gunman ("armed with a handgun threatened church-goers").
        assault = harmed or _attacked(frame) or gun
        return [AttackType.ARMED_ASSAULT] if assault else [AttackType.UNKNOWN]
    return [t for t in ATTACK_TYPE_HIERARCHY if t in found]


def _blunt_only(frame: Frame, sentences: list[Span]) -> bool:
    """Whether the weapons named are all handheld less-than-lethal ones (sticks, bats, stones),
    in the incident's roles or anywhere in its sentences ("assailants armed with baseball bats
    attacked ...", a clause the frame may not hold)."""
    named = [(w.attrs.get("weapon_type"), w.text) for w in frame.roles.get("weapon", [])]
    for sentence in sentences:
        for pattern, weapon in WEAPON_WORDS:
            named.extend((weapon, m.group()) for m in pattern.finditer(sentence.text))
    return bool(named) and all(weapon == WeaponType.MELEE and _BLUNT.search(text)
                               for weapon, text in named)


def _named_weapons(sentences: list[Span]) -> list[WeaponType]:
    """The weapon types the sentences name, in the order they first name them."""
    hits = sorted((sentence.start + m.start(), weapon) for sentence in sentences
                  for pattern, weapon in WEAPON_WORDS for m in pattern.finditer(sentence.text))
    return list(dict.fromkeys(weapon for _, weapon in hits))


def _held_on_site(sentences: list[Span]) -> bool:
    """Hostages taken and held where the attackers struck ("stormed the hotel, taking 104 people
    hostage"), never said to be moved: a barricade incident, not a kidnapping."""
    text = " ".join(s.text for s in sentences)
    return bool(_HOSTAGES.search(text) and _AT_THE_SITE.search(text) and not _MOVED.search(text))


def weapon_types(frame: Frame, attacks: list[AttackType], sentences: list[Span] | None = None
                 ) -> list[WeaponType]:
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
        # "An assailant attacked a police patrol with a hatchet": the weapon named in a clause
        # the frame does not hold, first in the report's order.
        seen = _named_weapons(sentences or frame.clauses)
    if not seen:
        # "Assailants attacked a checkpoint": an armed assault by no named means; GTD's
        # coders record the firearms such assaults are made with.
        armed = attacks[0] in (AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION)
        return [WeaponType.FIREARMS if armed else WeaponType.UNKNOWN]
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
    named = sorted(frame.roles.get("weapon", []), key=lambda w: w.start)
    first = next((w.attrs.get("weapon_type") for w in named
                  if w.attrs.get("weapon_type") in (WeaponType.EXPLOSIVES, WeaponType.FIREARMS)), None)
    if attacks[0] in (AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION) and first == WeaponType.EXPLOSIVES:
        # "armed with projectiles and firearms": the weapons in the order the report lists them.
        expected = WeaponType.EXPLOSIVES
    kinds = {w.attrs.get("weapon_type") for w in named}
    if attacks[0] == AttackType.BOMBING and WeaponType.INCENDIARY in kinds and (
            WeaponType.EXPLOSIVES not in kinds):
        # "A small incendiary device exploded", "fire bombs were used": the device is named
        # incendiary and only the verbs tell an explosion.
        expected = WeaponType.INCENDIARY
    if attacks[0] == AttackType.BOMBING and any(
            _CHEMICAL_DEVICE.search(s.text) for s in sentences or frame.clauses):
        expected = WeaponType.CHEMICAL
        if expected not in seen:
            seen.append(expected)
    if attacks[0] == AttackType.UNARMED_ASSAULT:
        expected = next((w for w in seen if w in (WeaponType.VEHICLE, WeaponType.MELEE)), None)
    if seen[0] == WeaponType.VEHICLE and attacks[0] in (AttackType.FACILITY, AttackType.HIJACKING):
        # "flew his plane into the building, igniting a fire": the vehicle did the damage (a
        # driver who rams and then stabs or shoots is coded by the blade or the gun).
        expected = WeaponType.VEHICLE
    if expected in seen:
        seen.remove(expected)
        seen.insert(0, expected)
    return seen


def specific_view(frame: Frame, sentences: list[Span]) -> tuple[Frame, list[Span]]:
    """The frame and sentences without the words of sentences about a campaign (``_GENERIC``),
    the incident's first sentence always kept: what the attack and weapon types read."""
    generic = [s for s in sentences[1:] if _GENERIC.search(s.text)]
    if not generic:
        return frame, sentences

    def outside(span: Span) -> bool:
        return not any(g.start <= span.start < g.end for g in generic)

    roles = {role: [s for s in spans if outside(s)] for role, spans in frame.roles.items()}
    view = dataclasses.replace(frame, triggers=[t for t in frame.triggers if outside(t)], roles=roles)
    return view, [s for s in sentences if s not in generic]


@register_stage("coding")
class GtdCoder:
    name = "coding"
    requires: tuple[str, ...] = ("frames", "roles", "casualties")
    assigns: tuple[str, ...] = ("coding",)

    def __call__(self, doc: Doc) -> Doc:
        for frame in doc.frames:
            # A one-incident report is about its incident throughout; in a longer one, only
            # the incident's own clauses speak of it.
            sentences = doc.sentences if len(doc.frames) == 1 else frame.clauses
            # The target and the codebook's cases may be told in a sentence no frame holds
            # ("seized the wildlife refuge headquarters", "no one was in the building").
            own = case_sentences(doc, frame)
            frame.target_types, frame.evidence["target_types"] = target_types(frame, own)
            view, specific = specific_view(frame, sentences)
            frame.attack_types = attack_types(view, specific, doc.text)
            frame.evidence["attack_types"] = [
                t for t in view.triggers
                if t.attrs.get("concrete") and t.attrs.get("attack_type") in frame.attack_types
            ][:3]
            case = codebook_case(view, own, frame.target_types)
            if case is not None and frame.attack_types[0] in _CASE_OVERRIDES:
                # The codebook decides by the objective and the outcome (``attack_cases``).
                frame.attack_types = [case[0], *(t for t in frame.attack_types if t != case[0])]
                frame.evidence["attack_types"] = [case[1]]
            frame.weapon_types = weapon_types(view, frame.attack_types, specific)
            frame.evidence["weapon_types"] = [
                s for s in frame.roles.get("weapon", []) if s.attrs.get("weapon_type")
                in frame.weapon_types
            ][:3] or [t for t in frame.triggers if t.attrs.get("weapon") in frame.weapon_types][:3]
            suicide_spans = suicide(sentences)
            frame.flags["suicide"] = (bool(suicide_spans), suicide_spans)
            frame.flags["success"] = success(frame, sentences)
            if suicide_spans and frame.attack_types[0] == AttackType.BOMBING and frame.flags["success"][0]:
                bombers = suicide_bombers_killed(frame, sentences)
                if bombers is not None:
                    # The codebook's nkill counts the attackers: a suicide bomber died.
                    frame.casualties["perpetrators_killed"] = (bombers[0], bombers[0], True, [bombers[1]])
        return doc
