"""The national picture of a round as ONE document: what the dashboard, the factor pages, the files (PDF,
DOCX, XLSX, CSV), the JSON API and `manage.py national_picture` all show. Everything in it is computed from
the answers and the judgments, except the texts of conclusions and recommendations.

CONTRACT (the pages, the files and the API are built against these shapes; keep them stable):

- `picture_for(round, *, user) -> Picture`: the document as `user` may see it. For a viewer who may not see
  single subjects (the ministry: `regions.policy.Action.SUBJECT_DETAIL`), the document holds no region code or
  region name anywhere (no "regions" key, no region lists in recommendations).
- `Picture` extends the JSON of `GET /api/national/<year>/` (issue 8): the keys "round", "status", "regions",
  "indicators", "success_factors", "recommendations", "published" are the API's, with exactly the shapes the
  issue gives; the other keys serve the pages and files and are also in the API document.

Values are in the answer exchange format ("ja"/"nee", choice codes); number questions are counted in the bands
their definition names. Sentences are rendered in the active language.
"""

from __future__ import annotations

from typing import TypedDict


class Counts(TypedDict, total=False):
    """Value (or band, or judgment) -> number of subjects."""


class PreviousIndicator(TypedDict):
    round: int
    answered: int
    counts: dict[str, int]
    relation: str  # lineage of the question: "same", "reworded", "split", "merged"
    sentence: str


class Indicator(TypedDict):
    question: str  # the question text (active language)
    code: str
    success_factor: str  # "3.2.1"
    kind: str  # yes_no, single_choice, multiple_choice, number
    labels: dict[str, str]  # value/band -> label (active language)
    answered: int
    counts: dict[str, int]
    by_brigade: dict[str, dict[str, int]]  # "43" / "11" / "13" -> counts
    sentence: str  # "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in 19 per brigade."
    previous: PreviousIndicator | None


class FactorPicture(TypedDict):
    name: str
    theme: int
    subject_kind: str  # "region" or "brigade": whose judgments are counted
    national_judgment: str | None
    proposed_judgment: str | None
    rule: str  # the rule that proposes, in words ("voldoet wanneer ten minste 20 van de 25 regio's voldoen; …")
    reason: str  # why the national judgment differs from the proposal ("" when it does not)
    deelconclusie: str
    counts: dict[str, int]  # judgment -> number of regions (or brigades)
    by_brigade: dict[str, dict[str, int]]
    previous_counts: dict[str, int] | None
    indicators: list[str]  # question codes of this factor's indicators, in questionnaire order


class Theme(TypedDict):
    number: int
    name: str
    success_factors: list[str]


class FollowUpSummary(TypedDict):
    round: int  # the round whose recommendations were followed up in this one
    by_status: dict[str, int]
    by_addressee: dict[str, dict[str, int]]


class Published(TypedDict):
    at: str
    sha256: str
    version: int


class Picture(TypedDict):
    round: int
    status: str  # "voorlopig" | "gepubliceerd"
    regions: int  # the number of regions counted (25)
    indicators: dict[str, Indicator]
    success_factors: dict[str, FactorPicture]
    recommendations: list[dict]
    published: Published | None
    # Beyond the API's keys:
    title: str  # "Landelijk beeld eindmeting 2013"
    previous_round: int | None
    reconstructed: bool  # the round's questionnaire is a reconstruction (say so on screen and in files)
    themes: list[Theme]
    overall_conclusion: str
    follow_up: FollowUpSummary | None
    brigades: dict[str, str]  # "43" -> "43 Gemechaniseerde Brigade"
    # Only for viewers who may see single subjects (inspectors): per region code, its name, brigade,
    # judgment per factor and answer per indicator.
    subjects: dict[str, dict]
