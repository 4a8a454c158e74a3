// One contradiction: each side's records as evidence highlighted in their articles, the verdict form and the review history.
import { api, articleCache } from '../api.js';
import { h, hrefTo, replaceChildren } from '../dom.js';
import { KIND_LABELS, STATUS_LABELS, VERDICTS, statusBadge, moment, plural } from '../format.js';
import { recordCard } from '../evidence.js';

export async function render({ container, params: [id], signal, announce }) {
  const [contradiction, actors] = await Promise.all([api.contradiction(id, signal), api.actors('', signal)]);
  const knownActors = new Set(actors.map((a) => a.id));
  const articleOf = articleCache(signal);
  const articleIds = [...new Set(contradiction.sides.flatMap((s) => s.records.map((r) => r.articleId)))];
  const articles = new Map(await Promise.all(articleIds.map(async (a) => [a, await articleOf(a)])));

  const status = h('p', { class: 'meta' });
  const history = h('section', { class: 'history', 'aria-labelledby': 'history-title' });
  // Reopened: the records that joined since the verdict are marked as new.
  const added = new Set((contradiction.newSinceVerdict ?? []).map((r) => `${r.articleId}/${r.recordId}`));
  const show = (c) => {
    replaceChildren(status, 'Statut : ', statusBadge(c.status), ' · ', h('span', { class: 'kind' }, KIND_LABELS[c.kind] ?? c.kind),
      c.status === 'reopened' ? [' · ', h('span', { class: 'reopened-badge' }, plural(c.newSinceVerdictCount, 'nouvel enregistrement depuis le verdict', 'nouveaux enregistrements depuis le verdict'))] : null,
      c.assignee ? [' · prise par ', h('strong', { class: 'assignee' }, c.assignee)] : null);
    replaceChildren(history, h('h2', { id: 'history-title' }, 'Historique des verdicts'), historyList(c.history));
  };
  show(contradiction);

  container.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: hrefTo.contradictions() }, '← Contradictions')),
    h('h1', null, contradiction.about),
    status,
    h('div', { class: 'sides' }, contradiction.sides.map((side, i) => h('section', {
      class: `side side-${i % 2 ? 'b' : 'a'}`, 'aria-labelledby': `side-${i}`,
    },
    h('h2', { id: `side-${i}` }, h('span', { class: 'side-label' }, `Côté ${String.fromCharCode(65 + i)}`), ' ', side.position),
    h('p', { class: 'count' }, plural(side.records.length, 'enregistrement', 'enregistrements')),
    h('ol', { class: 'records' }, side.records.map((r) => h('li', added.has(`${r.articleId}/${r.recordId}`) ? { class: 'new-record' } : null,
      added.has(`${r.articleId}/${r.recordId}`) ? h('p', { class: 'reopened-badge' }, 'nouveau depuis le verdict') : null,
      recordCard(r, articles.get(r.articleId), { knownActors }))))))),
    verdictForm(contradiction.id, (updated) => {
      show(updated);
      announce(`Verdict enregistré : ${STATUS_LABELS[updated.status] ?? updated.status}`);
    }),
    history);

  return {
    // Another reviewer's verdict (or a correction) arrived: update the status and history, keep what is typed in the form.
    refresh: async (events) => {
      if (events && !events.some((e) => e.type !== 'ArticleIngested')) return;
      show(await api.contradiction(id, signal));
    },
  };
}

function historyList(entries) {
  if (!entries.length) return h('p', { class: 'empty' }, 'Aucun verdict pour l’instant.');
  return h('ol', { class: 'verdicts', reversed: true }, [...entries].reverse().map((v) => h('li', { dataset: { verdict: v.verdict } },
    h('p', null, h('strong', null, STATUS_LABELS[v.verdict] ?? v.verdict), ' — ', v.reviewer, ', ', moment(v.recordedAt)),
    v.note ? h('blockquote', { class: 'note' }, h('p', null, v.note)) : null)));
}

function verdictForm(id, onRecorded) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit' }, 'Enregistrer le verdict');
  const form = h('form', { class: 'verdict-form', 'aria-labelledby': 'verdict-title' },
    h('h2', { id: 'verdict-title' }, 'Rendre un verdict'),
    h('fieldset', null,
      h('legend', null, 'Verdict'),
      VERDICTS.map((v) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'verdict', id: `verdict-${v.value}`, value: v.value, required: true }),
        h('label', { for: `verdict-${v.value}` }, v.label, h('span', { class: 'hint' }, ` — ${v.hint}`))))),
    h('div', { class: 'field' },
      h('label', { for: 'verdict-note' }, 'Note (sources, raisonnement)'),
      h('textarea', { id: 'verdict-note', name: 'note', rows: 3 })),
    error, button);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    error.textContent = '';
    button.disabled = true;
    try {
      const updated = await api.recordVerdict(id, String(data.get('verdict') ?? ''), String(data.get('note') ?? '').trim());
      form.reset();
      onRecorded(updated);
    } catch (e) {
      error.textContent = `Le verdict n’a pas été enregistré : ${e.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
