"""The importer's dump part (macros/reading/dump.py): YAML laid out like the hand-written data files."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from macros.reading.dump import data_file, readable_emoji, unmapped_file
from macros.reading.words import Icon

DATA = {
    "id": "soporte-reactivo",
    "icon": Icon("🛟"),
    "characteristics": ["Respuesta a problemas", "[X] minutos de espera"],
    "techniques": [
        {"id": "respuesta-rapida", "script": "Hola, [Nombre].\nGracias por llamar 🚀\n"},
        {"id": "cierre-amable", "title": "Cierre Amable"},
    ],
    "closing_quote": "Cada cliente cuenta.",
    "last_updated": date(2025, 1, 27),
}
TEXT = data_file(DATA, "../schemas/support_type.schema.json", comments={"id": "# El tipo de soporte"}, end="# fin\n")


def test_the_file_reads_back_as_the_same_data():
    assert yaml.safe_load(TEXT) == DATA


def test_the_file_is_laid_out_like_the_hand_written_ones():
    assert TEXT == (
        "# yaml-language-server: $schema=../schemas/support_type.schema.json\n"
        "# El tipo de soporte\n"
        "id: soporte-reactivo\n"
        'icon: "🛟"\n'
        "\n"
        "characteristics:\n"
        "  - Respuesta a problemas\n"
        '  - "[X] minutos de espera"\n'
        "\n"
        "techniques:\n"
        "  - id: respuesta-rapida\n"
        "    script: |\n"
        "      Hola, [Nombre].\n"
        "      Gracias por llamar 🚀\n"
        "\n"
        "  - id: cierre-amable\n"
        "    title: Cierre Amable\n"
        "\n"
        "closing_quote: Cada cliente cuenta.\n"
        "last_updated: 2025-01-27\n"
        "# fin\n"
    )


@pytest.mark.parametrize(
    "value", [Icon("🇪🇸"), Icon("👩‍💻"), "[X] 🛟", "🛟: sí", "no", " 🛟", "Hola 🛟 \nAdiós", "C:\\U0001F6DF"]
)
def test_emoji_are_written_as_themselves_and_every_value_reads_back(value):
    text = data_file({"value": value, "items": [value, {"key": value}]}, "s.json")
    assert yaml.safe_load(text) == {"value": value, "items": [value, {"key": value}]}
    assert "\\U0001F" not in text.replace("C:\\U0001F6DF", "")  # an escape typed by the author stays typed
    assert "'" not in text  # double quotes, as the editing guide asks


def test_readable_emoji_unescapes_only_what_yaml_reads_as_an_emoji():
    assert readable_emoji('icon: "\\U0001F6DF"\n') == 'icon: "🛟"\n'
    assert readable_emoji("path: C:\\U0001F6DF\n") == "path: C:\\U0001F6DF\n"  # plain text: a typed backslash
    assert readable_emoji('text: "\\\\U0001F6DF"\n') == 'text: "\\\\U0001F6DF"\n'  # an escaped backslash


def test_unmapped_blocks_are_written_under_the_header_and_read_back():
    blocks = [{"line": 12, "section": "ANEXO", "text": "Enlaces útiles 📎"}]
    text = unmapped_file("# Mover a mano.\n", blocks)
    assert text == "# Mover a mano.\n- line: 12\n  section: ANEXO\n  text: Enlaces útiles 📎\n"
    assert yaml.safe_load(text) == blocks
    assert yaml.safe_load(unmapped_file("# Mover a mano.\n", [])) == []
