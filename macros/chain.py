"""The value chain: who does each stage in each mode, and where the goods are, as HTML and a table twin."""

from .markup import Links, checked, cite, escape, source_numbers
from .model import Guide, Mode, Stage, StageCell

WHO = {"seller": "Seller", "temu": "Temu", "shared": "Shared"}
WHO_MEANS = {"seller": "the seller does it", "temu": "Temu does it", "shared": "both have a part"}
GOODS = {
    "factory": ("⚙", "Factory"),
    "temu-china-warehouse": ("▣", "Temu warehouse in China"),
    "overseas-warehouse": ("▤", "Warehouse abroad"),
    "in-transit": ("➜", "On the way"),
    "buyer": ("⌂", "With the shopper"),
}


def _who(who: str) -> str:
    """The responsibility badge: a patterned swatch plus its name, so colour is never the only cue."""
    return (
        f'<span class="chain-who" data-who="{who}"><span class="chain-swatch" aria-hidden="true"></span>'
        f"{WHO[who]}</span>"
    )


def _goods(place: str) -> str:
    icon, label = GOODS[place]
    return (
        f'<span class="chain-goods" data-goods="{place}"><span class="chain-icon" aria-hidden="true">{icon}</span>'
        f"Goods: {escape(label)}</span>"
    )


def _stage_name(stage: Stage, links: Links) -> str:
    name = escape(stage.name)
    if stage.row:
        name = f'<a href="{escape(links.to("compare", stage.row))}">{name}</a>'
    chinese = f' <span lang="zh">{escape(stage.chinese)}</span>' if stage.chinese else ""
    return f'<p class="chain-name">{name}{chinese}</p>'


def _lane(mode: Mode, cell: StageCell) -> str:
    return (
        f'<div class="chain-lane" data-who="{cell.who}"><span class="chain-mode">{escape(mode.name)}:</span> '
        f"{_who(cell.who)} {_goods(cell.goods_at)}</div>"
    )


def _legend() -> str:
    items = "".join(f"<li>{_who(who)}: {WHO_MEANS[who]}</li>" for who in WHO)
    return f'<ul class="chain-legend" aria-label="Key">{items}</ul>'


def _twin(guide: Guide, stages: list[Stage], modes: list[Mode], caption: str, links: Links) -> str:
    """The same facts as a real table, with notes, sources and checked dates, for screen readers and print."""
    numbers = source_numbers(guide)
    head = "".join(f'<th scope="col">{escape(m.name)}</th>' for m in modes)
    rows = []
    for stage in stages:
        cells = []
        for mode in modes:
            cell = stage.values[mode.id]
            note = f" {escape(cell.note)}" if cell.note else ""
            meta = f'<span class="fact-meta">{cite(cell.sources, numbers, links)} {checked(cell.checked)}</span>'
            cells.append(
                f"<td><strong>{WHO[cell.who]}</strong>. Goods: {escape(GOODS[cell.goods_at][1])}.{note}{meta}</td>"
            )
        rows.append(f'<tr><th scope="row">{escape(stage.name)}</th>{"".join(cells)}</tr>')
    return (
        '<details class="chain-twin"><summary>Diagram as a table, with notes and sources</summary>'
        f'<div class="comparison-scroll" tabindex="0" role="region" aria-label="{escape(caption)}">'
        f'<table class="comparison chain-table"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">Stage</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></details>'
    )


def _modes_shown(guide: Guide, mode_id: str | None) -> list[Mode]:
    """Every mode, or only the one asked for (an unknown id is an error naming the known ones)."""
    if mode_id is None:
        return list(guide.modes)
    found = [m for m in guide.modes if m.id == mode_id]
    if not found:
        raise ValueError(f"unknown mode id {mode_id!r}; known mode ids: {', '.join(m.id for m in guide.modes)}")
    return found


def render_value_chain(guide: Guide, links: Links, mode_id: str | None = None) -> str:
    """Every stage with each mode's responsibility and goods location; one mode only when mode_id is given."""
    if not guide.stages:
        return "<p>No stages recorded yet.</p>"
    modes = _modes_shown(guide, mode_id)
    if mode_id:
        caption = f"Who does what in {modes[0].name}, stage by stage, and where the goods are"
    else:
        caption = "Who does what at each stage in each mode, and where the goods are"
    head = "".join(f'<span class="chain-head-mode">{escape(m.name)}</span>' for m in modes)
    items = []
    for stage in guide.stages:
        lanes = "".join(_lane(m, stage.values[m.id]) for m in modes)
        items.append(f'<li class="chain-stage" id="{stage.id}">{_stage_name(stage, links)}<div class="chain-lanes">{lanes}</div></li>')
    return (
        f'<figure class="chain" style="--chain-modes: {len(modes)}"><figcaption>{escape(caption)}</figcaption>'
        f"{_legend()}"
        f'<div class="chain-head" aria-hidden="true"><span></span><div class="chain-lanes">{head}</div></div>'
        f'<ol class="chain-stages">{"".join(items)}</ol></figure>\n\n'
        f"{_twin(guide, guide.stages, modes, caption, links)}"
    )
