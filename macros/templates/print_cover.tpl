{#- Cover of the printable handout (mkdocs-print-site-plugin). Values were escaped by macros/plugin.py.
    On screen, the handout's one print button (and the PDF, when `make pdf` made it) sits here. -#}
<p class="pb-print-button pb-needs-js pb-handout-print"><button type="button" class="md-button" data-pb-print>{{ config.extra.playbook.print_label }}</button>{% for label, link in config.extra.playbook.pdfs %} <a class="md-button" href="{{ link }}" download>{{ label }}</a>{% endfor %}</p>
<div class="pb-cover">
<h1 class="pb-cover__title">{{ config.extra.playbook.title }}</h1>
{% if config.extra.playbook.subtitle %}<p class="pb-cover__subtitle">{{ config.extra.playbook.subtitle }}</p>{% endif %}
{% if config.extra.playbook.meta %}<p class="pb-cover__meta">{{ config.extra.playbook.meta | join("<br>") }}</p>{% endif %}
</div>
