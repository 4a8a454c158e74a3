// Who says what: the actors, searched by name or alias (accents and case do not matter, the API folds them).
import { api } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { plural } from '../format.js';

export async function render({ container, query, signal, announce }) {
  const input = h('input', { id: 'actor-search', name: 'search', type: 'search', value: query.get('search') ?? '', autocomplete: 'off' });
  const results = h('div', { class: 'results' });
  const count = h('p', { class: 'count', role: 'status' });

  const load = async () => {
    const actors = await api.actors(input.value.trim(), signal);
    count.textContent = plural(actors.length, 'acteur', 'acteurs');
    replaceChildren(results, h('ul', { class: 'actors' }, actors.map((a) => h('li', null,
      h('a', { href: hrefTo.actor(a.id) }, a.name),
      a.affiliation ? h('span', { class: 'affiliation' }, ` (${a.affiliation})`) : null,
      ' — ', plural(a.records, 'enregistrement', 'enregistrements'),
      a.aliases.length ? h('p', { class: 'aliases' }, 'Aussi : ', a.aliases.join(', ')) : null))));
  };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Chercher un acteur' },
    h('div', { class: 'field' }, h('label', { for: 'actor-search' }, 'Nom ou alias'), input),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Chercher')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    history.replaceState(null, '', '#/actors' + (input.value.trim() ? '?search=' + encodeURIComponent(input.value.trim()) : ''));
    await load();
    announce(count.textContent);
  });

  await load();
  container.append(h('h1', null, 'Acteurs'), form, count, results);
  return { refresh: load };
}
