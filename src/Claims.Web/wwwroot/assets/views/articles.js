// The ingested articles, newest first; a new one appears as soon as the live feed reports it.
import { api } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { day, moment, plural } from '../format.js';

export async function render({ container, signal }) {
  const results = h('div', { class: 'results' });
  const count = h('p', { class: 'count', role: 'status' });
  const load = async () => {
    const articles = [...await api.articles(signal)].sort((a, b) => b.ingestedAt.localeCompare(a.ingestedAt));
    count.textContent = plural(articles.length, 'article', 'articles');
    replaceChildren(results, h('ol', { class: 'articles' }, articles.map((a) => h('li', { dataset: { article: a.articleId } },
      h('h2', null, h('a', { href: hrefTo.article(a.articleId) }, a.title || a.articleId)),
      h('p', { class: 'meta' },
        a.outlet || 'média inconnu', ' · ', day(a.publishedOn) ?? 'date inconnue', ' · ',
        plural(a.records, 'enregistrement', 'enregistrements'), ' · ingéré le ', moment(a.ingestedAt))))));
  };
  await load();
  container.append(
    h('h1', null, 'Articles'),
    h('p', { class: 'lede' }, h('a', { href: hrefTo.ingest() }, 'Ingérer un article')),
    count, results);
  return { refresh: load };
}
