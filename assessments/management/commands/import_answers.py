from assessments.commands import ImportCommand
from assessments.exchange import ANSWERS


class Command(ImportCommand):
    importer = ANSWERS
