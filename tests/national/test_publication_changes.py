"""A correction changes only what its change list says: the list is every difference between the stored documents,
shown in full on the dashboard, and correcting published 2009 never pulls in what the open 2013 round holds."""

from __future__ import annotations

import copy
import json

import pytest

from findings.models import FollowUp, Recommendation
from framework.models import Round, SuccessFactor
from national import publication
from national.models import PublishedPicture
from national.services import follow_up_save, picture_correct
from regions.models import Brigade, Region
from tests.national.sample_picture import sample_detail_picture, sample_picture


def differences(before, after, path=()):
    """Every leaf that differs between two documents, by path: the test's own walk, not the application's."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [d for key in {*before, *after} for d in differences(before.get(key), after.get(key), (*path, key))]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [d for i, (x, y) in enumerate(zip(before, after, strict=True)) for d in differences(x, y, (*path, i))]
    return [] if before == after else [path]


@pytest.fixture
def round_2009(demo_data, db) -> Round:
    return Round.objects.get(code="icms-2009")


@pytest.mark.django_db
def test_correcting_a_2009_deelconclusie_changes_only_it_while_2013_follows_up_2009s_recommendations(
        round_2009, inspector):
    # The open 2013 round follows up a 2009 recommendation after 2009 was published.
    recommendation = Recommendation.objects.filter(round=round_2009, status="accepted").first()
    follow_up_save(recommendation=recommendation, round=Round.objects.get(code="icms-2013"), status="opgevolgd",
                   explanation="Opvolging vastgesteld in de eindmeting, na publicatie van 2009.", by=inspector)
    assert FollowUp.objects.filter(recommendation__round=round_2009, round__code="icms-2013").count() > 1
    first = PublishedPicture.objects.get(round=round_2009, version=1)
    old_text = first.document["success_factors"]["3.4.1"]["deelconclusie"]

    corrected = picture_correct(round=round_2009, by=inspector, reason="Tikfout in de deelconclusie.",
                                success_factor=SuccessFactor.objects.get(code="3.4.1"), text="Herziene deelconclusie.")

    for audience in ("detail", "national"):
        before, after = (publication.stored_document(p, audience) for p in (first, corrected))
        assert differences(before, after) == [("success_factors", "3.4.1", "deelconclusie")], audience
        assert "na publicatie van 2009" not in json.dumps(after, ensure_ascii=False)
        latest = publication.versions(round_2009, audience)[0]
        assert latest["changes"] == [f"3.4.1 deelconclusie: “{old_text}” → “Herziene deelconclusie.”"]


@pytest.mark.django_db
def test_a_correction_lists_whatever_else_changed_since_publication_in_full(round_2009, inspector, client_for,
                                                                           ministry):
    # A region moved to another brigade since 2009 was published: the re-snapshot counts it under its new
    # brigade, and the change list says so instead of mentioning the deelconclusie only.
    region = Region.objects.filter(subject__findings__round=round_2009).distinct().order_by("code").first()
    region.brigade = Brigade.objects.exclude(pk=region.brigade_id).order_by("number").first()
    region.save()
    picture_correct(round=round_2009, by=inspector, reason="Deelconclusie aangevuld.",
                    success_factor=SuccessFactor.objects.get(code="3.4.1"), text="Aangevulde deelconclusie.")
    for user, audience in ((inspector, "detail"), (ministry, "national")):
        changes = publication.versions(round_2009, audience)[0]["changes"]
        assert any(change.startswith("3.4.1 deelconclusie: ") for change in changes)
        assert any(" by_brigade › " in change for change in changes), changes
        html = client_for(user).get("/national/icms-2009/").content.decode()
        assert "Aangevulde deelconclusie.”" in html
        for change in changes:
            assert change.replace("“", "&ldquo;") in html or change in html.replace("&quot;", '"').replace("&#x27;", "'")
    ministry_changes = " ".join(publication.versions(round_2009, "national")[0]["changes"])
    assert region.code not in ministry_changes and region.name not in ministry_changes


def test_the_change_list_names_every_key_that_differs():
    before = sample_detail_picture()
    after = copy.deepcopy(before)
    after["title"] = "Landelijk beeld eindmeting 2013 (herzien)"
    after["success_factors"]["3.4.1"]["reason"] = "Zo besloten."
    after["recommendations"][0]["text"] = "Een andere aanbeveling."
    after["follow_up"]["by_status"]["opgevolgd"] = 6
    after["subjects"]["VR13"]["judgments"]["3.2.1"] = "voldoet_niet"
    after["indicators"]["2.1.4"]["by_brigade"]["43"]["brigade"] = 7
    after["something_new"] = 1
    after["published"] = {"sha256": "0" * 64}  # the fingerprint is not part of the stored document
    changes = publication.document_changes(before, after)
    assert changes == [
        "title: “Landelijk beeld eindmeting 2013” → “Landelijk beeld eindmeting 2013 (herzien)”",
        "Vraag 2.1.4 › by_brigade › 43 › brigade: 6 → 7",
        f"3.4.1 › reason: {publication._text(before['success_factors']['3.4.1'].get('reason'))} → “Zo besloten.”",
        "follow_up › by_status › opgevolgd: 5 → 6",
        f"Aanbeveling 1 › text: “{before['recommendations'][0]['text']}” → “Een andere aanbeveling.”",
        "VR13 › judgments › 3.2.1: “voldoet” → “voldoet_niet”",
        "something_new: — → 1",
    ]


def test_the_ministrys_change_list_of_its_own_documents_names_no_region():
    before, after = sample_picture(), sample_picture()
    after["success_factors"]["3.4.1"]["counts"] = {"voldoet": 20, "voldoet_gedeeltelijk": 5}
    changes = publication.document_changes(before, after)
    assert changes and all("VR" not in change for change in changes)
