// The contradictions, filtered by status and actor (by the API), place and date (here, from the strike incidents
// and the records' dates). Each shows what it is about and its sides at a glance.
import { api } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { KIND_LABELS, STATUS_LABELS, statusBadge, plural, fold, byName, day } from '../format.js';
import { actorLink, placeLinks } from '../evidence.js';

export async function render({ container, query, signal, announce }) {
  const filters = {
    status: query.get('status') ?? '', actor: query.get('actor') ?? '', place: query.get('place') ?? '',
    from: query.get('from') ?? '', to: query.get('to') ?? '',
  };
  const [actors, incidents] = await Promise.all([api.actors('', signal), api.strikes(signal)]);
  const places = [...new Map(incidents.flatMap((i) => i.places).map((p) => [p.id, p])).values()].sort(byName);

  const results = h('div', { class: 'results' });
  const count = h('p', { class: 'count', role: 'status' });
  const form = filterForm(filters, actors, places);

  const load = async () => {
    const list = await api.contradictions({ status: filters.status, actor: filters.actor }, signal);
    const shown = list.map((c) => ({ c, facts: factsOf(c, incidents, places) })).filter(({ facts }) => matches(facts, filters));
    count.textContent = shown.length === list.length
      ? plural(shown.length, 'contradiction', 'contradictions')
      : `${plural(shown.length, 'contradiction', 'contradictions')} sur ${list.length}`;
    replaceChildren(results, shown.length
      ? h('ol', { class: 'contradictions' }, shown.map(({ c, facts }) => h('li', null, summary(c, facts))))
      : h('p', { class: 'empty' }, 'Aucune contradiction ne correspond à ces filtres.'));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const key of Object.keys(filters)) filters[key] = String(data.get(key) ?? '').trim();
    // The filters live in the address (shareable, kept on reload) without re-rendering the form.
    history.replaceState(null, '', hrefTo.contradictions(filters));
    await load();
    announce(count.textContent);
  });
  form.addEventListener('change', (event) => {
    if (event.target.tagName === 'SELECT' || event.target.type === 'date') form.requestSubmit();
  });

  await load();
  container.append(
    h('h1', null, 'Contradictions'),
    h('p', { class: 'lede' }, 'Deux côtés qui ne peuvent être vrais ensemble. Ouvrez-en une pour lire les preuves et rendre un verdict.'),
    form, count, results);
  return { refresh: load };
}

function filterForm(filters, actors, places) {
  const field = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  const select = (id, options, value) => h('select', { id, name: id },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  return h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrer les contradictions' },
    field('Statut', select('status', [['', 'Tous'], ...Object.entries(STATUS_LABELS)], filters.status)),
    field('Acteur', h('input', { id: 'actor', name: 'actor', type: 'search', list: 'actor-names', value: filters.actor, placeholder: 'nom, alias ou id', autocomplete: 'off' })),
    h('datalist', { id: 'actor-names' }, [...actors].sort(byName).map((a) => h('option', { value: a.name }))),
    field('Lieu', select('place', [['', 'Tous'], ...places.map((p) => [p.id, p.name])], filters.place)),
    field('Depuis le', h('input', { id: 'from', name: 'from', type: 'date', value: filters.from })),
    field('Jusqu’au', h('input', { id: 'to', name: 'to', type: 'date', value: filters.to })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Filtrer'),
      h('a', { href: hrefTo.contradictions(), class: 'reset' }, 'Tout afficher')));
}

/**
 * Where and when a contradiction is: the places and dates of the strike incidents its records belong to, the places its
 * subject names, and the dates of its articles.
 */
function factsOf(contradiction, incidents, places) {
  const records = contradiction.sides.flatMap((s) => s.records);
  const keys = new Set(records.map((r) => `${r.articleId}/${r.recordId}`));
  const linked = incidents.filter((i) => i.sources.some((s) => keys.has(`${s.articleId}/${s.recordId}`)));
  const about = fold(contradiction.about);
  const placeMap = new Map(linked.flatMap((i) => i.places).map((p) => [p.id, p]));
  for (const place of places) if (about.includes(fold(place.name))) placeMap.set(place.id, place);
  const dates = [
    ...records.map((r) => r.publishedOn),
    ...linked.flatMap((i) => [i.from, i.to]),
  ].filter(Boolean).sort();
  return { places: [...placeMap.values()].sort(byName), dates };
}

function matches(facts, filters) {
  if (filters.place && !facts.places.some((p) => p.id === filters.place)) return false;
  if (filters.from || filters.to) {
    const inRange = (d) => (!filters.from || d >= filters.from) && (!filters.to || d <= filters.to);
    if (!facts.dates.some(inRange)) return false;
  }
  return true;
}

function summary(c, facts) {
  const first = facts.dates[0];
  const last = facts.dates[facts.dates.length - 1];
  return h('article', { class: 'contradiction-summary', dataset: { id: c.id, status: c.status } },
    h('h2', null, h('a', { href: hrefTo.contradiction(c.id) }, c.about)),
    h('p', { class: 'meta' },
      statusBadge(c.status), ' ',
      h('span', { class: 'kind' }, KIND_LABELS[c.kind] ?? c.kind),
      first ? [' · ', day(first), last !== first ? [' – ', day(last)] : null] : null),
    placeLinks(facts.places),
    h('ul', { class: 'sides-glance', 'aria-label': 'Côtés' }, c.sides.map((side, i) => h('li', { class: `side-${i % 2 ? 'b' : 'a'}` },
      h('p', { class: 'position' }, side.position),
      h('p', { class: 'who' }, uniqueActors(side.records).flatMap((a, j) => [j ? ', ' : '', actorLink(a)]),
        ' — ', plural(side.records.length, 'enregistrement', 'enregistrements'))))));
}

function uniqueActors(records) {
  return [...new Map(records.map((r) => [r.actor.id, r.actor])).values()];
}

