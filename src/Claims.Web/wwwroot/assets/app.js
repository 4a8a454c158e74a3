// The review page: hash routes, one view at a time in <main>, refreshed in place by the live feed.
import { apiKey, ApiError } from './api.js';
import { h, replaceChildren, hrefTo } from './dom.js';
import { followLive } from './live.js';
import * as queue from './views/queue.js';
import * as contradictions from './views/contradictions.js';
import * as contradiction from './views/contradiction.js';
import * as actors from './views/actors.js';
import * as ledger from './views/ledger.js';
import * as strikes from './views/strikes.js';
import * as articles from './views/articles.js';
import * as article from './views/article.js';
import * as ingest from './views/ingest.js';

const ROUTES = [
  [/^\/queue$/, 'queue', queue],
  [/^\/contradictions$/, 'contradictions', contradictions],
  [/^\/contradictions\/([^/]+)$/, 'contradictions', contradiction],
  [/^\/actors$/, 'actors', actors],
  [/^\/actors\/([^/]+)$/, 'actors', ledger],
  [/^\/strikes$/, 'strikes', strikes],
  [/^\/articles$/, 'articles', articles],
  [/^\/articles\/([^/]+)$/, 'articles', article],
  [/^\/ingest$/, 'ingest', ingest],
];

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let current = null; // { controller, view }: the view on screen, whose refresh() the live feed calls
let firstRoute = true; // the first view leaves focus at the top of the page (skip link first)

/** Polite screen-reader (and visible) notice. */
let announcerTimer = 0;
export function announce(message) {
  announcer.textContent = '';
  clearTimeout(announcerTimer);
  // A new text node after a tick, so the same message twice is still read; it fades after a few seconds.
  setTimeout(() => { announcer.textContent = message; }, 50);
  announcerTimer = setTimeout(() => { announcer.textContent = ''; }, 8000);
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/contradictions';
  const [path, query = ''] = raw.split('?');
  return { path: path.replace(/\/+$/, '') || '/contradictions', query: new URLSearchParams(query) };
}

async function route() {
  const { path, query } = parseHash();
  current?.controller.abort();
  const controller = new AbortController();
  const handle = { controller, view: null };
  current = handle;

  const match = ROUTES.map(([pattern, section, view]) => ({ m: path.match(pattern), section, view })).find((r) => r.m);
  for (const link of document.querySelectorAll('nav a[data-section]')) {
    if (link.dataset.section === match?.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  main.setAttribute('aria-busy', 'true');
  replaceChildren(main, h('p', { class: 'loading' }, 'Chargement…'));
  try {
    if (!match) throw new ApiError(404, { detail: `Aucune page « ${path} ».` }, path);
    const params = match.m.slice(1).map(decodeURIComponent);
    const container = h('div', { class: 'view' });
    const view = await match.view.render({ container, params, query, signal: controller.signal, announce, navigate });
    if (current !== handle) return; // the reader moved on while this view loaded
    handle.view = view ?? {};
    replaceChildren(main, container);
    const heading = main.querySelector('h1');
    document.title = `${heading?.textContent ?? 'Claims'} · Claims`;
    heading?.setAttribute('tabindex', '-1');
    // After a navigation, focus goes to the new heading, so keyboard and screen-reader users start there.
    if (!firstRoute) (heading ?? main).focus();
    firstRoute = false;
    window.scrollTo(0, 0);
  } catch (error) {
    if (controller.signal.aborted) return;
    replaceChildren(main, errorView(error));
    document.title = 'Erreur · Claims';
    main.querySelector('h1')?.focus();
  } finally {
    if (current === handle) main.removeAttribute('aria-busy');
  }
}

function errorView(error) {
  const notFound = error instanceof ApiError && error.status === 404;
  return h('section', { class: 'error-page' },
    h('h1', { tabindex: '-1' }, notFound ? 'Introuvable' : 'Cette page n’a pas pu être chargée'),
    h('p', { role: 'alert' }, error.message),
    h('p', null, h('a', { href: hrefTo.contradictions() }, 'Retour aux contradictions')));
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

const LIVE_LABELS = { live: 'En direct', connecting: 'Reconnexion au flux…', offline: 'Flux indisponible (rechargez pour voir les nouveautés)' };
function showLiveState(state) {
  const indicator = document.getElementById('live-state');
  indicator.dataset.state = state;
  indicator.textContent = LIVE_LABELS[state];
}

async function onLiveEvents(events) {
  const articlesIn = events.filter((e) => e.type === 'ArticleIngested');
  const verdicts = events.filter((e) => e.type === 'ContradictionVerdictRecorded');
  if (articlesIn.length === 1) announce(`Nouvel article : ${articlesIn[0].data?.title || articlesIn[0].data?.outlet || articlesIn[0].subject}`);
  else if (articlesIn.length > 1) announce(`${articlesIn.length} nouveaux articles`);
  if (verdicts.length) announce(verdicts.length === 1 ? 'Nouveau verdict enregistré' : `${verdicts.length} nouveaux verdicts`);
  const handle = current;
  try {
    await handle?.view?.refresh?.(events);
  } catch (error) {
    // The reader moved to another view while this one refreshed: its requests were aborted on purpose, nothing failed.
    if (handle?.controller.signal.aborted) return;
    throw error;
  }
}

function setUpApiKeyForm() {
  const form = document.getElementById('api-key-form');
  const input = document.getElementById('api-key');
  input.value = apiKey.get();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apiKey.set(input.value.trim());
    announce(input.value.trim() ? 'Clé API enregistrée pour cet onglet' : 'Clé API effacée');
  });
}

window.addEventListener('hashchange', route);
setUpApiKeyForm();
route();
followLive(onLiveEvents, showLiveState);
