"""Every URL pattern × every role → the expected status, and whether the request changed the database
(see tests/access/rules.py)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.access
from tests.access.rules import LOGIN, ROLES, changed_tables, db_fingerprint

# Patterns that are not ours to rule on: Django's admin has its own staff check.
IGNORED_NAMESPACES = {"admin"}


def url_names(patterns=None, prefix: str = "") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            if namespace in IGNORED_NAMESPACES:
                continue
            names |= url_names(pattern.url_patterns, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


def all_rules() -> dict:
    rules: dict = {}
    for module_info in pkgutil.iter_modules(tests.access.__path__):
        if module_info.name in ("rules", "test_matrix"):
            continue
        module = importlib.import_module(f"tests.access.{module_info.name}")
        for name, cases in getattr(module, "RULES", {}).items():
            assert name not in rules, f"{name} has rules in two modules"
            rules[name] = cases
    return rules


RULES = all_rules()


def test_every_url_pattern_has_an_access_rule():
    missing = sorted(url_names() - set(RULES))
    assert not missing, f"URL patterns without an access rule in tests/access/: {missing}"


def test_no_rule_names_a_url_that_does_not_exist():
    assert not sorted(set(RULES) - url_names())


def test_every_write_rule_has_a_case_that_writes():
    """A POST rule whose every case leaves the database alone cannot tell a refused write from an accepted one."""
    # No application data; the old addresses only redirect; a package upload's first step only checks and summarises
    # (frameworks:confirm writes).
    exempt = {"logout", "set_language", "frameworks:list"}
    silent = sorted(
        name for name, cases in RULES.items()
        if name not in exempt and "_moved" not in name and any(c.method == "post" for c in cases) and not any(c.changes for c in cases)
    )
    assert not silent, f"POST rules without a case that changes the database: {silent}"


CASES = [
    pytest.param(name, index, role, id=f"{name}[{case.label or index}]-{role}")
    for name, cases in sorted(RULES.items())
    for index, case in enumerate(cases)
    for role in ROLES
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "index", "role"), CASES)
def test_access(name, index, role, client, request):
    case = RULES[name][index]
    context = dict(case.kwargs)
    if case.setup:
        context.update(case.setup() or {})
    kwargs = {key: value for key, value in context.items() if not key.startswith("_")}
    data = case.data(context) if callable(case.data) else case.data
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    url = reverse(name, kwargs=kwargs) + case.query
    before = db_fingerprint()
    response = getattr(client, case.method)(url, data=data or {})
    changed = changed_tables(before, db_fingerprint())
    expected = case.expect[role]
    if expected == LOGIN:
        assert response.status_code == 302, f"{role} on {url}: {response.status_code}"
        assert response["Location"].startswith(reverse("login")), response["Location"]
    else:
        assert response.status_code == expected, f"{role} on {url}: {response.status_code}"
    if role in case.changes:
        assert changed, f"{role} on {url}: the write was expected to change the database but changed nothing"
    else:
        assert not changed, f"{role} on {url}: {case.method.upper()} changed {changed}"
