// One article: its records (as evidence cards) and its text with every record marked.
import { api } from '../api.js';
import { h, hrefTo, externalLink, replaceChildren } from '../dom.js';
import { day, plural, RECORD_TYPES } from '../format.js';
import { recordCard, markedText } from '../evidence.js';

export async function render({ container, params: [id], query, signal }) {
  const body = h('div', { class: 'article-view' });
  const load = async () => {
    const [article, actors] = await Promise.all([api.article(id, signal), api.actors('', signal)]);
    replaceChildren(body,
      h('p', { class: 'breadcrumb' }, h('a', { href: hrefTo.articles() }, '← Articles')),
      articleView(article, new Set(actors.map((a) => a.id)), { headingLevel: 'h1', focusRecord: query.get('record') }));
  };
  await load();
  container.append(body);
  const focus = query.get('record') && body.querySelector(`[data-record="${CSS.escape(id)}/${CSS.escape(query.get('record'))}"]`);
  if (focus) requestAnimationFrame(() => focus.scrollIntoView({ block: 'center' }));
  return { refresh: async (events) => { if (!events || events.some((e) => e.subject === id)) await load(); } };
}

/** Used here and by the ingest form, which shows the article it just created. */
export function articleView(article, knownActors, { headingLevel = 'h1', focusRecord } = {}) {
  const sub = headingLevel === 'h1' ? 'h2' : 'h3';
  const card = headingLevel === 'h1' ? 'h3' : 'h4';
  const types = Object.keys(RECORD_TYPES).map((t) => [t, article.records.filter((r) => r.type === t)]).filter(([, list]) => list.length);
  return h('section', { class: 'article', dataset: { article: article.articleId }, 'aria-labelledby': `title-${article.articleId}` },
    h(headingLevel, { id: `title-${article.articleId}` }, article.title || article.articleId),
    h('p', { class: 'meta' },
      article.outlet || 'média inconnu', ' · ', day(article.publishedOn) ?? 'date inconnue',
      article.url ? [' · ', externalLink(article.url, 'source')] : null, ' · ',
      plural(article.records.length, 'enregistrement', 'enregistrements')),
    h('section', { class: 'records-of-article', 'aria-label': 'Enregistrements' },
      h(sub, null, 'Enregistrements extraits'),
      article.records.length ? null : h('p', { class: 'empty' }, 'L’extracteur n’a rien trouvé dans ce texte.'),
      types.map(([type, list]) => [
        h('p', { class: 'type-heading' }, `${RECORD_TYPES[type]}s (${list.length})`),
        h('ol', { class: 'records' }, list.map((r) => h('li', { class: r.recordId === focusRecord ? 'focused' : null },
          recordCard(r, article, { headingLevel: card, knownActors })))),
      ])),
    h('section', { class: 'text-of-article', 'aria-label': 'Texte de l’article' },
      h(sub, null, 'Texte'),
      markedText(article.text, article.records.map((r) => r.span))));
}
