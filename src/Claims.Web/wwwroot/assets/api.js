// The JSON API (same origin). Errors carry the server's problem+json detail, which names what was wrong.

const KEY_STORAGE = 'claims.apiKey';

export class ApiError extends Error {
  constructor(status, problem, path) {
    super(problem?.detail || problem?.title || `HTTP ${status} sur ${path}`);
    this.status = status;
    this.problem = problem;
  }
}

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE) || '',
  set: (value) => (value ? sessionStorage.setItem(KEY_STORAGE, value) : sessionStorage.removeItem(KEY_STORAGE)),
};

// The key goes with writes, and with the one read that asks who it is (withKey).
async function send(method, path, body, signal, withKey = method !== 'GET') {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (withKey && apiKey.get()) headers['X-Api-Key'] = apiKey.get();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) throw new ApiError(response.status, json, path);
  return { status: response.status, body: json, next: nextLink(response.headers.get('Link')) };
}

// A paged list says where its next page is in `Link: <…>; rel="next"` (RFC 8288), absent on the last page.
function nextLink(header) {
  const match = /<([^>]*)>\s*;\s*rel="next"/.exec(header ?? '');
  return match ? match[1] : null;
}

const get = async (path, signal) => (await send('GET', path, undefined, signal)).body;

// Every page of a paged list, in order: the views filter and count the whole list, not its first page.
async function getPages(path, signal) {
  const pages = [];
  for (let next = path; next;) {
    const page = await send('GET', next, undefined, signal);
    pages.push(page.body);
    next = page.next;
  }
  return pages;
}
const getAll = async (path, signal) => (await getPages(path, signal)).flat();
const seg = encodeURIComponent;

export const api = {
  contradictions: ({ status, actor } = {}, signal) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (actor) params.set('actor', actor);
    const query = params.toString();
    return getAll('/contradictions' + (query ? '?' + query : ''), signal);
  },
  contradiction: (id, signal) => get(`/contradictions/${seg(id)}`, signal),
  /** The review queue's first page: { sort: 'priority', status, assignee, limit } as GET /contradictions takes them; `more`
   *  when the queue goes on past it (the team works from the top, so the rest is not read). */
  queue: async (query, signal) => {
    const page = await send('GET', '/contradictions?' + new URLSearchParams(query), undefined, signal);
    return { items: page.body, more: page.next !== null };
  },
  me: (signal) => send('GET', '/review/me', undefined, signal, true).then((r) => r.body),
  assign: (id) => send('POST', `/contradictions/${seg(id)}/assignment`, {}).then((r) => r.body),
  release: (id) => send('DELETE', `/contradictions/${seg(id)}/assignment`),
  recordVerdict: (id, verdict, note) => send('POST', `/contradictions/${seg(id)}/verdicts`, { verdict, note: note || null }).then((r) => r.body),
  articles: (signal) => getAll('/articles', signal),
  article: (id, signal) => get(`/articles/${seg(id)}`, signal),
  ingest: (request) => send('POST', '/articles', request),
  actors: (search, signal) => get('/actors' + (search ? '?search=' + seg(search) : ''), signal),
  /** The whole ledger: the entries of every page joined, section by section (the actor is the same on each page). */
  ledger: async (id, signal) => {
    const [first, ...rest] = await getPages(`/actors/${seg(id)}/ledger`, signal);
    for (const page of rest) {
      for (const [section, entries] of Object.entries(page)) if (Array.isArray(entries)) (first[section] ??= []).push(...entries);
    }
    return first;
  },
  strikes: (signal) => getAll('/strikes', signal),
  health: (signal) => get('/health', signal),
  /** { position }: the last event the feed serves now, where following it live starts. */
  feedHead: (signal) => get('/events/head', signal),
};

/** Each article once per page render, however many records point into it. */
export function articleCache(signal) {
  const cache = new Map();
  return (id) => {
    if (!cache.has(id)) cache.set(id, api.article(id, signal).catch(() => null));
    return cache.get(id);
  };
}
