"""Scripts collected by situation (macros/reading/scripts.py): a heading per situation over a code block of
labelled, quoted parts becomes a technique of a support type, its parts the script's sections as written."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, build, copy_project
from macros.importer.cli import main
from macros.importer.document import import_markdown

HEAD = "# Guiones de Atención\n\n**Para el equipo de soporte**\n\n"
FAMILIES = """## 📋 **GUIONES POR TIPO DE CONSULTA**

### **🚚 Consultas sobre Envíos**

Para pedidos ya despachados.

#### **Estado del Pedido**
```
Script Base:
"¡Hola! Entiendo tu preocupación por el estado de tu pedido.
Para darte información precisa, necesito:
- Número de pedido (ej: #12345)

Una vez que la tenga, le doy la fecha de entrega."

Follow-up si hay demora:
"La entrega estimada es [fecha]. Si no llega, le aviso yo."
```

#### **Paquete No Recibido**
```
Protocolo de Investigación:
1. Verificar dirección de entrega
2. Consultar con [transportista]

Script:
"Voy a investigar qué pasó con su paquete."
```

### **Horarios**

Atendemos de 9 a 18.
"""
TONES = """## Tonos de comunicación

### Tono Empático
```
Frases de Apertura:
- "Entiendo perfectamente su frustración..."
- "Lamento mucho esta situación..."
```

### Comandos
```
make deploy
```
"""


def imported(text: str) -> dict:
    result = import_markdown(text, "guiones.md")
    assert result.ok and result.lines.lost == 0, result.warnings
    return result


def test_families_of_situations_become_support_types_whose_techniques_are_the_scripts():
    result = imported(HEAD + FAMILIES)
    shipping = result.data["data/support_types/consultas-sobre-envios.yml"]
    assert (shipping["title"], shipping["icon"]) == ("Consultas sobre Envíos", "🚚")
    assert [t["title"] for t in shipping["techniques"]] == ["Estado del Pedido", "Paquete No Recibido"]
    status = shipping["techniques"][0]
    assert "process" not in status and "key_elements" not in status
    assert status["script"]["sections"] == [
        {
            "heading": "Script Base",
            "lines": [
                '"¡Hola! Entiendo tu preocupación por el estado de tu pedido.',
                "Para darte información precisa, necesito:",  # inside the quote: a line, not a label
                "- Número de pedido (ej: #12345)",
                'Una vez que la tenga, le doy la fecha de entrega."',
            ],
        },
        {
            "heading": "Follow-up si hay demora",
            "lines": ['"La entrega estimada es [fecha]. Si no llega, le aviso yo."'],
        },
    ]
    protocol = shipping["techniques"][1]["script"]["sections"][0]
    assert protocol == {
        "heading": "Protocolo de Investigación",
        "lines": ["1. Verificar dirección de entrega", "2. Consultar con [transportista]"],
    }
    # The section's title names the menu's section of these types; what is not a script stays, on a page.
    assert result.data["data/playbook.yml"]["labels"]["support_types"] == "Guiones por Tipo de Consulta"
    kept = {block["text"] for block in result.unmapped}
    assert {"Para pedidos ya despachados.", "Atendemos de 9 a 18."} <= kept
    assert not any(path.endswith("/horarios.yml") for path in result.data if "support_types" in path)


def test_a_section_of_situations_without_families_is_one_support_type_and_commands_are_not_a_script():
    result = imported(HEAD + TONES)
    (tones,) = [value for path, value in result.data.items() if "support_types/" in path]
    assert tones["title"] == "Tonos de comunicación"
    (technique,) = tones["techniques"]
    assert technique["title"] == "Tono Empático"
    assert technique["script"]["sections"][0]["lines"][1] == '- "Lamento mucho esta situación..."'
    assert any(block["text"].startswith("```\nmake deploy") for block in result.unmapped)


def test_a_script_by_situation_is_said_on_the_site_as_it_was_written(tmp_path, capsys):
    (tmp_path / "guiones.md").write_text(HEAD + FAMILIES + "\n" + TONES, encoding="utf-8")
    assert main([str(tmp_path / "guiones.md"), str(tmp_path / "out")]) == 0
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    shutil.copytree(tmp_path / "out" / "data", project / "data")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(
        (project / "site" / "tipos" / "consultas-sobre-envios" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    script = page.select_one('[data-pb-script="estado-del-pedido"] code').get_text()
    assert script.split("\n") == [
        "Script Base:",
        '"¡Hola! Entiendo tu preocupación por el estado de tu pedido.',
        "Para darte información precisa, necesito:",
        "- Número de pedido (ej: #12345)",
        'Una vez que la tenga, le doy la fecha de entrega."',
        "",
        "Follow-up si hay demora:",
        '"La entrega estimada es [fecha]. Si no llega, le aviso yo."',
    ]
    blank = page.select_one('[data-pb-script="estado-del-pedido"] [data-pb-blank]')
    assert blank.get_text() == "[fecha]"  # a blank the rep fills in, as in the seed's scripts
    # A technique that is a script alone: no empty process to tick, no key elements, no characteristics.
    assert not page.select(".pb-list--process, .pb-list--key-elements, .pb-list--characteristics")
    menu = [link.get_text(" ", strip=True) for link in page.select(".md-nav--primary .md-nav__link")]
    assert "Guiones por Tipo de Consulta" in menu and "Tonos de comunicación" in menu


SCRIPT_COLLECTIONS = [
    "guiones-atencion-por-consulta",  # scripts in labelled code blocks, by family and enquiry
    "guiones-operativos-whatsapp",  # messages named in bold over a quote
    "guia-manejo-quejas",  # lists of phrases in quotes under each situation
    "guion-llamadas-ventas",  # call scripts in code blocks, each part named in bold
]


@pytest.mark.parametrize("name", SCRIPT_COLLECTIONS)
def test_a_real_collection_of_scripts_is_mostly_structure(name):
    source = ROOT / "tests" / "fixtures" / "real" / f"{name}.md"
    result = import_markdown(source.read_bytes(), source.name)
    assert result.lines.lost == 0 and result.lines.data >= result.lines.total / 2, result.lines
    types = [value for path, value in result.data.items() if "support_types/" in path]
    assert sum(len(t["techniques"]) for t in types) >= 5


MESSAGES = """## 1) Bienvenida (primer mensaje)

**Bienvenida A (rápida)**

> ¡Hola! Soy **[Nombre]** de **Maroa** 👋{HARD_BREAK}
Gracias por escribir. Cuéntame:

1. ¿Qué necesitas resolver?
2. ¿Es urgente hoy?

**Bienvenida B (si viene de referido)**

> ¡Hola! Me dijo **[Referidor]** que te contacte.

### Reglas internas

- Siempre cerrar con una pregunta concreta.

## Una cita

**Nota:**

> Un mensaje con etiqueta no es un guion con nombre.

**Solo uno**

> Un único mensaje no hace una colección.
"""


def test_named_messages_become_techniques_their_quote_and_lists_the_script():
    result = imported(HEAD + MESSAGES.format(HARD_BREAK="  "))  # Markdown's line break, as WhatsApp guides write
    (welcome,) = [value for path, value in result.data.items() if "support_types/" in path]
    assert welcome["title"] == "1) Bienvenida (primer mensaje)"
    first, second = welcome["techniques"]
    assert (first["title"], second["title"]) == ("Bienvenida A (rápida)", "Bienvenida B (si viene de referido)")
    assert first["script"]["sections"] == [
        {
            "lines": [
                "¡Hola! Soy [Nombre] de Maroa 👋",  # the quote mark and the bold dropped: [Nombre] is a blank
                "Gracias por escribir. Cuéntame:",
                "1. ¿Qué necesitas resolver?",
                "2. ¿Es urgente hoy?",
            ]
        }
    ]
    kept = {block["text"] for block in result.unmapped}
    assert "- Siempre cerrar con una pregunta concreta." in kept  # after a heading: not the message's
    assert {"> Un mensaje con etiqueta no es un guion con nombre.", "> Un único mensaje no hace una colección."} <= kept


PHRASES = """## 💔 EMPATÍA

Usa estas frases.

### Frases de Empatía

1. "Lamento mucho escuchar eso."
2. "Qué triste que hayas tenido **esa** experiencia."

### Cuando usuario dice "Gracias"

**Respuestas:**
1. "Gracias a ti. ¿Hay algo más?"
2. "Te agradezco el feedback."

### Palabras clave

- tarde
- roto
"""
NAMED_BLOCKS = """## SCRIPT 1: LLAMADA FRÍA

### Para prospectos nuevos

**APERTURA (15 segundos)**
```
"Hola, ¿hablo con [Nombre]?"
```

**CIERRE**
```
Cierre:
"¿Lunes o martes?"
```
"""


def test_lists_of_phrases_in_quotes_under_a_situation_are_its_script():
    result = imported(HEAD + PHRASES)
    (empathy,) = [value for path, value in result.data.items() if "support_types/" in path]
    assert empathy["title"] == "Empatía"  # shouted titles are title-cased, small words in lower case
    phrases, thanks = empathy["techniques"]
    assert phrases["script"]["sections"] == [
        {"lines": ['1. "Lamento mucho escuchar eso."', '2. "Qué triste que hayas tenido esa experiencia."']}
    ]
    assert thanks["title"] == 'Cuando usuario dice "Gracias"'
    assert thanks["script"]["sections"][0]["heading"] == "Respuestas"
    kept = {block["text"] for block in result.unmapped}
    assert {"Usa estas frases.", "### Palabras clave", "- tarde"} <= kept  # a list of words is not said


def test_a_bold_line_over_a_script_names_its_part():
    result = imported(HEAD + NAMED_BLOCKS)
    (call,) = [value for path, value in result.data.items() if "support_types/" in path]
    (technique,) = call["techniques"]
    assert technique["script"]["sections"] == [
        {"heading": "APERTURA (15 segundos)", "lines": ['"Hola, ¿hablo con [Nombre]?"']},
        {"heading": "Cierre", "lines": ['"¿Lunes o martes?"']},  # the block names its part itself
    ]
    assert "**CIERRE**" in {block["text"] for block in result.unmapped}


SPOKEN = """# Discurso para la primera visita

## Objetivo

- conseguir WhatsApp;
- acordar una revisión.

## Entrada corta

Hola, ¿cómo estás? Soy **Juan**, de la zona.

¿Te puedo hacer una pregunta rápida?

## Si responde que no

No hay problema. Te dejo mi contacto.
"""


def test_a_document_titled_as_something_to_say_has_its_plain_sections_as_techniques():
    result = imported(SPOKEN)
    (pitch,) = [value for path, value in result.data.items() if "support_types/" in path]
    assert pitch["title"] == "Discurso para la primera visita"
    assert [(t["title"], t["script"]["sections"]) for t in pitch["techniques"]] == [
        (
            "Entrada corta",
            [{"lines": ["Hola, ¿cómo estás? Soy Juan, de la zona.", "¿Te puedo hacer una pregunta rápida?"]}],
        ),
        ("Si responde que no", [{"lines": ["No hay problema. Te dejo mi contacto."]}]),
    ]
    assert "- conseguir WhatsApp;" in {block["text"] for block in result.unmapped}  # a list: not what is said


def test_plain_sections_of_a_document_not_titled_as_something_to_say_stay_free_pages():
    result = imported(SPOKEN.replace("# Discurso para", "# Notas de"))
    assert not [path for path in result.data if "support_types/" in path]
