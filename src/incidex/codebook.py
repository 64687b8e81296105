"""GTD categories (codebook, October 2019) and crosswalks to ACLED and MUC-4.

The GTD names are the vocabulary of the record; exports and evaluation translate through the
crosswalks here and nowhere else.
"""

from __future__ import annotations

from enum import StrEnum


class AttackType(StrEnum):
    ASSASSINATION = "Assassination"
    ARMED_ASSAULT = "Armed Assault"
    BOMBING = "Bombing/Explosion"
    HIJACKING = "Hijacking"
    BARRICADE = "Hostage Taking (Barricade Incident)"
    KIDNAPPING = "Hostage Taking (Kidnapping)"
    FACILITY = "Facility/Infrastructure Attack"
    UNARMED_ASSAULT = "Unarmed Assault"
    UNKNOWN = "Unknown"


#: The codebook's order of precedence when one incident fits several attack types
#: (section "Attack Information": the first applicable in this list is the primary type).
ATTACK_TYPE_HIERARCHY: tuple[AttackType, ...] = (
    AttackType.ASSASSINATION,
    AttackType.HIJACKING,
    AttackType.KIDNAPPING,
    AttackType.BARRICADE,
    AttackType.BOMBING,
    AttackType.ARMED_ASSAULT,
    AttackType.UNARMED_ASSAULT,
    AttackType.FACILITY,
    AttackType.UNKNOWN,
)


class WeaponType(StrEnum):
    BIOLOGICAL = "Biological"
    CHEMICAL = "Chemical"
    RADIOLOGICAL = "Radiological"
    NUCLEAR = "Nuclear"
    FIREARMS = "Firearms"
    EXPLOSIVES = "Explosives"
    FAKE = "Fake Weapons"
    INCENDIARY = "Incendiary"
    MELEE = "Melee"
    VEHICLE = "Vehicle"
    SABOTAGE = "Sabotage Equipment"
    OTHER = "Other"
    UNKNOWN = "Unknown"


#: The GTD release spells the vehicle category out in full.
GTD_WEAPON_LABELS: dict[WeaponType, str] = {
    WeaponType.VEHICLE: "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)",
}


class TargetType(StrEnum):
    ABORTION = "Abortion Related"
    AIRPORTS = "Airports & Aircraft"
    BUSINESS = "Business"
    GOVERNMENT = "Government (General)"
    EDUCATIONAL = "Educational Institution"
    FOOD_WATER = "Food or Water Supply"
    JOURNALISTS = "Journalists & Media"
    MARITIME = "Maritime"
    MILITARY = "Military"
    NGO = "NGO"
    OTHER = "Other"
    POLICE = "Police"
    PRIVATE = "Private Citizens & Property"
    RELIGIOUS = "Religious Figures/Institutions"
    TELECOM = "Telecommunication"
    TERRORISTS = "Terrorists/Non-State Militia"
    TOURISTS = "Tourists"
    TRANSPORTATION = "Transportation"
    UNKNOWN = "Unknown"
    UTILITIES = "Utilities"
    VIOLENT_PARTIES = "Violent Political Party"
    DIPLOMATIC = "Government (Diplomatic)"


class ClaimMode(StrEnum):
    LETTER = "Letter"
    CALL_POST = "Call (post-incident)"
    CALL_PRE = "Call (pre-incident)"
    EMAIL = "E-mail"
    NOTE = "Note left at scene"
    VIDEO = "Video"
    WEBSITE = "Posted to website, blog, etc."
    PERSONAL = "Personal claim"
    OTHER = "Other"
    UNKNOWN = "Unknown"


#: GTD attack type -> ACLED (event type, sub-event type) before the target and weapon refine
#: it (:func:`acled_event`). ACLED codes political violence by form, so several GTD types land
#: in one ACLED class; an attack on property alone is ACLED's property destruction.
ACLED_EVENT: dict[AttackType, tuple[str, str]] = {
    AttackType.ASSASSINATION: ("Violence against civilians", "Attack"),
    AttackType.ARMED_ASSAULT: ("Violence against civilians", "Attack"),
    AttackType.BOMBING: ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    AttackType.HIJACKING: ("Violence against civilians", "Abduction/forced disappearance"),
    AttackType.BARRICADE: ("Violence against civilians", "Abduction/forced disappearance"),
    AttackType.KIDNAPPING: ("Violence against civilians", "Abduction/forced disappearance"),
    AttackType.FACILITY: ("Strategic developments", "Looting/property destruction"),
    AttackType.UNARMED_ASSAULT: ("Violence against civilians", "Attack"),
    AttackType.UNKNOWN: ("Violence against civilians", "Attack"),
}

#: Targets that ACLED counts as an armed side: an armed attack on them is a battle, not
#: violence against civilians.
ACLED_ARMED_TARGETS: frozenset[str] = frozenset(
    {TargetType.MILITARY, TargetType.POLICE, TargetType.TERRORISTS}
)


def acled_event(
    attack_type: str | None, weapon_types: list[str], target_type: str | None, suicide: bool | None
) -> tuple[str, str]:
    """ACLED (event type, sub-event type) of an incident coded with GTD categories.

    A suicide bombing is ACLED's "Suicide bomb" and a chemical attack its "Chemical weapon";
    shootings and assaults on soldiers, police or militias are "Armed clash" battles, since
    ACLED keeps "Violence against civilians" for unarmed victims.
    """
    try:
        attack = AttackType(attack_type) if attack_type else AttackType.UNKNOWN
    except ValueError:
        attack = AttackType.UNKNOWN
    if WeaponType.CHEMICAL in weapon_types:
        return ("Explosions/Remote violence", "Chemical weapon")
    if attack == AttackType.BOMBING and suicide:
        return ("Explosions/Remote violence", "Suicide bomb")
    event = ACLED_EVENT[attack]
    armed_side = target_type in ACLED_ARMED_TARGETS
    if armed_side and attack in (AttackType.ARMED_ASSAULT, AttackType.ASSASSINATION, AttackType.UNKNOWN):
        return ("Battles", "Armed clash")
    return event


#: GTD attack type -> MUC-4 incident type (attack, bombing, kidnapping, arson, robbery,
#: forced work stoppage). Arson is a facility attack with an incendiary weapon: see
#: :func:`muc4_incident_type`.
MUC4_INCIDENT: dict[AttackType, str] = {
    AttackType.ASSASSINATION: "attack",
    AttackType.ARMED_ASSAULT: "attack",
    AttackType.BOMBING: "bombing",
    AttackType.HIJACKING: "kidnapping",
    AttackType.BARRICADE: "kidnapping",
    AttackType.KIDNAPPING: "kidnapping",
    AttackType.FACILITY: "attack",
    AttackType.UNARMED_ASSAULT: "attack",
    AttackType.UNKNOWN: "attack",
}


def muc4_incident_type(attack_type: str | None, weapon_types: list[str]) -> str:
    """The MUC-4 incident type for an incident coded with GTD categories."""
    if attack_type == AttackType.FACILITY and WeaponType.INCENDIARY in weapon_types:
        return "arson"
    if attack_type is None:
        return "attack"
    try:
        return MUC4_INCIDENT[AttackType(attack_type)]
    except ValueError:
        return "attack"


def gtd_weapon_label(weapon_type: str) -> str:
    try:
        return GTD_WEAPON_LABELS.get(WeaponType(weapon_type), weapon_type)
    except ValueError:
        return weapon_type
