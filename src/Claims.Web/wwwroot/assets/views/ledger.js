// An actor's ledger: what they said, the strikes they reported or are blamed for, the disputes they made or received.
import { api, articleCache } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { recordCard } from '../evidence.js';

const SECTIONS = [
  ['statements', 'Déclarations'],
  ['strikesAttributed', 'Frappes qui lui sont attribuées'],
  ['strikesReported', 'Frappes rapportées'],
  ['disputesMade', 'Contestations faites'],
  ['disputesReceived', 'Contestations reçues'],
];

export async function render({ container, params: [id], signal }) {
  const body = h('div', { class: 'ledger' });
  const load = async () => {
    const [ledger, actors] = await Promise.all([api.ledger(id, signal), api.actors('', signal)]);
    const knownActors = new Set(actors.map((a) => a.id));
    const articleOf = articleCache(signal);
    const entries = SECTIONS.flatMap(([key]) => ledger[key]);
    const articles = new Map(await Promise.all([...new Set(entries.map((e) => e.articleId))].map(async (a) => [a, await articleOf(a)])));
    const { actor } = ledger;
    replaceChildren(body,
      h('p', { class: 'breadcrumb' }, h('a', { href: hrefTo.actors() }, '← Acteurs')),
      h('h1', null, actor.name),
      h('p', { class: 'meta' },
        actor.affiliation ? [`Affiliation : ${actor.affiliation}`, ' · '] : null,
        plural(actor.records, 'enregistrement', 'enregistrements'), ' · ',
        h('a', { href: hrefTo.contradictions({ actor: actor.id }) }, 'ses contradictions')),
      actor.aliases.length ? h('p', { class: 'aliases' }, 'Aussi nommé : ', actor.aliases.join(', ')) : null,
      h("nav", { class: "toc", "aria-label": "Sections du registre" }, h("ul", null, SECTIONS.filter(([key]) => ledger[key].length).map(([key, title]) =>
        h('li', null, h('a', { href: `#ledger-${key}`, onclick: jumpTo(`ledger-${key}`) }, `${title} (${ledger[key].length})`))))),
      SECTIONS.filter(([key]) => ledger[key].length).map(([key, title]) => h('section', { id: `ledger-${key}`, 'aria-labelledby': `ledger-${key}-title` },
        h('h2', { id: `ledger-${key}-title`, tabindex: '-1' }, title),
        h('ol', { class: 'records' }, ledger[key].map((entry) => h('li', null,
          recordCard({ ...entry.record, outlet: entry.outlet, publishedOn: entry.publishedOn }, articles.get(entry.articleId), { knownActors }),
          contradictionLinks(entry.record.contradictions)))))));
  };
  await load();
  container.append(body);
  return { refresh: load };
}

/** In-page links would change the hash route: move focus and scroll instead. */
function jumpTo(targetId) {
  return (event) => {
    event.preventDefault();
    const heading = document.getElementById(`${targetId}-title`);
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  };
}

function contradictionLinks(ids) {
  if (!ids?.length) return null;
  return h('p', { class: 'in-contradictions' }, 'Dans : ', ids.flatMap((cid, i) => [i ? ', ' : '', h('a', { href: hrefTo.contradiction(cid) }, `contradiction ${cid}`)]));
}
