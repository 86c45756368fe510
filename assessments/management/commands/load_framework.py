from django.core.management.base import BaseCommand, CommandError

from assessments.packages import PackageError, package_load, package_plan, package_read


class Command(BaseCommand):
    help = (
        "Laadt een toetsingskader als pakket (een map of zip met framework.yaml en questionnaires/*.yaml): eerst "
        "wordt het hele pakket gecontroleerd, daarna alles of niets. Een ongewijzigd pakket verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", help="map of zip-bestand van het pakket")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren en tonen wat er zou veranderen")

    def handle(self, *args, package: str, dry_run: bool = False, **options):
        try:
            read = package_read(package)
            plan = package_plan(read) if dry_run else package_load(read)
        except PackageError as error:
            raise CommandError(
                f"Het pakket is niet geladen ({len(error.errors)} fout(en)):\n" + "\n".join(f"- {e}" for e in error.errors)
            ) from None
        if plan.unchanged:
            self.stdout.write(f"Toetsingskader {plan.framework}: ongewijzigd, niets geladen.")
            return
        heading = "zou laden" if dry_run else "geladen"
        self.stdout.write(f"Toetsingskader {plan.framework} {heading}:")
        for line in plan.changes:
            self.stdout.write(f"- {line}")
