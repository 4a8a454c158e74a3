// DOM building without markup: every string becomes a text node, so article text can never become HTML.
// This is the only way the page creates elements; no script of the page parses strings as markup.

const SAFE_HREF = /^(#|\/(?!\/)|https?:\/\/)/i;

/** h('a', { href: '#/x', class: 'c' }, 'text', childNode, [more]) */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if ((key === 'href' || key === 'action' || key === 'src') && !SAFE_HREF.test(String(value))) continue;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replaceChildren(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** An external link (the article's url): only http(s), opened without giving the other site a handle on this page. */
export function externalLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return label ?? url;
    return h('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank' }, label ?? url);
  } catch {
    return label ?? url;
  }
}

/** Route links: ids are encoded, so an id with '/' or '?' stays one segment. */
export const hrefTo = {
  contradictions: (query) => '#/contradictions' + queryString(query),
  contradiction: (id) => `#/contradictions/${encodeURIComponent(id)}`,
  queue: (query) => '#/queue' + queryString(query),
  actor: (id) => `#/actors/${encodeURIComponent(id)}`,
  actors: () => '#/actors',
  strikes: (query) => '#/strikes' + queryString(query),
  place: (id) => '#/strikes' + queryString({ place: id }),
  article: (id, recordId) => `#/articles/${encodeURIComponent(id)}` + (recordId ? queryString({ record: recordId }) : ''),
  articles: () => '#/articles',
  ingest: () => '#/ingest',
};

export function queryString(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) params.set(key, value);
  const text = params.toString();
  return text ? '?' + text : '';
}
