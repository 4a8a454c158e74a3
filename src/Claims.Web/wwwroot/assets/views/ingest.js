// Ingest an article (pasted text or HTML, with outlet, url and date) and show the records extracted from it.
import { api } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { articleView } from './article.js';

export async function render({ container, announce }) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const result = h('div', { class: 'ingest-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Ingérer');
  const field = (label, control, hint) => h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null, control);

  const form = h('form', { class: 'ingest-form', 'aria-labelledby': 'ingest-title' },
    h('fieldset', { class: 'format' },
      h('legend', null, 'Format'),
      h('div', { class: 'choice' }, h('input', { type: 'radio', name: 'format', id: 'format-text', value: 'text', checked: true }), h('label', { for: 'format-text' }, 'Texte')),
      h('div', { class: 'choice' }, h('input', { type: 'radio', name: 'format', id: 'format-html', value: 'html' }), h('label', { for: 'format-html' }, 'HTML (page enregistrée)'))),
    field('Contenu de l’article', h('textarea', { id: 'content', name: 'content', rows: 12, required: true, 'aria-describedby': 'content-hint' }),
      'Collez le texte ou le HTML de la page ; il est conservé tel quel.'),
    h('div', { class: 'row' },
      field('Média', h('input', { id: 'outlet', name: 'outlet', type: 'text', autocomplete: 'off' })),
      field('Date de publication', h('input', { id: 'publishedOn', name: 'publishedOn', type: 'date' }))),
    field('Adresse (URL)', h('input', { id: 'url', name: 'url', type: 'url', inputmode: 'url', placeholder: 'https://…' })),
    field('Titre', h('input', { id: 'title', name: 'title', type: 'text' })),
    error, button);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim() ? String(v) : null]));
    const request = {
      [data.format === 'html' ? 'html' : 'text']: data.content,
      outlet: data.outlet?.trim() ?? null, url: data.url?.trim() ?? null, title: data.title?.trim() ?? null, publishedOn: data.publishedOn,
    };
    error.textContent = '';
    button.disabled = true;
    try {
      const { status, body } = await api.ingest(request);
      const [article, actors] = await Promise.all([api.article(body.articleId), api.actors('')]);
      const heading = status === 201 ? `Article ingéré : ${plural(body.records, 'enregistrement', 'enregistrements')}` : 'Cet article était déjà ingéré';
      replaceChildren(result,
        h('h2', { tabindex: '-1' }, heading),
        h('p', null, h('a', { href: hrefTo.article(body.articleId) }, 'Ouvrir la page de l’article')),
        articleView(article, new Set(actors.map((a) => a.id)), { headingLevel: 'h3' }));
      if (status === 201) form.reset();
      announce(heading);
      result.querySelector('h2').focus();
    } catch (e) {
      error.textContent = `L’article n’a pas été ingéré : ${e.message}`;
    } finally {
      button.disabled = false;
    }
  });

  container.append(h('h1', { id: 'ingest-title' }, 'Ingérer un article'), form, result);
  return {};
}
