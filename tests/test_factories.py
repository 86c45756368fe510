"""Every model of ours has a factory that builds a valid object."""

import pytest
from django.apps import apps

from tests import factories

OUR_APPS = ["accounts", "regions", "assessments", "findings"]
FACTORIES = {
    obj._meta.model: obj
    for obj in vars(factories).values()
    if isinstance(obj, type) and issubclass(obj, factories.factory.django.DjangoModelFactory) and obj._meta.model
}
MODELS = [
    model
    for app in OUR_APPS
    for model in apps.get_app_config(app).get_models()
    if not model.__name__.startswith("Historical")
]


def test_every_model_has_a_factory():
    missing = sorted(model.__name__ for model in MODELS if model not in FACTORIES)
    assert not missing, f"models without a factory in tests/factories.py: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_factory_builds_a_valid_object(model):
    obj = FACTORIES[model]()
    exclude = ["password"] if model.__name__ == "User" else []
    obj.full_clean(exclude=exclude, validate_unique=False)
    assert model.objects.filter(pk=obj.pk).exists()
