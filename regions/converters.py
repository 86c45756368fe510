"""The URL converter for an audited party: `<subject:code>` matches VR13, B11 or DOPS (also in lower case)."""

from django.urls import register_converter


class SubjectCodeConverter:
    regex = r"(?:[Vv][Rr][0-9]{2,3}|[Bb][0-9]{2}|[A-Z]{2,8})"

    def to_python(self, value: str) -> str:
        return value.upper()

    def to_url(self, value) -> str:
        return getattr(value, "code", value)


# Imported by every urls module that names a subject; a module is imported once, so this runs once.
register_converter(SubjectCodeConverter, "subject")
