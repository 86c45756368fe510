"""A national picture of 2013 in the shape of `national.picture.Picture`, with the report's figures: the files
are tested against it without the database computing it."""

from __future__ import annotations

import copy

PIKET_SENTENCE = (
    "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in 19 per brigade."
)
BRIGADES = {"43": "43 Gemechaniseerde Brigade", "11": "11 Luchtmobiele Brigade", "13": "13 Gemechaniseerde Brigade"}

_PICTURE = {
    "round": 2013,
    "round_code": "icms-2013",
    "status": "voorlopig",
    "regions": 25,
    "title": "Landelijk beeld eindmeting 2013",
    "previous_round": 2009,
    "reconstructed": False,
    "brigades": BRIGADES,
    "themes": [
        {"number": 2, "name": "Defensie in de civiele planvorming", "success_factors": ["3.2.1"]},
        {"number": 4, "name": "Operationele inzet", "success_factors": ["3.4.1", "3.4.2"]},
    ],
    "indicators": {
        "2.1.4": {
            "question": "Hoe is het piket van de OVR geregeld?",
            "code": "2.1.4",
            "success_factor": "3.2.1",
            "kind": "single_choice",
            "labels": {"eigen_regio": "binnen de eigen regio", "brigade": "per brigade"},
            "answered": 25,
            "counts": {"eigen_regio": 6, "brigade": 19},
            "by_brigade": {"43": {"eigen_regio": 2, "brigade": 6}, "11": {"eigen_regio": 3, "brigade": 5},
                           "13": {"eigen_regio": 1, "brigade": 8}},
            "sentence": PIKET_SENTENCE,
            "previous": {"round": 2009, "answered": 25, "counts": {"eigen_regio": 9, "brigade": 16}, "relation": "same",
                         "change": {"eigen_regio": -3, "brigade": 3},
                         "sentence": "In 9 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen "
                                     "regio; in 16 per brigade."},
        },
        "2.1.7": {
            "question": "Heeft Defensie een structurele plaats in het GBT of RBT?",
            "code": "2.1.7",
            "success_factor": "3.2.1",
            "kind": "yes_no",
            "labels": {"ja": "ja", "nee": "nee"},
            "answered": 25,
            "counts": {"ja": 3, "nee": 22},
            "by_brigade": {"43": {"ja": 1, "nee": 7}, "11": {"ja": 2, "nee": 6}, "13": {"ja": 0, "nee": 9}},
            "sentence": "In 3 van de 25 veiligheidsregio's heeft Defensie een structurele plaats in het GBT of RBT.",
            "previous": None,
        },
        "4.2.1": {
            "question": "Beschikt de OVR over een tabblad Defensie in LCMS?",
            "code": "4.2.1",
            "success_factor": "3.4.2",
            "kind": "yes_no",
            "labels": {"ja": "ja", "nee": "nee"},
            "answered": 25,
            "counts": {"ja": 2, "nee": 23},
            "by_brigade": {"43": {"ja": 0, "nee": 8}, "11": {"ja": 2, "nee": 6}, "13": {"ja": 0, "nee": 9}},
            "sentence": "In 2 van de 25 veiligheidsregio's heeft LCMS een tabblad Defensie.",
            "previous": None,
        },
    },
    "success_factors": {
        "3.2.1": {
            "name": "Defensie heeft een plaats in civiele plannen en processen",
            "theme": 2, "subject_kind": "region",
            "national_judgment": "voldoet", "proposed_judgment": "voldoet",
            "rule": "voldoet wanneer ten minste 20 van de 25 regio's voldoen",
            "reason": "",
            "deelconclusie": "Alle veiligheidsregio's betrekken Defensie bij de planvorming.",
            "counts": {"voldoet": 22, "voldoet_gedeeltelijk": 3, "voldoet_niet": 0, "niet_beoordeeld": 0},
            "by_brigade": {"43": {"voldoet": 7, "voldoet_gedeeltelijk": 1}, "11": {"voldoet": 7, "voldoet_gedeeltelijk": 1},
                           "13": {"voldoet": 8, "voldoet_gedeeltelijk": 1}},
            "previous_counts": {"voldoet": 15, "voldoet_gedeeltelijk": 10, "voldoet_niet": 0, "niet_beoordeeld": 0},
            "indicators": ["2.1.4", "2.1.7"],
        },
        "3.4.1": {
            "name": "Operationele aansturing onder eenhoofdige leiding",
            "theme": 4, "subject_kind": "region",
            "national_judgment": "voldoet_gedeeltelijk", "proposed_judgment": "voldoet_gedeeltelijk",
            "rule": "voldoet wanneer ten minste 20 van de 25 regio's voldoen",
            "reason": "",
            "deelconclusie": "De positie van Defensie in de crisisstructuur is nog niet overal geborgd.",
            "counts": {"voldoet": 3, "voldoet_gedeeltelijk": 22, "voldoet_niet": 0, "niet_beoordeeld": 0},
            "by_brigade": {"43": {"voldoet": 1, "voldoet_gedeeltelijk": 7}, "11": {"voldoet": 2, "voldoet_gedeeltelijk": 6},
                           "13": {"voldoet_gedeeltelijk": 9}},
            "previous_counts": None,
            "indicators": [],
        },
        "3.4.2": {
            "name": "Interoperabiliteit van communicatiemiddelen",
            "theme": 4, "subject_kind": "region",
            "national_judgment": "voldoet", "proposed_judgment": "voldoet_gedeeltelijk",
            "rule": "voldoet wanneer ten minste 20 van de 25 regio's voldoen",
            "reason": "De communicatiemiddelen zijn overal beschikbaar; het gebruik groeit.",
            "deelconclusie": "De communicatie tussen OVR en veiligheidsregio is gewaarborgd.",
            "counts": {"voldoet": 4, "voldoet_gedeeltelijk": 21, "voldoet_niet": 0, "niet_beoordeeld": 0},
            "by_brigade": {"43": {"voldoet": 1, "voldoet_gedeeltelijk": 7}, "11": {"voldoet": 2, "voldoet_gedeeltelijk": 6},
                           "13": {"voldoet": 1, "voldoet_gedeeltelijk": 8}},
            "previous_counts": None,
            "indicators": ["4.2.1"],
        },
    },
    "overall_conclusion": "De civiel-militaire samenwerking is sinds 2009 verbeterd.\n\nDefensie is een vaste crisispartner.",
    "follow_up": {"round": 2009, "by_status": {"opgevolgd": 5, "gedeeltelijk_opgevolgd": 2},
                  "by_addressee": {"defensie": {"opgevolgd": 3}, "minister_venj": {"opgevolgd": 2, "gedeeltelijk_opgevolgd": 2}}},
    "recommendations": [
        {"round": 2009, "text": "Stem de oefenkalenders van Defensie en de veiligheidsregio's af.",
         "addressee": "defensie", "success_factors": ["3.5.1"], "status": "accepted",
         "follow_up": {"round": 2013, "status": "gedeeltelijk_opgevolgd",
                       "explanation": "In 10 regio's zijn de kalenders nog niet afgestemd."}},
        {"round": 2013, "text": "Geef Defensie een structurele plaats in het GBT en RBT.",
         "addressee": "besturen_veiligheidsregios", "success_factors": ["3.2.1"], "status": "accepted", "follow_up": None},
    ],
    "published": None,
}


def sample_picture(**changes) -> dict:
    """A fresh copy of the sample (the ministry's: no region named), with `changes` applied on top."""
    picture = copy.deepcopy(_PICTURE)
    picture.update(changes)
    picture["round_code"] = changes.get("round_code", f"icms-{picture['round']}")
    return picture


def sample_detail_picture(**changes) -> dict:
    """The inspectors' document: with the subjects (regions named)."""
    subjects = {"VR13": {"name": "Amsterdam-Amstelland", "brigade": "11", "judgments": {"3.2.1": "voldoet"}, "answers": {}}}
    return sample_picture(subjects=subjects, **changes)
