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
  return { status: response.status, body: json };
}

const get = async (path, signal) => (await send('GET', path, undefined, signal)).body;
const seg = encodeURIComponent;

export const api = {
  contradictions: ({ status, actor } = {}, signal) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (actor) params.set('actor', actor);
    const query = params.toString();
    return get('/contradictions' + (query ? '?' + query : ''), signal);
  },
  contradiction: (id, signal) => get(`/contradictions/${seg(id)}`, signal),
  /** The review queue: { sort: 'priority', status, assignee } as GET /contradictions takes them. */
  queue: (query, signal) => get('/contradictions?' + new URLSearchParams(query), signal),
  me: (signal) => send('GET', '/review/me', undefined, signal, true).then((r) => r.body),
  assign: (id) => send('POST', `/contradictions/${seg(id)}/assignment`, {}).then((r) => r.body),
  release: (id) => send('DELETE', `/contradictions/${seg(id)}/assignment`),
  recordVerdict: (id, verdict, note) => send('POST', `/contradictions/${seg(id)}/verdicts`, { verdict, note: note || null }).then((r) => r.body),
  articles: (signal) => get('/articles', signal),
  article: (id, signal) => get(`/articles/${seg(id)}`, signal),
  ingest: (request) => send('POST', '/articles', request),
  actors: (search, signal) => get('/actors' + (search ? '?search=' + seg(search) : ''), signal),
  ledger: (id, signal) => get(`/actors/${seg(id)}/ledger`, signal),
  strikes: (signal) => get('/strikes', signal),
  health: (signal) => get('/health', signal),
};

/** Each article once per page render, however many records point into it. */
export function articleCache(signal) {
  const cache = new Map();
  return (id) => {
    if (!cache.has(id)) cache.set(id, api.article(id, signal).catch(() => null));
    return cache.get(id);
  };
}
