// New articles and verdicts without a reload: GET /events/live (Server-Sent Events of CloudEvents envelopes).
// The read models are async projections, so after an event the page waits until /health shows them caught up
// (every lag 0, or a few seconds at most) before asking the current view to refresh.
import { api } from './api.js';

export const LIVE_TYPES = [
  'ArticleIngested', 'ArticleRevised', 'ArticleReExtracted', 'RecordCorrected', 'RecordRetracted', 'ContradictionVerdictRecorded',
  'ContradictionAssigned', 'ContradictionReleased', 'ContradictionMarkedDuplicate', 'ContradictionDuplicateUndone', 'ContradictionReopened',
];

const typeQuery = 'type=' + LIVE_TYPES.join(',');
const CATCH_UP_LIMIT_MS = 5000;

/**
 * The position to follow from: the feed's current end (GET /events/head). Walking the feed to its last event instead
 * cost a request per thousand events of these types on every page load: a whole archive on a large log.
 */
async function head() {
  return String((await api.feedHead()).position);
}

async function projectionsCaughtUp() {
  const deadline = Date.now() + CATCH_UP_LIMIT_MS;
  for (let wait = 100; Date.now() < deadline; wait = Math.min(wait * 2, 800)) {
    try {
      const health = await api.health();
      if (health.projections.every((p) => p.lag === 0)) return;
    } catch { /* the server answers 503 while the database is away: keep waiting */ }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Follows the feed; onEvents(envelopes) gets each burst once the read models include it.
 * onState('live' | 'connecting' | 'offline') drives the header indicator.
 */
export async function followLive(onEvents, onState) {
  if (!('EventSource' in window)) return onState('offline');
  let after;
  try {
    after = await head();
  } catch {
    return onState('offline'); // no feed mapped on this server: the page still works, with manual reloads
  }
  // EventSource resumes by itself with Last-Event-ID after a drop, so nothing is missed.
  const source = new EventSource(`/events/live?${typeQuery}&after=${encodeURIComponent(after)}`);
  let pending = [];
  let flushing = null;

  const flush = async () => {
    while (pending.length) {
      const burst = pending;
      pending = [];
      await projectionsCaughtUp();
      try { await onEvents(burst); } catch (e) { console.error('live refresh failed', e); }
    }
    flushing = null;
  };
  const receive = (message) => {
    try { pending.push(JSON.parse(message.data)); } catch { return; }
    flushing ??= flush();
  };
  for (const type of LIVE_TYPES) source.addEventListener(type, receive);
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting'));
}
