"""Demo data for `manage.py load_demo`."""


def demo_load(*, stdout=None) -> str:
    return "nog geen demogegevens"
