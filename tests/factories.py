"""Factories for every model. Reference data (regions, brigades, framework, rounds) comes from the
data migrations, so factories look it up rather than inventing it."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from accounts.models import EventLog, ExternalIdentity, Notification, NotificationKind, Role, User
from assessments.models import (
    Answer,
    Assessment,
    Choice,
    Evidence,
    Question,
    QuestionKind,
    Questionnaire,
    Signature,
    Transition,
)
from findings.models import (
    Citation,
    DraftRule,
    Finding,
    FollowUp,
    InterviewReport,
    NationalConclusion,
    Recommendation,
    Reminder,
    ReportAttachment,
    Verification,
    VerificationItem,
    VerificationResponse,
)
from framework.models import Criterion, Framework, Round, SuccessFactor, Theme
from regions.models import Brigade, Membership, Region, Subject


class EventLogFactory(factory.django.DjangoModelFactory):
    """An entry as the application writes it: through event_record, chained to the one before."""

    class Meta:
        model = EventLog

    action = "login"
    result = "ok"
    actor_name = "ovr.vr13"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from accounts.services import event_record

        return event_record(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    role = Role.INSPECTOR
    password = factory.PostGenerationMethodCall("set_password", "demo")

    # The scope as the tests name it (regions=[...], brigade=..., directorate=...), kept as memberships in the
    # user's role.
    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            for party in extracted:
                _membership(self, party if isinstance(party, Subject) else party.subject)

    @factory.post_generation
    def brigade(self, create, extracted, **kwargs):
        if create and extracted:
            _membership(self, extracted if isinstance(extracted, Subject) else extracted.subject)

    @factory.post_generation
    def directorate(self, create, extracted, **kwargs):
        if create and extracted:
            _membership(self, extracted)
        if create:
            self.save()


def parties(user: User) -> list[str]:
    """The codes of the parties `user` is a member of, in their role, in the order of every overview."""
    return list(Membership.objects.filter(user=user, role=user.role).values_list("subject__code", flat=True))


def _membership(user: User, subject: Subject) -> Membership:
    return Membership.objects.get_or_create(user=user, subject=subject, defaults={"role": user.role})[0]


def region(code: str = "VR13") -> Region:
    return Region.objects.get(code=code)


def brigade(number: int = 11) -> Brigade:
    return Brigade.objects.get(number=number)


def subject(code: str = "VR13") -> Subject:
    """The audited party `code` (VR13, B11, DOPS) from the reference data."""
    return Subject.objects.get(code=code)


class SubjectFactory(factory.django.DjangoModelFactory):
    """A Defence directorate (regions and brigades have their subject from the reference data)."""

    class Meta:
        model = Subject
        django_get_or_create = ["code"]

    kind = "directorate"
    code = "DOPS"
    name = factory.LazyAttribute(lambda s: f"Directie {s.code}")


class BrigadeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brigade
        django_get_or_create = ["number"]

    number = 11
    name = factory.LazyAttribute(lambda b: f"{b.number} Brigade")
    garrison = "Testgarnizoen"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "VR13"
    name = factory.LazyAttribute(lambda r: f"Regio {r.code}")
    province = "Testprovincie"
    brigade = factory.LazyFunction(lambda: Brigade.objects.get(number=11))


class FrameworkFactory(factory.django.DjangoModelFactory):
    """The audit framework; by default the one the migrations load (its rows already exist)."""

    class Meta:
        model = Framework
        django_get_or_create = ["code"]

    code = "icms"
    name = "Intensivering Civiel-Militaire Samenwerking"
    name_en = "Intensification of Civil-Military Cooperation"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["framework", "number"]

    framework = factory.SubFactory(FrameworkFactory)
    number = 1
    name = "Wederzijdse bekendheid"
    name_en = "Mutual familiarity"


class SuccessFactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuccessFactor
        django_get_or_create = ["framework", "code"]

    framework = factory.SubFactory(FrameworkFactory)
    code = "3.1.1"
    theme = factory.SubFactory(ThemeFactory, framework=factory.SelfAttribute("..framework"))
    name = "Kennen en gekend worden"
    name_en = "Knowing and being known"


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    success_factor = factory.SubFactory(SuccessFactorFactory)
    framework = factory.SelfAttribute("success_factor.framework")
    code = factory.Sequence(lambda n: f"3.1.1-t{n}")
    section = "3.1.1"
    text = "Er zijn vaste aanspreekpunten aan civiele en militaire kant."
    text_en = "There are fixed points of contact on the civil and the military side."


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round
        django_get_or_create = ["framework", "year"]

    framework = factory.SubFactory(FrameworkFactory)
    year = 2013
    kind = "eindmeting"
    status = "open"


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    """A small questionnaire of its own (version 99), independent of the loaded definitions."""

    class Meta:
        model = Questionnaire

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    audience = "region"
    version = factory.Sequence(lambda n: 100 + n)
    title = "Testvragenlijst"
    content_hash = factory.Sequence(lambda n: f"hash{n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    code = factory.Sequence(lambda n: f"question_{n}")
    success_factor = factory.LazyFunction(lambda: SuccessFactor.objects.get(code="3.1.1"))
    kind = QuestionKind.YES_NO
    text = factory.Sequence(lambda n: f"Testvraag {n}?")
    order = factory.Sequence(lambda n: n)
    norm = ["ja"]


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=QuestionKind.SINGLE_CHOICE, norm=None)
    code = factory.Sequence(lambda n: f"choice_{n}")
    label = factory.Sequence(lambda n: f"Keuze {n}")
    order = factory.Sequence(lambda n: n)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    questionnaire = factory.LazyAttribute(
        lambda a: Questionnaire.objects.latest_for(a.round, a.subject.kind)
        or QuestionnaireFactory(round=a.round, audience=a.subject.kind)
    )
    subject = factory.LazyFunction(lambda: Subject.objects.get(code="VR13"))


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    assessment = factory.SubFactory(AssessmentFactory)
    question = factory.LazyAttribute(lambda a: a.assessment.questionnaire.questions.first())
    value = "ja"


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signature

    assessment = factory.SubFactory(AssessmentFactory)
    user = factory.SubFactory(UserFactory, role=Role.OVR)
    role = factory.LazyAttribute(lambda s: s.user.role)


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition

    assessment = factory.SubFactory(AssessmentFactory)
    from_status = "draft"
    to_status = "submitted"
    by = factory.SubFactory(UserFactory, role=Role.OVR)


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    assessment = factory.SubFactory(AssessmentFactory)
    file = factory.django.FileField(filename="verslag.pdf", data=b"%PDF-1.4\n%test\n")
    original_name = "verslag.pdf"
    content_type = "application/pdf"
    size = 16
    uploaded_by = factory.SubFactory(UserFactory, role=Role.OVR)


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    subject = factory.LazyFunction(lambda: Subject.objects.get(code="VR13"))
    success_factor = factory.LazyFunction(lambda: SuccessFactor.objects.get(code="3.1.1"))
    text = "De OVR is twee dagen per week aanwezig."
    judgment = "voldoet"


class InterviewReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewReport

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    subject = factory.LazyFunction(lambda: Subject.objects.get(code="VR13"))
    held_on = datetime.date(2013, 3, 14)
    participants = "OVR, contactpersoon, twee inspecteurs"
    text = "Verslag van het gesprek."


class VerificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verification

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    subject = factory.LazyFunction(lambda: Subject.objects.get(code="VR13"))


class VerificationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerificationItem

    verification = factory.SubFactory(VerificationFactory)
    finding = factory.SubFactory(FindingFactory)
    sent_text = factory.LazyAttribute(lambda i: i.finding.text)
    sent_judgment = factory.LazyAttribute(lambda i: i.finding.judgment)
    sent_at = factory.LazyFunction(timezone.now)


class VerificationResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerificationResponse

    item = factory.SubFactory(VerificationItemFactory)
    respondent = factory.SubFactory(UserFactory, role=Role.OVR)
    kind = "agree"


class NationalConclusionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalConclusion

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    success_factor = factory.LazyFunction(lambda: SuccessFactor.objects.get(code="3.1.1"))
    text = "In alle regio's is een OVR beschikbaar."
    judgment = "voldoet"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    finding = factory.SubFactory(FindingFactory)
    answer = factory.SubFactory(AnswerFactory)
    created_by = factory.SubFactory(UserFactory)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    text = "Betrek Defensie tijdig bij grootschalige incidenten."
    addressee = "besturen_veiligheidsregios"

    @factory.post_generation
    def success_factors(self, create, extracted, **kwargs):
        if create:
            self.success_factors.set(extracted or SuccessFactor.objects.filter(code="3.2.2"))


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    recommendation = factory.SubFactory(RecommendationFactory, round=factory.LazyFunction(lambda: Round.objects.get(year=2009)))
    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    status = "opgevolgd"
    explanation = "Uitgevoerd."


class DraftRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DraftRule

    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    success_factor = factory.LazyFunction(lambda: SuccessFactor.objects.get(code="3.4.1"))
    min_regions = 5
    addressee = "minister_venj"
    text_template = "Veranker de positie van Defensie in de hoofdstructuur."


class ReportAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportAttachment

    report = factory.SubFactory(InterviewReportFactory)
    file = factory.django.FileField(filename="bijlage.pdf", data=b"%PDF-1.4\n%test\n")
    original_name = "bijlage.pdf"
    content_type = "application/pdf"
    size = 16
    uploaded_by = factory.SubFactory(UserFactory)


class ReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reminder

    user = factory.SubFactory(UserFactory, role=Role.OVR)
    round = factory.LazyFunction(lambda: Round.objects.get(year=2013))
    sent_on = factory.LazyFunction(lambda: timezone.localdate())
    summary = "1 onderdeel te verifiëren"


class MembershipFactory(factory.django.DjangoModelFactory):
    """An OVR's membership of VR13."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, role=Role.OVR)
    subject = factory.LazyFunction(lambda: subject("VR13"))
    role = Role.OVR


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory, role=Role.OVR)
    kind = factory.LazyFunction(lambda: NotificationKind.values[0])
    text = "De bevindingen van VR13 liggen ter verificatie bij u."
    url = "/findings/icms-2013/VR13/"


class ExternalIdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalIdentity

    user = factory.SubFactory(UserFactory, role=Role.INSPECTOR)
    issuer = "https://idp.example.nl/realms/rijk"
    subject = factory.Sequence(lambda n: f"sub-{n}")
