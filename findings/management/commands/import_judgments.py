from assessments.commands import ImportCommand
from findings.exchange import JUDGMENTS


class Command(ImportCommand):
    importer = JUDGMENTS
