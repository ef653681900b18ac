"""YAML parser errors explained for editors: where to look and how to fix it."""

import re

import yaml

# Hints for the syntax errors editors make most, keyed by a piece of the parser's message.
HINTS = {
    "tab character": "indent with spaces, not tabs",
    "mapping values are not allowed": "a colon followed by a space inside text: put the text in quotes, or fix the indentation",
    "did not find expected key": "check the indentation of this line against the lines above",
    "did not find expected ',' or": "a list or mapping in [ ] or { } is not closed; text that starts with [ or { must be in quotes",
    "unknown escape character": "inside double quotes a backslash starts an escape: write \\\\ or use single quotes",
    "another document": "the guide must be one YAML document: remove the `---` line",
    "cannot start any token": "text that starts with @, ` or % must be in quotes",
}
KEY_LINE = re.compile(r"^\s*(- )?[A-Za-z_][\w-]*:(\s|$)")
MAX_TOKENS = 3_000_000  # the search for a lost quote gives up on runaway files
Scanner = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def error_summary(error: Exception) -> str:
    """The first line of what went wrong."""
    text = getattr(error, "problem", None) or str(error)
    return text.splitlines()[0] if text else type(error).__name__


def _within(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """A position moved onto the file's last line if the parser reports one past the end."""
    return (line, column) if line <= len(lines) else (len(lines), len(lines[-1]) + 1)


def _lost_quote_before(text: str, lines: list[str], line: int) -> tuple[int, int] | None:
    """Start of the last quoted text before the error whose later lines look like `key:` lines:
    the usual sign of a missing closing quote, which the parser only notices further on."""
    loader, suspect = Scanner(text), None
    try:
        for _ in range(MAX_TOKENS):
            if not loader.check_token():
                break
            token = loader.get_token()
            start, end = token.start_mark.line, token.end_mark.line
            if start + 1 >= line:
                break
            if getattr(token, "style", None) in ('"', "'") and end > start \
                    and any(KEY_LINE.match(text_line) for text_line in lines[start + 1:end + 1]):
                suspect = (start + 1, token.start_mark.column + 1)
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return suspect


def explain(error: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and message for a parser error, with a hint on how to fix it."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context, problem = getattr(error, "context", None) or "", error_summary(error)
    if "quoted scalar" in context and "end of stream" in problem:
        # The end of the file is the useless place; the opening quote is where to look.
        start = error.context_mark
        return start.line + 1, start.column + 1, "YAML syntax error: this quoted text is never closed: add the closing quote"
    lines = text.split("\n")
    line, column = _within(lines, mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    at_tab = lines[line - 1][column - 1:column] == "\t"
    hint = "indent with spaces, not tabs" if at_tab else next((h for key, h in HINTS.items() if key in problem), None)
    quote = _lost_quote_before(text, lines, line)
    if quote:
        hint = (f"{hint}; " if hint else "") + f"check the quoted text that starts on line {quote[0]}, column {quote[1]}: is its closing quote missing?"
    return line, column, f"{message}; {hint}" if hint else message
