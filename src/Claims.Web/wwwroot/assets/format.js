// French labels and dates. The API's values (open, needs-evidence…) stay the data; these are what people read.
import { h } from './dom.js';

export const STATUS_LABELS = {
  open: 'ouverte',
  confirmed: 'confirmée',
  dismissed: 'écartée',
  'needs-evidence': 'preuves requises',
  reopened: 'rouverte',
  duplicate: 'doublon',
};

export const VERDICTS = [
  { value: 'confirmed', label: 'Confirmée', hint: 'les deux côtés se contredisent bien' },
  { value: 'dismissed', label: 'Écartée', hint: 'pas de vraie contradiction' },
  { value: 'needs-evidence', label: 'Preuves requises', hint: 'à vérifier avant de trancher' },
];

export const KIND_LABELS = {
  'claim-and-denial': 'affirmation et démenti',
  'different-targets': 'cibles divergentes',
};

export const RECORD_TYPES = { statement: 'déclaration', strike: 'frappe', dispute: 'contestation' };

export const GRADE_LABELS = { 'single-source': 'source unique', corroborated: 'corroborée', contested: 'contestée' };

export const RECORD_STATUS = { active: null, corrected: 'corrigé', retracted: 'retiré' };

const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const momentFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

/** A DateOnly ("2015-10-07") as <time>. */
export function day(value) {
  if (!value) return null;
  const date = new Date(value + 'T00:00:00Z');
  return Number.isNaN(date.getTime()) ? value : h('time', { datetime: value }, dayFormat.format(date));
}

export function moment(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : h('time', { datetime: date.toISOString() }, momentFormat.format(date));
}

export function dayRange(from, to) {
  if (from && to && from !== to) return [day(from), ' – ', day(to)];
  return day(from || to) ?? 'date inconnue';
}

export function statusBadge(status) {
  return h('span', { class: `status status-${status}`, dataset: { status } }, STATUS_LABELS[status] ?? status);
}

export function gradeBadge(grade) {
  return h('span', { class: `grade grade-${grade}`, dataset: { grade } }, GRADE_LABELS[grade] ?? grade);
}

export const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** Accent- and case-insensitive comparison key ("Sergueï" ~ "serguei"). */
export const fold = (text) => (text ?? '').normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr');

export const byName = (a, b) => a.name.localeCompare(b.name, 'fr');
