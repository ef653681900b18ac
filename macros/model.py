"""The guide's schema: the only definition of what the data file may hold."""

import datetime
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Markdown link targets: inline `](target` and reference definitions `[label]: target`, whose
# target may follow on the next line and be followed by a title (as Python-Markdown reads them).
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ \t]*\[[^\[\]]*\]:[ \t]*\n?[ \t]*<?([^\s>]*)", re.M)
SITE_LINK = re.compile(r"\]\(([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")  # e.g. ](faq.md#who-sets-price)
SAFE_TARGET = re.compile(r"^(https://\S+|#[a-z0-9-]+|[a-z0-9-]+\.md(#[a-z0-9-]+)?)$")
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
URL_UNSAFE = set(' "<>\\^`{|}')  # characters a URL must percent-encode (RFC 3986)


def https_url_problem(url: str) -> str | None:
    """Why a text is not a well-formed https:// URL with a real host name, or None."""
    try:
        parts = urlsplit(url)
        port = parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return "it cannot be read as a URL"
    if parts.scheme != "https":
        return "it must start with https://"
    if set(url) & URL_UNSAFE or any(ord(c) < 33 for c in url):
        return "it contains spaces or characters such as \" < > { } | that must be percent-encoded"
    labels = host.split(".")
    if len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels) or parts.username or port == 0:
        return f"{parts.netloc!r} is not a host name such as example.org"
    return None


def _https_url(url: str) -> str:
    problem = https_url_problem(url)
    if problem:
        raise ValueError(f"{url!r} is not a valid https:// link: {problem}")
    return url


def _no_unsafe_links(text: str) -> str:
    """Reject Markdown links that leave the site by anything but a valid https URL."""
    for match in LINK_TARGET.finditer(text):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not SAFE_TARGET.match(target) or (target.startswith("https://") and https_url_problem(target)):
            raise ValueError(
                f"link target {target!r} is not allowed: use https://... or a page of this "
                "guide such as compare.md#store-system"
            )
    return text


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[Text, AfterValidator(_no_unsafe_links)]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/$.?#][^\s]*$"), AfterValidator(_https_url)]


class Strict(BaseModel):
    """Base for every entry: no unknown fields, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Sourced(Strict):
    """A fact: what backs it and when somebody last checked it."""

    sources: list[Id] = Field(min_length=1, description="ids from `sources`")
    checked: datetime.date = Field(description="date the fact was last checked (YYYY-MM-DD)")


class Position(Strict):
    """One side of a disagreement between sources."""

    view: Text
    sources: list[Id] = Field(min_length=1)


class Disagreement(Strict):
    """Sources that contradict each other about one fact."""

    summary: Text
    positions: list[Position] = Field(min_length=2)


class Point(Sourced):
    """An advantage, risk or suitability statement about one mode."""

    text: Text


class Mode(Sourced):
    """A seller mode: one column in every comparison."""

    id: Id
    name: Text
    chinese: Text = Field(description="the Chinese name, e.g. 半托管")
    aliases: list[Text] = Field(default_factory=list, description="other names sellers use")
    summary: Text = Field(description="one or two sentences: what the mode is")
    launched: Text = Field(description="when and where the mode started")
    markets: list[Text] = Field(min_length=1)
    goods_flow: Markdown = Field(description="how goods move, step by step")
    money_flow: Markdown = Field(description="how money moves")
    roles: Markdown = Field(description="who does what")
    advantages: list[Point] = Field(min_length=1)
    risks: list[Point] = Field(min_length=1)
    suits: list[Point] = Field(min_length=1, description="sellers the mode fits")


class Category(Strict):
    """A group of comparison rows and FAQ entries."""

    id: Id
    name: Text


class Cell(Sourced):
    """One mode's value for one comparison dimension."""

    value: Text
    note: Text | None = None
    disagreement: Disagreement | None = None


class Dimension(Strict):
    """A comparison row: one value per mode."""

    id: Id
    category: Id
    label: Text
    aliases: list[Text] = Field(default_factory=list, description="other words sellers use for this row")
    key: bool = Field(default=False, description="true: also shown in the home page summary")
    values: dict[Id, Cell] = Field(description="one entry per mode id")


class FaqEntry(Sourced):
    """A question sellers ask, with its answer."""

    id: Id
    question: Text
    also_asked: list[Text] = Field(default_factory=list, description="other ways sellers ask it, incl. Chinese terms")
    answer: Markdown
    category: Id
    modes: list[Id] = Field(min_length=1)
    disagreement: Disagreement | None = None


class Term(Strict):
    """A glossary term, also used as a tooltip wherever it appears."""

    id: Id
    term: Text
    chinese: Text | None = None
    definition: Text


class Source(Strict):
    """A page a fact rests on."""

    id: Id
    title: Text
    publisher: Text
    published: Text | None = Field(default=None, description="date shown on the page; omit if none")
    url: HttpsUrl
    kind: Literal["official", "news", "trade-press", "seller-guide", "q-and-a", "seed"]


class Event(Sourced):
    """A dated change in either mode, for the timeline."""

    id: Id
    when: datetime.date = Field(description="the date; for a month or year only, use its first day")
    precision: Literal["day", "month", "year"] = Field(default="day", description="how much of `when` is known")
    title: Text
    detail: Text | None = None
    modes: list[Id] = Field(min_length=1)


class Variant(Sourced):
    """Context next to the two modes: a sub-mode, another mode or a country site."""

    id: Id
    name: Text
    chinese: Text | None = None
    kind: Literal["sub-mode", "other-mode", "country-site"]
    relates_to: list[Id] = Field(min_length=1, description="mode ids it belongs to or sits beside")
    summary: Text
    known: list[Point] = Field(min_length=1, description="what sources say, each with its sources")
    unknown: list[Text] = Field(default_factory=list, description="open questions no source answers")


Responsible = Literal["seller", "temu", "shared"]
GoodsPlace = Literal["factory", "temu-china-warehouse", "overseas-warehouse", "in-transit", "buyer"]


class StageCell(Sourced):
    """One mode at one stage of the value chain."""

    who: Responsible = Field(description="who does this stage: seller, temu or shared")
    goods_at: GoodsPlace = Field(description="where the goods usually are during this stage")
    note: Text | None = Field(default=None, description="one short plain sentence")


class Stage(Strict):
    """A step of the value chain, from making the goods to getting paid: one value per mode."""

    id: Id
    name: Text
    chinese: Text | None = None
    row: Id | None = Field(default=None, description="id of the comparison row with the details")
    values: dict[Id, StageCell] = Field(description="one entry per mode id")


Weight = Annotated[int, Field(ge=-5, le=5)]


class Option(Sourced):
    """One answer to a decision question, with the points it gives each mode and why."""

    id: Id
    label: Text
    weights: dict[Id, Weight] = Field(description="points per mode id (-5 to 5); one entry per mode id")
    reason: Text = Field(description="one plain sentence: why this answer points where it does")
    rests_on: Id = Field(description="id of the comparison row or FAQ entry the reason rests on")


class Question(Strict):
    """A question of the "which mode fits me" guide."""

    id: Id
    text: Text
    help: Text | None = Field(default=None, description="one sentence that helps to answer")
    options: list[Option] = Field(min_length=2)


class Change(Strict):
    """A dated change to this guide, for the "What changed" page and feed."""

    id: Id
    date: datetime.date = Field(description="the day the change was published (YYYY-MM-DD)")
    summary: Text = Field(description="one or two plain sentences: what changed")
    affects: list[Id] = Field(
        default_factory=list, description="ids of the entries changed (modes, rows, FAQ entries, ...); empty for the whole guide"
    )
    sources: list[Id] = Field(default_factory=list, description="optional: sources that prompted the change")


class Guide(Strict):
    """The whole data file."""

    modes: list[Mode] = Field(min_length=2)
    categories: list[Category] = Field(min_length=1)
    dimensions: list[Dimension] = Field(min_length=1)
    faq: list[FaqEntry] = Field(min_length=1)
    glossary: list[Term] = Field(min_length=1)
    timeline: list[Event] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    stages: list[Stage] = Field(default_factory=list, description="the value chain, in order")
    decision: list[Question] = Field(default_factory=list, description="questions of the mode chooser")
    changes: list[Change] = Field(default_factory=list, description="the change log: add each new change at the end")

    def __repr__(self) -> str:
        """Counts, not every entry: the macros plugin prints its variables on every build."""
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in type(self).model_fields)
        return f"Guide({counts})"

    __str__ = __repr__
