"""Variants shown as context next to the two modes: sub-modes, other modes, country sites."""

from .markup import Links, escape, fact_meta, listed, md_text, source_numbers
from .model import Guide, Variant

KIND_LABELS = {"sub-mode": "Sub-mode", "other-mode": "Other mode", "country-site": "Country site"}


def _variant(variant: Variant, names: dict[str, str], numbers: dict[str, int], links: Links) -> str:
    chinese = f' <span lang="zh">{escape(variant.chinese)}</span>' if variant.chinese else ""
    related = listed(names[m] for m in variant.relates_to)
    known = "\n".join(f"- {md_text(p.text)} {fact_meta(p, numbers, links)}" for p in variant.known)
    unknown = "\n".join(f"- {md_text(q)}" for q in variant.unknown) or "- Nothing listed."
    return (
        f"## {md_text(variant.name)}{chinese} {{#{variant.id}}}\n\n"
        f'<p class="context-label"><strong>Context, not a main mode</strong> · '
        f"{KIND_LABELS[variant.kind]} · related to {escape(related)}</p>\n\n"
        f"{md_text(variant.summary)} {fact_meta(variant, numbers, links)}\n\n"
        f"**What is known**\n\n{known}\n\n**What is not known**\n\n{unknown}\n"
    )


def render_variants(guide: Guide, links: Links) -> str:
    """Every variant, grouped in data order, each clearly labelled as context."""
    numbers = source_numbers(guide)
    names = {m.id: m.name for m in guide.modes}
    return "\n".join(_variant(v, names, numbers, links) for v in guide.variants)
