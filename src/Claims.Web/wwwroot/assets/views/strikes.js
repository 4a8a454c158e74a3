// The strike incidents as a timeline: reports grouped by perpetrator, place and dates, graded single-source,
// corroborated or contested. ?place= narrows it to one place (the target of every place link).
import { api } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { GRADE_LABELS, gradeBadge, dayRange, day, plural, byName } from '../format.js';
import { actorLink, placeLinks, joinRefs } from '../evidence.js';

export async function render({ container, query, signal, announce }) {
  const filters = { place: query.get('place') ?? '', grade: query.get('grade') ?? '' };
  const results = h('div', { class: 'results' });
  const count = h('p', { class: 'count', role: 'status' });
  let placeSelect = null;

  const load = async () => {
    const [incidents, actors] = await Promise.all([api.strikes(signal), api.actors('', signal)]);
    const knownActors = new Set(actors.map((a) => a.id));
    const places = [...new Map(incidents.flatMap((i) => i.places).map((p) => [p.id, p])).values()].sort(byName);
    fillPlaces(placeSelect, places, filters.place);
    const shown = incidents
      .filter((i) => (!filters.place || i.places.some((p) => p.id === filters.place)) && (!filters.grade || i.grade === filters.grade))
      .sort((a, b) => (a.from ?? '9999').localeCompare(b.from ?? '9999') || (a.to ?? '').localeCompare(b.to ?? ''));
    const place = places.find((p) => p.id === filters.place);
    count.textContent = plural(shown.length, 'incident', 'incidents') + (place ? ` à ${place.name}` : '');
    replaceChildren(results, shown.length
      ? h('ol', { class: 'timeline' }, shown.map((i) => h('li', { dataset: { incident: i.id, grade: i.grade } }, incident(i, knownActors))))
      : h('p', { class: 'empty' }, 'Aucun incident ne correspond.'));
  };

  placeSelect = h('select', { id: 'place', name: 'place' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filtrer les frappes' },
    h('div', { class: 'field' }, h('label', { for: 'place' }, 'Lieu'), placeSelect),
    h('div', { class: 'field' }, h('label', { for: 'grade' }, 'Fiabilité'),
      h('select', { id: 'grade', name: 'grade' }, [['', 'Toutes'], ...Object.entries(GRADE_LABELS)].map(([v, label]) =>
        h('option', { value: v, selected: v === filters.grade }, label)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Filtrer'), h('a', { href: hrefTo.strikes(), class: 'reset' }, 'Tout afficher')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    filters.place = placeSelect.value;
    filters.grade = form.elements.grade.value;
    history.replaceState(null, '', hrefTo.strikes(filters));
    await load();
    announce(count.textContent);
  });
  form.addEventListener('change', () => form.requestSubmit());
  // A place link followed from this page changes only the query: keep the select in step.
  await load();
  container.append(h('h1', null, 'Frappes : chronologie des incidents'), form, count, results);
  return { refresh: load };
}

function fillPlaces(select, places, selected) {
  replaceChildren(select, h('option', { value: '' }, 'Tous'), places.map((p) => h('option', { value: p.id, selected: p.id === selected }, p.name)));
}

function incident(i, knownActors) {
  return h('article', { class: 'incident' },
    h('h2', null, h('span', { class: 'when' }, dayRange(i.from, i.to)), ' — ', actorLink(i.perpetrator)),
    h('p', { class: 'meta' }, gradeBadge(i.grade), ' · ', plural(i.sources.length, 'source', 'sources')),
    placeLinks(i.places),
    h('ul', { class: 'sources', 'aria-label': 'Sources' }, i.sources.map((s) => h('li', null,
      s.reportedBy ? ['Rapportée par ', actorLink(s.reportedBy)] : 'Source non nommée',
      ' · ', s.outlet || 'média inconnu',
      s.publishedOn ? [' · ', day(s.publishedOn)] : null,
      s.targets.length ? [' · cibles : ', joinRefs(s.targets, knownActors)] : null,
      ' · ', h('a', { href: hrefTo.article(s.articleId, s.recordId) }, 'voir dans l’article')))));
}
