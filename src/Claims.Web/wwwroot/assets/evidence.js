// Evidence: a record's words shown where they stand in the article. The article text is split at the record's
// span [start, end) into text nodes around a <mark>; nothing in it is ever parsed as HTML.
import { h, hrefTo } from './dom.js';
import { day, RECORD_STATUS, RECORD_TYPES } from './format.js';

const CONTEXT = 280; // characters of context either side, when the paragraph is longer

function validSpan(text, span) {
  return Array.isArray(span) && span.length === 2 && Number.isInteger(span[0]) && Number.isInteger(span[1])
    && span[0] >= 0 && span[0] < span[1] && span[1] <= text.length;
}

/** The paragraph(s) holding the span, cut at word boundaries when long, with the span marked. */
export function excerpt(text, span) {
  if (!text || !validSpan(text, span)) return null;
  const [start, end] = span;
  let from = text.lastIndexOf('\n', start - 1) + 1;
  if (start - from > CONTEXT) from = text.indexOf(' ', start - CONTEXT) + 1 || start;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  if (to - end > CONTEXT) to = text.lastIndexOf(' ', end + CONTEXT) > end ? text.lastIndexOf(' ', end + CONTEXT) : end;
  return h('blockquote', { class: 'excerpt' },
    h('p', null,
      from > 0 ? '… ' : '',
      text.slice(from, start),
      h('mark', null, text.slice(start, end)),
      text.slice(end, to),
      to < text.length ? ' …' : ''));
}

/** The whole text with every span marked (overlapping spans merged), for reading a record in its full context. */
export function markedText(text, spans, { current } = {}) {
  const valid = spans.filter((s) => validSpan(text, s)).map(([a, b]) => [a, b]).sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const [a, b] of valid) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const body = h('div', { class: 'article-text', lang: 'fr' });
  let at = 0;
  for (const [a, b] of merged) {
    body.append(document.createTextNode(text.slice(at, a)));
    const isCurrent = current && current[0] >= a && current[1] <= b;
    body.append(h('mark', { class: isCurrent ? 'current' : null }, text.slice(a, b)));
    at = b;
  }
  body.append(document.createTextNode(text.slice(at)));
  return body;
}

/** A disclosure with the full article text, built only when opened (articles can be long). */
export function fullTextDisclosure(article, spans, current) {
  const details = h('details', { class: 'full-text' }, h('summary', null, 'Lire l’article entier'));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(markedText(article.text, spans, { current }));
  });
  return details;
}

export function actorLink(ref) {
  if (!ref) return null;
  return h('a', { href: hrefTo.actor(ref.id), class: 'actor' }, ref.name);
}

export function placeLinks(places) {
  if (!places?.length) return null;
  return h('ul', { class: 'chips places', 'aria-label': 'Lieux' },
    places.map((p) => h('li', null, h('a', { href: hrefTo.place(p.id), class: 'place' }, p.name))));
}

/**
 * One record as evidence: who (speaker, outlet, date), then its words highlighted in the article.
 * `record` is a RecordView or a ContradictionRecord; `article` (ArticleView) may be null when it could not be read.
 */
export function recordCard(record, article, { headingLevel = 'h3', knownActors } = {}) {
  const full = article?.records?.find((r) => r.recordId === record.recordId) ?? record;
  const outlet = record.outlet ?? article?.outlet;
  const published = record.publishedOn ?? article?.publishedOn;
  const status = RECORD_STATUS[full.status];
  const words = article ? excerpt(article.text, record.span) : null;
  const spanText = article && validSpan(article.text, record.span) ? article.text.slice(record.span[0], record.span[1]) : null;

  return h('article', { class: `record record-${record.type}`, dataset: { record: `${record.articleId}/${record.recordId}` } },
    h(headingLevel, { class: 'record-who' },
      actorLink(record.actor),
      h('span', { class: 'record-type' }, RECORD_TYPES[record.type] ?? record.type),
      status ? h('span', { class: `record-status record-status-${full.status}` }, status) : null),
    h('p', { class: 'record-source' },
      h('span', { class: 'outlet' }, outlet || 'média inconnu'), ' · ',
      day(published) ?? 'date inconnue', ' · ',
      h('a', { href: hrefTo.article(record.articleId, record.recordId) }, article?.title ? `« ${article.title} »` : 'l’article')),
    strikeFacts(full, knownActors),
    disputeFacts(full),
    words ?? h('blockquote', { class: 'excerpt' }, h('p', null, h('mark', null, record.text))),
    spanText !== null && spanText !== record.text ? h('p', { class: 'corrected-text' }, 'Texte retenu : ', h('q', null, record.text)) : null,
    article ? fullTextDisclosure(article, [record.span], record.span) : null);
}

function strikeFacts(record, knownActors) {
  if (record.type !== 'strike') return null;
  const targets = record.targets ?? [];
  return h('dl', { class: 'facts' },
    record.reportedBy ? [h('dt', null, 'Rapportée par'), h('dd', null, actorLink(record.reportedBy))] : null,
    record.date ? [h('dt', null, 'Date'), h('dd', null, day(record.date))] : null,
    record.locations?.length ? [h('dt', null, 'Lieux'), h('dd', null, placeLinks(record.locations))] : null,
    targets.length ? [h('dt', null, 'Cibles'), h('dd', null, joinRefs(targets, knownActors))] : null,
    record.weapon ? [h('dt', null, 'Arme'), h('dd', null, record.weapon)] : null);
}

function disputeFacts(record) {
  if (record.type !== 'dispute' || !record.disputedParty) return null;
  return h('dl', { class: 'facts' },
    h('dt', null, 'Conteste'), h('dd', null, actorLink(record.disputedParty)),
    record.claim ? [h('dt', null, 'L’affirmation'), h('dd', null, record.claim)] : null);
}

/** Names joined by commas; an actor with a ledger gets a link. */
export function joinRefs(refs, knownActors) {
  return refs.flatMap((ref, i) => [i ? ', ' : '', knownActors?.has(ref.id) ? actorLink(ref) : ref.name]);
}
