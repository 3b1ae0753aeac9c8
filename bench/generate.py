"""Synthetic playbooks at scale, in our exact data schema, plus a plain-Markdown twin of the same content.

    python bench/generate.py SCALE OUT_DIR          # writes OUT_DIR/ours and OUT_DIR/plain

SCALE multiplies the seed playbook: 5 support types × 2 techniques, 2 optimisation techniques,
1 case study and a 3-phase checklist become 5N types, 10N techniques, 2N optimisation techniques,
N case studies and 3N checklist phases. Text is Spanish-like (accents, ñ, ¿…?, "→"), built from the
word lists below with a seeded random generator: the same SCALE always gives byte-identical files.

`ours` is a full copy of the project (tests/helpers.copy_project) with data/ replaced; it is
validated with macros.loader.load_playbook before this returns. `plain` is a plain MkDocs-Material
project (no hook, no macros, no print-site) whose Markdown pages hold the same content with the
same headings, lists and scripts (in fenced code blocks), so the cost of our machinery can be
stated as a ratio of build times.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from helpers import copy_project  # noqa: E402
from macros.kinds.guide import KIND as GUIDE  # noqa: E402
from macros.loader import load_playbook  # noqa: E402
from macros.models import Playbook  # noqa: E402
from macros.site import Site  # noqa: E402

SEED = 20250127

# ---------------------------------------------------------------- vocabulary
# Nouns: (text, gender, plural). Adjectives agree with the noun's gender and number.
NOUNS = [
    ("cliente", "m", False),
    ("clientes", "m", True),
    ("incidencia", "f", False),
    ("incidencias", "f", True),
    ("ticket", "m", False),
    ("urgencia", "f", False),
    ("disponibilidad", "f", False),
    ("cobertura", "f", False),
    ("canal", "m", False),
    ("canales", "m", True),
    ("escalación", "f", False),
    ("satisfacción", "f", False),
    ("retención", "f", False),
    ("tiempo de respuesta", "m", False),
    ("resolución", "f", False),
    ("prevención", "f", False),
    ("riesgo", "m", False),
    ("riesgos", "m", True),
    ("seguimiento", "m", False),
    ("diagnóstico", "m", False),
    ("solución", "f", False),
    ("soluciones", "f", True),
    ("proceso", "m", False),
    ("procesos", "m", True),
    ("equipo", "m", False),
    ("herramientas", "f", True),
    ("expectativas", "f", True),
    ("acuerdo de nivel de servicio", "m", False),
    ("prioridad", "f", False),
    ("métricas", "f", True),
    ("encuesta", "f", False),
    ("comunicación", "f", False),
    ("garantía", "f", False),
    ("renovación", "f", False),
    ("contrato", "m", False),
    ("facturación", "f", False),
    ("integración", "f", False),
    ("configuración", "f", False),
    ("capacitación", "f", False),
    ("documentación", "f", False),
    ("base de conocimiento", "f", False),
    ("retroalimentación", "f", False),
    ("queja", "f", False),
    ("reclamación", "f", False),
    ("devolución", "f", False),
    ("pedido", "m", False),
    ("envío", "m", False),
    ("entrega", "f", False),
    ("implementación", "f", False),
    ("migración", "f", False),
    ("actualización", "f", False),
    ("licencia", "f", False),
    ("cuenta", "f", False),
    ("usuarios", "m", True),
    ("acceso", "m", False),
    ("pago", "m", False),
    ("oportunidad", "f", False),
    ("venta", "f", False),
    ("propuesta", "f", False),
    ("demostración", "f", False),
    ("relación", "f", False),
    ("confianza", "f", False),
    ("lealtad", "f", False),
    ("experiencia", "f", False),
    ("calidad", "f", False),
    ("eficiencia", "f", False),
    ("productividad", "f", False),
    ("cumplimiento", "m", False),
    ("auditoría", "f", False),
    ("informe", "m", False),
    ("análisis", "m", False),
    ("tendencias", "f", True),
    ("patrón", "m", False),
    ("causa raíz", "f", False),
    ("síntomas", "m", True),
    ("alertas", "f", True),
    ("monitoreo", "m", False),
    ("compañía", "f", False),
    ("diseño de campaña", "m", False),
    ("atención", "f", False),
    ("cotización", "f", False),
    ("inversión", "f", False),
]
ADJECTIVES = [
    "rápido",
    "proactivo",
    "continuo",
    "apropiado",
    "efectivo",
    "personalizado",
    "dedicado",
    "especializado",
    "técnico",
    "crítico",
    "prioritario",
    "estratégico",
    "oportuno",
    "claro",
    "completo",
    "preventivo",
    "global",
    "empático",
    "constante",
    "eficiente",
    "ágil",
    "detallado",
    "exclusivo",
    "directo",
    "inmediato",
    "flexible",
    "confiable",
    "transparente",
    "medible",
    "recurrente",
    "automático",
    "básico",
    "práctico",
    "único",
    "periódico",
    "sólido",
    "específico",
    "público",
    "dinámico",
    "sistemático",
]
VERBS = [  # imperative (tú), as in the seed's process steps
    "Identifica",
    "Establece",
    "Proporciona",
    "Escala",
    "Responde",
    "Valida",
    "Prioriza",
    "Resuelve",
    "Mide",
    "Optimiza",
    "Reduce",
    "Mejora",
    "Documenta",
    "Comunica",
    "Anticipa",
    "Revisa",
    "Analiza",
    "Coordina",
    "Confirma",
    "Registra",
    "Agradece",
    "Escucha",
    "Verifica",
    "Clasifica",
    "Asigna",
    "Notifica",
    "Acompaña",
    "Evalúa",
    "Comparte",
    "Implementa",
    "Prepara",
    "Define",
    "Ajusta",
    "Garantiza",
    "Atiende",
    "Diagnostica",
    "Recopila",
    "Personaliza",
    "Automatiza",
    "Señala",
]
PAST_VERBS = [  # preterite, as in the seed's case-study strategy
    "Identificó",
    "Previno",
    "Optimizó",
    "Mejoró",
    "Validó",
    "Redujo",
    "Escaló",
    "Documentó",
    "Midió",
    "Priorizó",
    "Anticipó",
    "Automatizó",
    "Revisó",
    "Comunicó",
    "Capacitó",
    "Rediseñó",
    "Unificó",
    "Simplificó",
]
PARTICIPLES = ["reducidos", "resueltos", "prevenidos", "optimizados", "mejorados", "acelerados", "controlados"]
COMPLEMENTS = [
    "del cliente",
    "con el equipo",
    "en cada contacto",
    "antes del cierre",
    "según la urgencia",
    "por canal",
    "en menos de una hora",
    "tras la llamada",
    "con datos reales",
    "sin demoras",
    "en la próxima revisión",
    "durante la implementación",
    "con el área de ventas",
    "para la renovación",
]
QUALIFIERS = [
    "Empresarial",
    "Regional",
    "Nocturno",
    "Multicanal",
    "Remoto",
    "Presencial",
    "Escalonado",
    "Híbrido",
    "Avanzado",
    "Estándar",
    "Corporativo",
    "Móvil",
    "Telefónico",
    "Digital",
    "Internacional",
    "Estacional",
    "Comercial",
    "Logístico",
    "Financiero",
    "Académico",
]
BLANKS = [  # placeholder contents (the square brackets are added when used)
    "X",
    "Y",
    "Z",
    "Tiempo",
    "Nombre",
    "Fecha",
    "Canal",
    "Producto",
    "Número de ticket",
    "Cliente",
    "Responsable",
    "Porcentaje",
    "Monto",
    "Plazo",
    "Área",
    "Próximo paso",
]
UNITS = ["minutos", "horas", "días", "% reducción", "% mejora", "casos", "contactos", "semanas"]
QUESTIONS = [
    "¿Cuál es la {n} de tu {m}?",
    "¿Necesitas {n} ahora?",
    "¿Cómo podemos mejorar {n}?",
    "¿Qué {n} te preocupa más?",
    "¿Podemos revisar {n} juntos?",
    "¿Te ayudo con {n} hoy?",
    "¿Qué áreas de {n} podemos mejorar?",
]
ICONS = ["🛟", "🕐", "⭐", "🔧", "🚀", "📞", "💬", "🎯", "🧭", "🛡️", "📈", "🤝", "🧩", "🔔", "📦", "💡"]
STAGES = [
    "Pre-Implementación",
    "Durante Implementación",
    "Post-Implementación",
    "Preparación",
    "Seguimiento",
    "Revisión",
    "Cierre",
    "Lanzamiento",
]


def agree(adjective: str, gender: str, plural: bool) -> str:
    """rápido → rápida / rápidos / rápidas; global → globales; ágil → ágiles."""
    if adjective.endswith("o"):
        stem = adjective[:-1]
        return stem + ("a" if gender == "f" else "o") + ("s" if plural else "")
    if plural:
        return adjective + ("s" if adjective.endswith("e") else "es")
    return adjective


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Words:
    """Seeded sentence maker."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ids: set[str] = set()

    def noun(self):
        return self.rng.choice(NOUNS)

    def phrase(self, adjective: float = 0.6, complement: float = 0.3) -> str:
        """necesidades del cliente, tiempo de respuesta rápido, incidencias críticas según la urgencia."""
        text, gender, plural = self.noun()
        if self.rng.random() < adjective:
            text += " " + agree(self.rng.choice(ADJECTIVES), gender, plural)
        if self.rng.random() < complement:
            text += " " + self.rng.choice(COMPLEMENTS)
        return text

    def step(self) -> str:
        return f"{self.rng.choice(VERBS)} {self.phrase()}"

    def past_step(self) -> str:
        return f"{self.rng.choice(PAST_VERBS)} {self.phrase(0.5, 0.2)}"

    def titled(self) -> str:
        """Disponibilidad Continua, Tiempo de Respuesta Ágil."""
        text, gender, plural = self.noun()
        words = f"{text} {agree(self.rng.choice(ADJECTIVES), gender, plural)}".split()
        return " ".join(w if w in ("de", "del", "la", "el") else cap(w) for w in words)

    def blank(self) -> str:
        blank = self.rng.choice(BLANKS)
        if blank in ("X", "Y", "Z"):
            return f"[{blank}]"
        return f"[{blank}]" if self.rng.random() < 0.5 else f"[{cap(self.phrase(0.5, 0))}]"

    def script_line(self) -> str:
        kind = self.rng.randrange(4)
        label = cap(self.noun()[0])
        if kind == 0:
            return f"{label}: {self.blank()}"
        if kind == 1:
            return f"{label}: {self.blank()} {self.rng.choice(UNITS)}"
        if kind == 2:
            return f"[{cap(self.noun()[0])} {self.rng.randint(1, 3)}]: {self.blank()}"
        return f"{label}: {self.phrase(0.8, 0)}"

    def question(self) -> str:
        return self.rng.choice(QUESTIONS).format(n=self.noun()[0], m=self.noun()[0])

    def unique_id(self, text: str) -> str:
        base = slug(text)
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def script(self) -> dict:
        sections = []
        for _ in range(self.rng.randint(2, 3)):
            sections.append(
                {
                    "heading": self.phrase(0.3, 0).upper(),
                    "lines": [self.script_line() for _ in range(self.rng.randint(2, 3))],
                }
            )
        return {"opening": f"Para {self.phrase(0.5, 0.2)}:", "sections": sections, "closing": self.question()}

    def technique(self, support: bool) -> dict:
        title = self.titled()
        technique = {
            "id": self.unique_id(title),
            "title": title,
            "process": [self.step() for _ in range(5)],
            "script": self.script(),
        }
        if support:
            technique["key_elements"] = [cap(self.phrase(0.7, 0)) for _ in range(4)]
        return technique


# ---------------------------------------------------------------- data at scale
def generate(scale: int) -> dict:
    """All data files' contents at `scale` × the seed, as plain dicts/lists (YAML-ready)."""
    if scale < 1:
        raise ValueError("scale must be ≥ 1")
    rng = random.Random(SEED * 1000 + scale)
    words = Words(rng)
    type_ids: set[str] = set()
    support_types = []
    for order in range(1, 5 * scale + 1):
        name = f"{cap(rng.choice(ADJECTIVES))} {rng.choice(QUALIFIERS)}" if order > 1 else "Reactivo"
        type_id, n = slug(name), 2
        while type_id in type_ids:
            type_id, n = f"{slug(name)}-{n}", n + 1
        type_ids.add(type_id)
        if n > 2:
            name = f"{name} {n - 1}"
        characteristics = [cap(words.phrase(1.0, 0)) for _ in range(4)]
        support_types.append(
            {
                "id": type_id,
                "order": order,
                "name": name,
                "title": f"Soporte {name}",
                "icon": rng.choice(ICONS),
                "main_concern": f"{cap(words.noun()[0])}, {words.noun()[0]}",
                "main_technique": f"{cap(words.phrase(1.0, 0))}, {words.phrase(1.0, 0)}",
                "focus": cap(words.noun()[0]),
                "characteristics": characteristics,
                "techniques": [words.technique(support=True) for _ in range(2)],
            }
        )
    optimization = {
        "title": "Técnicas de Optimización de Soporte",
        "icon": "🎨",
        "techniques": [words.technique(support=False) for _ in range(2 * scale)],
    }
    cases = []
    for _ in range(scale):
        support_type = support_types[rng.randrange(len(support_types))]
        title = f"{support_type['title']} → {words.titled()}"
        cases.append(
            {
                "id": words.unique_id(title),
                "title": title,
                "support_type": support_type["id"],
                "situation": [cap(words.phrase(0.6, 0.4)) for _ in range(3)],
                "strategy": [words.past_step() for _ in range(5)],
                "result": f"{cap(words.phrase(1.0, 0))}, {words.noun()[0]} {rng.choice(PARTICIPLES)}",
            }
        )
    phases = []
    for i in range(3 * scale):
        title = STAGES[i % 3] if i < 3 else f"{rng.choice(STAGES)} de {words.phrase(0.3, 0)}"
        item_ids: set[str] = set()
        items = []
        for _ in range(rng.randint(4, 5)):
            text = words.step()
            item_id, n = slug(text), 2
            while item_id in item_ids:
                item_id, n = f"{slug(text)}-{n}", n + 1
            item_ids.add(item_id)
            items.append({"id": item_id, "text": text})
        phases.append({"id": f"fase-{i + 1}-{slug(title)}", "title": title, "items": items})
    return {
        "support_types": support_types,
        "optimization": optimization,
        "case_studies": {"title": "Casos de Estudio", "icon": "📚", "cases": cases},
        "checklist": {"id": "implementacion", "title": "Checklist de Implementación", "icon": "✅", "phases": phases},
    }


def _dump(path: Path, data: dict, schema: str | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    path.write_text(head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096), encoding="utf-8")


def write_ours(scale: int, dest: Path, data: dict | None = None, schema_comment: bool = True) -> Playbook:
    """A full project copy whose data/ is the synthetic playbook; returns it validated."""
    data = data or generate(scale)
    if dest.exists():
        shutil.rmtree(dest)
    copy_project(dest)
    shutil.rmtree(dest / "data")
    (dest / "data" / "support_types").mkdir(parents=True)
    shutil.copy2(ROOT / "data" / "playbook.yml", dest / "data" / "playbook.yml")
    for support_type in data["support_types"]:
        _dump(
            dest / "data" / "support_types" / f"{support_type['id']}.yml",
            support_type,
            "../../schemas/support_type.schema.json" if schema_comment else None,
        )
    for name, key in [("optimization", "optimization"), ("case_studies", "case_studies"), ("checklist", "checklist")]:
        _dump(dest / "data" / f"{name}.yml", data[key], f"../schemas/{name}.schema.json" if schema_comment else None)
    return load_playbook(dest / "data")


# ---------------------------------------------------------------- the plain-Markdown twin
PLAIN_MKDOCS = """\
site_name: {site_name}
site_description: Técnicas y scripts de soporte y servicio en ventas
docs_dir: docs
strict: true
use_directory_urls: true

theme:
  name: material
  language: es
  font: false
  icon:
    logo: material/lifebuoy
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-night
        name: Cambiar a modo oscuro
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-sunny
        name: Cambiar a modo claro
  features:
    - navigation.instant
    - navigation.tracking
    - navigation.sections
    - navigation.top
    - navigation.footer
    - navigation.prune
    - toc.follow
    - search.highlight
    - search.suggest
    - content.code.copy

plugins:
  - search:
      lang: es

markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
      permalink_title: Enlace permanente a esta sección
  - pymdownx.highlight
  - pymdownx.superfences

"""


def _md(text: str) -> str:
    """Escape what Markdown would read as markup in running text (our pages escape every value too)."""
    return re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", text)


def _yaml_str(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, width=4096).removesuffix("\n...\n").strip()


def _script_block(script) -> list[str]:
    lines = ["```text", f'"{script.opening}']
    for section in script.sections:
        lines += ["", f"{section.heading}:"] + [f"- {line}" for line in section.lines]
    lines += ["", f'{script.closing}"', "```"]
    return lines


def _technique_md(pb: Playbook, technique, number: int, tag: str) -> list[str]:
    labels = pb.info.labels
    out = [
        f"### {labels.technique} {number}: {_md(technique.title)} {{: #{technique.id} }}",
        "",
        f"[{_md(tag)}](../tecnicas.md)",
        "",
        *_when_md(pb, technique),
        f"**{labels.process}:**",
        "",
    ]
    out += [f"{i}. {_md(step)}" for i, step in enumerate(technique.process, 1)]
    out += ["", f"**{labels.script}:**", ""] + _script_block(technique.script) + [""]
    if getattr(technique, "key_elements", None):
        out += [f"**{labels.key_elements}:**", ""] + [f"- {_md(e)}" for e in technique.key_elements] + [""]
    return out


def _when_md(pb: Playbook, item) -> list[str]:
    """ "Cuándo usarlo" and "También se dice", as our pages show them."""
    labels, out = pb.info.labels, []
    if item.situations:
        out += [f"**{labels.when_to_use}:**", ""] + [f"- {_md(s)}" for s in item.situations] + [""]
    if item.synonyms:
        out += [f"**{labels.synonyms}:** {_md(', '.join(item.synonyms))}", ""]
    return out


def write_plain(pb: Playbook, dest: Path) -> None:
    """The same content as plain Markdown pages in a stock MkDocs-Material project."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    (docs / "tipos").mkdir(parents=True)
    info, labels = pb.info, pb.info.labels

    def page(rel: str, lines: list[str]) -> None:
        (docs / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")

    fw = info.framework
    home = [
        f"# {info.icon} {_md(info.title)}",
        "",
        f"**{_md(info.subtitle)}**",
        "",
        f"[{_md(labels.guide_title)}](guia.md) " * GUIDE.present(pb) + f"[{_md(pb.checklist.title)}](checklist.md)",
        "",
        f"## {labels.index} {{: #indice }}",
        "",
        f"1. [{_md(fw.title)}](#framework-soporte)",
    ]
    home += [f"1. [{_md(t.title)}](tipos/{t.id}.md)" for t in pb.support_types]
    home += [
        f"1. [{_md(pb.optimization.title)}](optimizacion.md)",
        f"1. [{_md(pb.case_studies.title)}](casos-de-estudio.md)",
        f"1. [{_md(pb.checklist.title)}](checklist.md)",
        f"1. [{_md(info.summary.title)}](resumen.md)",
        "",
        f"## {fw.icon} {_md(fw.title)} {{: #framework-soporte }}",
        "",
        f"### {_md(fw.table_title)}",
        "",
        f"| {fw.columns.name} | {fw.columns.main_concern} | {fw.columns.main_technique} | {fw.columns.focus} |",
        "|---|---|---|---|",
    ]
    home += [
        f"| [**{_md(t.name)}**](tipos/{t.id}.md) | {_md(t.main_concern)} | {_md(t.main_technique)} | {_md(t.focus)} |"
        for t in pb.support_types
    ]
    principles = [f"## {_md(info.summary.principles_title)} {{: #principios }}", ""]
    principles += [f"{i}. **{_md(p.name)}** - {_md(p.text)}" for i, p in enumerate(info.principles, 1)] + [""]
    quote = [f'> **"{_md(info.closing_quote)}"** {info.closing_icons}', ""]
    types_count = len(pb.support_types)
    facts = [
        f"**{labels.version}:** {info.version}  ",
        f"**{labels.last_updated}:** {info.last_updated.isoformat()}  ",
        f"**{labels.total_types}:** {types_count}  ",
        f"**{labels.complete_scripts}:** {sum(len(t.techniques) for t in pb.support_types)}+  ",
        f"**{labels.optimization_techniques}:** {len(pb.optimization.techniques)}  ",
        f"**{labels.case_studies}:** {len(pb.case_studies.cases)}+",
        "",
    ]
    page("index.md", home + [""] + principles + quote + facts)

    for t in pb.support_types:
        lines = [f"# {t.icon} {_md(t.title)}", ""]
        if t.situations or t.synonyms:
            lines += [f"## {labels.when_to_use} {{: #cuando-usarlo }}", "", *_when_md(pb, t)]
        lines += [f"## {labels.characteristics} {{: #caracteristicas }}", ""]
        lines += [f"- {_md(c)}" for c in t.characteristics] + ["", f"## {labels.techniques} {{: #tecnicas }}", ""]
        for n, technique in enumerate(t.techniques, 1):
            lines += _technique_md(pb, technique, n, t.title)
        page(f"tipos/{t.id}.md", lines)

    guide = [f"# {_md(labels.guide_title)}", "", _md(labels.guide_intro), ""]
    for t in pb.support_types:
        if not (t.situations or any(technique.situations for technique in t.techniques)):
            continue  # as ours: a type without situations has no section in the guide
        guide += [f"## {t.icon} {_md(t.title)} {{: #{t.id} }}", ""]
        guide += [f"- [{_md(s)}](tipos/{t.id}.md#cuando-usarlo)" for s in t.situations]
        guide += [
            f"- [{_md(s)} → {_md(technique.title)}](tipos/{t.id}.md#{technique.id})"
            for technique in t.techniques
            for s in technique.situations
        ] + [""]
    if GUIDE.present(pb):  # as ours: no situations, no guide
        page("guia.md", guide)

    browser = [f"# {_md(labels.browser_title)}", "", _md(labels.browser_intro), ""]
    for t in pb.support_types:
        for technique in t.techniques:
            browser += [
                f"- **[{_md(technique.title)}](tipos/{t.id}.md#{technique.id})** "
                f"[{_md(t.title)}](tecnicas.md) {fw.columns.focus}: {_md(t.focus)} · "
                f"{labels.first_step}: {_md(technique.process[0])}"
            ]
    for technique in pb.optimization.techniques:
        browser += [
            f"- **[{_md(technique.title)}](optimizacion.md#{technique.id})** "
            f"[{_md(pb.optimization.title)}](tecnicas.md) · {labels.first_step}: {_md(technique.process[0])}"
        ]
    page("tecnicas.md", browser)

    optimization = [f"# {pb.optimization.icon} {_md(pb.optimization.title)}", ""]
    for n, technique in enumerate(pb.optimization.techniques, 1):
        optimization += [
            line.replace("](../tecnicas.md)", "](tecnicas.md)")
            for line in _technique_md(pb, technique, n, pb.optimization.title)
        ]
    page("optimizacion.md", optimization)

    types = {t.id: t for t in pb.support_types}
    cases = [f"# {pb.case_studies.icon} {_md(pb.case_studies.title)}", ""]
    for n, case in enumerate(pb.case_studies.cases, 1):
        cases += [f"## {labels.case} {n}: {_md(case.title)} {{: #{case.id} }}", "", f"**{labels.situation}:**", ""]
        cases += [f"- {_md(s)}" for s in case.situation] + ["", f"**{labels.strategy}:**", ""]
        cases += [f"{i}. {_md(s)}" for i, s in enumerate(case.strategy, 1)]
        cases += [
            "",
            f"**{labels.result}:** {_md(case.result)}",
            "",
            f"{labels.see_support_type}: [{_md(types[case.support_type].title)}](tipos/{case.support_type}.md)",
            "",
        ]
    page("casos-de-estudio.md", cases)

    checklist = [f"# {pb.checklist.icon} {_md(pb.checklist.title)}", ""]
    for phase in pb.checklist.phases:
        checklist += (
            [f"## {_md(phase.title)} {{: #{phase.id} }}", ""] + [f"- {_md(i.text)}" for i in phase.items] + [""]
        )
    page("checklist.md", checklist)

    page("resumen.md", [f"# {info.summary.icon} {_md(info.summary.title)}", ""] + principles + facts + quote)

    nav = Site.of(pb).navigation()  # the same navigation as ours (grouped past 25 types): like with like
    config = PLAIN_MKDOCS.format(site_name=_yaml_str(info.title))
    config += yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, width=4096)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")


def write_both(scale: int, out: Path) -> tuple[Path, Path, Playbook]:
    """OUT/ours (our project, synthetic data) and OUT/plain (its plain-Markdown twin)."""
    out.mkdir(parents=True, exist_ok=True)
    playbook = write_ours(scale, out / "ours")
    write_plain(playbook, out / "plain")
    return out / "ours", out / "plain", playbook


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scale", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    ours, plain, pb = write_both(args.scale, args.out)
    techniques = sum(len(t.techniques) for t in pb.support_types)
    print(
        f"{ours}: {len(pb.support_types)} support types, {techniques} techniques, "
        f"{len(pb.optimization.techniques)} optimisation techniques, {len(pb.case_studies.cases)} case studies, "
        f"{len(pb.checklist.phases)} checklist phases (valid)\n{plain}: plain-Markdown twin"
    )


if __name__ == "__main__":
    main()
