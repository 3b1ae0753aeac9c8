{#- Cover of the printable handout (mkdocs-print-site-plugin). Values were escaped by macros/hook.py. -#}
<div class="pb-cover">
<h1 class="pb-cover__title">{{ config.extra.playbook.title }}</h1>
<p class="pb-cover__subtitle">{{ config.extra.playbook.subtitle }}</p>
<p class="pb-cover__meta">{{ config.extra.playbook.version_label }}: {{ config.extra.playbook.version }}<br>{{ config.extra.playbook.date_label }}: {{ config.extra.playbook.last_updated }}</p>
</div>
