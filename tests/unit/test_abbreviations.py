"""Pages keep only the glossary definitions they use, and Markdown renders them exactly as with all."""

import re

import markdown

from macros.markup import md_text
from macros.abbr import first_tooltips_only
from macros.pages import GLOSSARY_END, GLOSSARY_START, used_abbreviations

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "tables"]
DEFINITIONS = {
    "Semi-managed": "Seller ships.",
    "半托管": "Seller ships (Chinese).",
    "3PL": "Third-party logistics.",
    "JIT": "Just in time.",
    "R&D": "Research.",
    "VMI": "Vendor managed inventory.",
    "全托管": "Temu ships.",
    "Not used": "Never on the page.",
    "Semi": "Shorter term inside a longer one.",
}
PAGE = "\n\n".join([
    "# Title",
    f"{md_text('Semi-managed stores ship with a 3PL.')} {md_text('Some use JIT/VMI stock.')}",
    "在半托管模式下，卖家发货。",
    "- R&amp;D is costly",
    '<table><tr><td markdown>Inside HTML: JIT</td></tr></table>',
])


def with_definitions(text: str, names) -> str:
    """The page with a glossary block, as abbreviations() writes it, holding these definitions."""
    lines = "\n\n".join(f"*[{name}]: {DEFINITIONS[name]}" for name in names)
    return f"{text}\n\n{GLOSSARY_START}\n\n{lines}\n\n{GLOSSARY_END}\n"


def kept(text: str) -> list[str]:
    return re.findall(r"^\*\[([^\]]+)\]:", text, re.M)


def test_unused_definitions_are_dropped_and_used_ones_kept():
    out = used_abbreviations(with_definitions(PAGE, DEFINITIONS))
    assert sorted(kept(out)) == sorted(["Semi-managed", "半托管", "3PL", "JIT", "R&D", "VMI", "Semi"])
    assert out.startswith(PAGE)


def test_the_page_renders_the_same_as_with_every_definition():
    page = with_definitions(PAGE, DEFINITIONS)
    full = markdown.markdown(page, extensions=EXTENSIONS)
    markers = re.compile(rf"\s*(?:{GLOSSARY_START}|{GLOSSARY_END})")  # the filter drops them with the block
    assert markdown.markdown(used_abbreviations(page), extensions=EXTENSIONS) == markers.sub("", full)
    for name in ("Semi-managed", "3PL", "JIT", "VMI"):  # negative control: the definitions do apply
        assert f'<abbr title="{DEFINITIONS[name]}">{name}</abbr>' in full


def test_a_term_only_inside_a_longer_word_is_dropped():
    out = used_abbreviations(with_definitions("JITTER and XVMI and 全托管", ["JIT", "VMI", "全托管"]))
    assert kept(out) == ["全托管"]


def test_a_page_without_a_glossary_block_is_left_alone():
    assert used_abbreviations(PAGE) == PAGE
    own = f"{PAGE}\n\n*[Not used]: Written on the page itself, not by abbreviations().\n"
    assert used_abbreviations(own) == own
    assert used_abbreviations(with_definitions("Nothing here", ["Not used"])) == "Nothing here\n\n"


def test_a_tooltip_is_kept_once_per_section():
    vat, y2 = '<abbr title="Value-added tax">VAT</abbr>', '<abbr title="Second warehouse">Y2</abbr>'
    html = f"<p>{vat} and {y2}, again {vat.replace('VAT', 'vat')}</p><h3 id='q'>Q?</h3><p>{vat} {vat}</p>"
    assert first_tooltips_only(html) == f"<p>{vat} and {y2}, again vat</p><h3 id='q'>Q?</h3><p>{vat} VAT</p>"


def test_a_term_and_its_other_name_share_one_tooltip_per_section():
    english, chinese = '<abbr title="Seller ships">Semi-managed</abbr>', '<abbr title="Seller ships">半托管</abbr>'
    html = f"<p>{english} ({chinese})</p><h3 id='q'>Q?</h3><p>{chinese}, {english}</p>"
    assert first_tooltips_only(html) == f"<p>{english} (半托管)</p><h3 id='q'>Q?</h3><p>{chinese}, Semi-managed</p>"


def test_without_headings_or_repeats_nothing_changes():
    html = '<p><abbr title="A &quot;b&quot;">JIT</abbr> <abbr title="x">Y2</abbr></p><header>not a heading</header>'
    assert first_tooltips_only(html) == html


def test_a_term_whose_words_are_not_in_a_row_is_dropped():
    out = used_abbreviations(with_definitions("Managed by Semi, not semi-managed.", ["Semi-managed", "Semi"]))
    assert kept(out) == ["Semi"]


def test_a_term_needs_its_other_characters_somewhere_on_the_page():
    assert kept(used_abbreviations(with_definitions("Semi managed stores.", ["Semi-managed"]))) == []
    # Looser than Markdown on purpose: the hyphen may be elsewhere, so a used definition is never dropped.
    assert kept(used_abbreviations(with_definitions("Semi managed, well-run.", ["Semi-managed"]))) == ["Semi-managed"]
