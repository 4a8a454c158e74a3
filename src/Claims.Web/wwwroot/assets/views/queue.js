// The review queue: open and reopened contradictions in priority order, with the reasons they rank there and who holds
// each. A reviewer claims one before working on it and releases it after; two reviewers claiming at once: the server
// gives it to one, and the other is told who has it.
import { api, ApiError } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { KIND_LABELS, statusBadge, plural } from '../format.js';

const FILTERS = [
  ['all', 'Toute la file'],
  ['mine', 'Les miennes'],
  ['unassigned', 'Non attribuées'],
  ['reopened', 'Rouvertes'],
];
const QUEUE = 'open,reopened';

export async function render({ container, query, signal, announce }) {
  let filter = FILTERS.some(([value]) => value === query.get('filter')) ? query.get('filter') : 'all';
  // Who the API key speaks for: "mine", and whether a hold is ours to release. Unknown without a key that may review.
  const me = await api.me(signal).then((r) => r.name, () => null);

  const results = h('div', { class: 'results' });
  const count = h('p', { class: 'count', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert' });

  const load = async () => {
    if (filter === 'mine' && !me) {
      count.textContent = '';
      replaceChildren(results, h('p', { class: 'empty' }, 'Enregistrez une clé API de relecteur (en bas de page) pour voir les vôtres.'));
      return;
    }
    const request = { sort: 'priority', status: filter === 'reopened' ? 'reopened' : QUEUE, limit: '200' };
    if (filter === 'mine') request.assignee = me;
    if (filter === 'unassigned') request.assignee = 'none';
    const { items: list, more } = await api.queue(request, signal);
    count.textContent = more
      ? `${plural(list.length, 'contradiction à revoir', 'contradictions à revoir')} en tête de file (la file continue au-delà)`
      : plural(list.length, 'contradiction à revoir', 'contradictions à revoir');
    replaceChildren(results, list.length
      ? h('ol', { class: 'queue' }, list.map((c) => h('li', null, item(c))))
      : h('p', { class: 'empty' }, 'Rien à revoir ici.'));
  };

  const act = async (what, c) => {
    error.textContent = '';
    try {
      if (what === 'claim') {
        await api.assign(c.id);
        announce(`Vous revoyez maintenant : ${c.about}`);
      } else {
        await api.release(c.id);
        announce(`Rendue à la file : ${c.about}`);
      }
    } catch (e) {
      error.textContent = e instanceof ApiError && e.status === 409 && e.problem?.assignee
        ? `Déjà prise par ${e.problem.assignee}.`
        : `Action refusée : ${e.message}`;
    }
    await load();
  };

  const item = (c) => h('article', { class: 'queue-item', dataset: { id: c.id, status: c.status, assignee: c.assignee ?? '' } },
    h('p', { class: 'priority', title: 'Priorité' }, h('span', { class: 'visually-hidden' }, 'Priorité '), c.priority.toFixed(1)),
    h('div', { class: 'queue-body' },
      h('h2', null, h('a', { href: hrefTo.contradiction(c.id) }, c.about)),
      h('p', { class: 'meta' },
        statusBadge(c.status), ' ',
        c.status === 'reopened' ? [h('span', { class: 'reopened-badge' }, 'nouvelles preuves'), ' '] : null,
        h('span', { class: 'kind' }, KIND_LABELS[c.kind] ?? c.kind)),
      h('ul', { class: 'reasons', 'aria-label': 'Pourquoi à ce rang' }, c.reasons.map((r) => h('li', null, r))),
      c.newSinceVerdict?.length ? newRecords(c.newSinceVerdict, c.newSinceVerdictCount) : null,
      h('p', { class: 'holder' },
        c.assignee ? ['Prise par ', h('strong', { class: 'assignee' }, c.assignee === me ? 'vous' : c.assignee)] : 'Personne ne la revoit.',
        ' ',
        c.assignee && c.assignee === me
          ? h('button', { type: 'button', class: 'release', onclick: () => act('release', c) }, 'Rendre')
          : c.assignee ? null : h('button', { type: 'button', class: 'claim', onclick: () => act('claim', c) }, 'Prendre'))));

  const bar = h('div', { class: 'queue-filters', role: 'group', 'aria-label': 'Filtrer la file' },
    FILTERS.map(([value, label]) => h('button', {
      type: 'button', dataset: { filter: value }, 'aria-pressed': String(value === filter),
      onclick: async (event) => {
        filter = value;
        for (const b of bar.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === event.currentTarget));
        history.replaceState(null, '', hrefTo.queue(value === 'all' ? {} : { filter: value }));
        await load();
        announce(count.textContent);
      },
    }, label)));

  await load();
  container.append(
    h('h1', null, 'File de revue'),
    h('p', { class: 'lede' }, 'Les contradictions ouvertes et rouvertes, les plus importantes d’abord. Prenez-en une avant de la revoir : personne d’autre ne la prendra.'),
    bar, error, count, results);
  return { refresh: load };
}

/** What joined a reopened contradiction since its verdict, highlighted: the API lists each side's first ones (records) and
 * counts them all (count). */
function newRecords(records, count) {
  return h('section', { class: 'new-since' },
    h('h3', null, plural(count, 'enregistrement arrivé depuis le verdict', 'enregistrements arrivés depuis le verdict')),
    h('ul', null, records.map((r) => h('li', { class: 'new-record', dataset: { record: `${r.articleId}/${r.recordId}` } },
      h('mark', null, r.text), ' — ', r.actor.name, r.outlet ? ` (${r.outlet})` : ''))));
}
