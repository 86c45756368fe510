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


def brigade_paths_moved(mount: str) -> list:
    """The URL patterns that send the brigade addresses of earlier versions (`<mount><year>/brigades/<n>/…`)
    permanently to the brigade's code (`<mount><year>/B<n>/…`)."""
    from django.urls import path
    from django.views.generic.base import RedirectView

    return [
        path(
            "<int:year>/brigades/<int:number>/",
            RedirectView.as_view(url=f"{mount}%(year)s/B%(number)s/", permanent=True, query_string=True),
            name="brigade_moved_root",
        ),
        path(
            "<int:year>/brigades/<int:number>/<path:rest>",
            RedirectView.as_view(url=f"{mount}%(year)s/B%(number)s/%(rest)s", permanent=True, query_string=True),
            name="brigade_moved",
        ),
    ]
