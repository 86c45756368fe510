"""No code path names the ICMS audit: its factor codes, years and counts live in its package
(framework/packages/icms), the demo and the tests, never in the application's code or templates, so a second
audit (or a next round with another framework) needs no change of code."""

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["accounts", "assessments", "cmsaudit", "core", "findings", "framework", "national", "people", "regions"]
# Demo data and its loaders, migrations (the history of existing databases) and the packages themselves.
EXEMPT = re.compile(r"(/migrations/|/packages/|/demo/|(^|/)demo[a-z_]*\.py$|_demo\.py$|/load_demo\.py$)")

FACTOR = re.compile(r"\b3\.[1-6]\.[1-3]\b|\b3\.3\.x\b")
YEAR = re.compile(r"\b(2006|2009|2013)\b")
COUNT = re.compile(r"\b25\s+(veiligheids)?regio|\b3\s+brigade|\bICMS\b|\bicms\b", re.IGNORECASE)
NUMBERS = {"2006", "2009", "2013", "25"}
# Numbers that are not the audit's: the SMTP port.
ALLOWED_NUMBERS = {("cmsaudit/env.py", "25")}


def python_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not EXEMPT.search(relative):
                yield relative, path


def code_tokens(path: Path):
    """Strings and numbers of the code, without comments and docstrings."""
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    previous = tokenize.NEWLINE
    for token in tokens:
        if token.type == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                                                           tokenize.NL):
            previous = token.type  # a docstring (or a bare string statement)
            continue
        if token.type in (tokenize.STRING, tokenize.NUMBER):
            yield token
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type


def test_no_python_code_names_the_icms_audit():
    found = []
    for relative, path in python_files():
        for token in code_tokens(path):
            text = token.string
            if token.type == tokenize.NUMBER:
                if text in NUMBERS and (relative, text) not in ALLOWED_NUMBERS:
                    found.append(f"{relative}:{token.start[0]}: {text}")
            elif FACTOR.search(text) or YEAR.search(text) or COUNT.search(text):
                found.append(f"{relative}:{token.start[0]}: {text[:80]}")
    assert not found, "ICMS facts in code:\n" + "\n".join(found)


def test_no_template_names_the_icms_audit():
    found = []
    for path in sorted((ROOT / "templates").rglob("*")):
        if not path.is_file() or EXEMPT.search(path.relative_to(ROOT).as_posix()):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            without_comments = re.sub(r"\{#.*?#\}", "", line)
            if FACTOR.search(without_comments) or YEAR.search(without_comments) or COUNT.search(without_comments):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "ICMS facts in templates:\n" + "\n".join(found)


def test_the_scan_finds_a_factor_code_where_there_is_one(tmp_path):
    """The scanner itself: a string with a factor code is found, the same in a comment or docstring is not."""
    path = tmp_path / "example.py"
    path.write_text('"""About 3.1.1."""\n# 3.1.1 here\nCODE = "3.3.1"\nYEAR = 2013\n', encoding="utf-8")
    strings = [token.string for token in code_tokens(path)]
    assert strings == ['"3.3.1"', "2013"]
