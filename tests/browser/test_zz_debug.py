import pytest
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

def test_a():
    from regions.models import Region, Subject
    from django.db import connection
    print("A", Region.objects.count(), Subject.objects.count(), len(getattr(connection, "_test_serialized_contents", "") or ""))

def test_b():
    from regions.models import Region, Subject
    from django.db import connection
    print("B", Region.objects.count(), Subject.objects.count(), len(getattr(connection, "_test_serialized_contents", "") or ""))
