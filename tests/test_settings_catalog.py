"""Setting checklists: the key requirements of each treatment setting (chapter 4)."""

from __future__ import annotations

import re

from assess.model.catalog import Catalog
from tests.conftest import standards_text

# Counted by hand from the bullets under each "Belangrijkste vereisten voor …" heading.
EXPECTED = {
    "outreach": ("4.1.1", 13),
    "non-specialised": ("4.1.2", 8),
    "outpatient": ("4.1.3", 18),
    "short-term-inpatient": ("4.1.4", 17),
    "long-term-residential": ("4.1.5", 21),
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def test_settings_in_source_order_with_counts(catalog: Catalog) -> None:
    assert list(catalog.settings) == list(EXPECTED)
    for setting_id, (section, count) in EXPECTED.items():
        setting = catalog.settings[setting_id]
        assert setting.kind == "setting" and setting.source_section == section
        assert setting.norm_ids == tuple(f"{setting_id}.{n}" for n in range(1, count + 1))


def test_items_are_verbatim_and_in_source_order(catalog: Catalog) -> None:
    source = normalise(standards_text())
    for setting in catalog.settings.values():
        assert setting.description is not None
        heading = normalise(setting.description.nl.split("\n\n")[0])
        assert heading.startswith("Belangrijkste vereisten voor") and heading in source
        position = source.index(heading)
        for item_id in setting.norm_ids:
            text = normalise(catalog.item(item_id).text.nl)
            found = source.find(text, position)
            assert found > position, item_id
            position = found
        assert catalog.item(setting.norm_ids[0]).text.en


def test_setting_items_are_not_norms(catalog: Catalog) -> None:
    assert len(catalog.principle_norms) == 62
    assert not any(n.id.startswith("outreach.") for n in catalog.principle_norms)
    assert len(catalog.items_for(["outpatient"])) == 62 + 18


def test_schema_lists_every_setting(catalog: Catalog) -> None:
    import json

    from assess.files.paths import package_data

    schema = json.loads((package_data("schemas") / "assessment.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["settings"]["items"]["enum"] == list(catalog.settings)


def test_outreach_3_shows_the_text_it_refers_to(catalog) -> None:
    import re

    from tests.conftest import STANDARDS

    item = catalog.item("outreach.3")
    assert item.refers_to is not None and "(zie hierboven)" in item.text.nl
    assert item.refers_to.nl.startswith("Er zijn drie hoofdvormen van outreach: straathoekwerk")
    assert item.refers_to.en.startswith("There are three main forms of outreach")
    assert item.full_text("nl").startswith(item.text.nl + " [Er zijn drie")
    if STANDARDS.is_file():  # verbatim: the source's words, its PDF line breaks mended
        source = " ".join(STANDARDS.read_text(encoding="utf-8").split())
        assert " ".join(item.refers_to.nl.split()) in source
    assert not re.search(r"\s{2,}", item.refers_to.nl)


def test_each_setting_describes_itself_verbatim(catalog: Catalog) -> None:
    """Beschrijving and Doelgroep of chapter 4, each paragraph and bullet the source's words."""
    from tests.conftest import STANDARDS

    if not STANDARDS.is_file():
        import pytest

        pytest.skip("the full source text is not beside the checkout")
    # a compound split over two lines ("niet-" / "gespecialiseerde") is one word again, as in the data
    source = normalise(re.sub(r"-[ \t]*\n[ \t]*(?=[a-z])", "-", STANDARDS.read_text(encoding="utf-8")))
    for setting in catalog.settings.values():
        assert setting.description is not None
        nl, en = setting.description.nl, setting.description.en
        assert "\n\nBeschrijving\n\n" in nl and "\n\nDoelgroep\n\n" in nl
        assert "\n\nDescription\n\n" in en and "\n\nTarget group\n\n" in en
        parts = [p for block in nl.split("\n\n")[1:] for p in block.split("\n")
                 if p not in ("Beschrijving", "Doelgroep")]
        for part in parts:
            assert normalise(part.removeprefix("- ")) in source, part[:60]
        assert len(nl.split("\n")) == len(en.split("\n")), setting.id
