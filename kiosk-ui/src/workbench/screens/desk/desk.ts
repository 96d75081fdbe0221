import { el } from '../../../shared/dom.js';
import { api, apiUrl, describeError } from '../../api/client.js';
import type { DossierInfo } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import type { View } from '../../router.js';
import { announce } from '../../ui/announce.js';
import { formatDateTime, formatDay, formatTime, showValue } from '../../ui/format.js';
import { badge, input, labelled, messageArea, section, table } from '../../ui/widgets.js';
import { renderCallbacks } from './callbacks.js';
import { renderTickets } from './tickets.js';

const REFRESH_MS = 10_000;
const REFERENCE = /HS[\s\-_.]*([0-9A-Z]{3})[\s\-_.]*([0-9A-Z]{3})[\s\-_.]*([0-9A-Z]{3})/i;

/**
 * The reference in what was typed or scanned: a USB QR scanner types the printed code (perhaps inside a URL or
 * with extra characters) followed by Enter. Undefined when no `HS-XXX-XXX-XXX` (or bare 9 symbols) is in it.
 */
export function extractReference(text: string): string | undefined {
  const match = REFERENCE.exec(text.trim());
  if (match) return `HS-${match[1]}-${match[2]}-${match[3]}`.toUpperCase();
  const bare = text.trim().replace(/[\s\-_.]/g, '');
  return /^[0-9A-Z]{9}$/i.test(bare) ? bare.toUpperCase() : undefined;
}

/** `#/desk`: open a dossier by its code (typed or scanned), print it, mark it received; today's dossiers and tickets. */
export function renderDesk(view: View): void {
  view.heading(s.desk.title);
  const form = el('form', 'card scan');
  form.noValidate = true;
  const code = input('reference', 'text');
  code.className = 'big-input';
  code.autocomplete = 'off';
  code.spellcheck = false;
  code.autocapitalize = 'characters';
  const open = el('button', 'btn primary', s.desk.open);
  open.type = 'submit';
  const row = el('div', 'scan-row');
  row.append(labelled(s.desk.reference, code, s.desk.referenceHint), open);
  const message = messageArea();
  form.append(row, message.node);
  const dossierSlot = el('div', 'dossier-slot');
  const today = section(s.desk.today, 'card today');
  const todayBody = el('div');
  today.node.append(todayBody);
  const tickets = renderTickets(view.signal);
  const callbacks = renderCallbacks(view.signal);
  view.main.append(form, dossierSlot, tickets.node, callbacks.node, today.node);

  const refreshToday = async () => {
    try {
      const { dossiers } = await api.get<{ dossiers: DossierInfo[] }>('/dossiers', undefined, view.signal);
      if (view.signal.aborted) return;
      todayBody.replaceChildren(
        dossiers.length === 0
          ? el('p', 'muted', s.desk.todayEmpty)
          : table(s.desk.today, [s.desk.referenceShort, s.desk.form, s.desk.status, s.desk.created], dossiers.map((d) => [openButton(d.reference), d.formTitle ?? d.formId, s.desk.statuses[d.status] ?? d.status, formatTime(d.createdAt)]), { hideCaption: true }),
      );
    } catch (error) {
      if (!view.signal.aborted) todayBody.replaceChildren(el('p', 'message message-error', describeError(error)));
    }
  };

  const openButton = (reference: string) => {
    const b = el('button', 'linklike', reference);
    b.type = 'button';
    b.addEventListener('click', () => void show(reference));
    return b;
  };

  const show = async (reference: string) => {
    message.clear();
    try {
      const { dossier } = await api.get<{ dossier: DossierInfo }>(`/dossiers/${encodeURIComponent(reference)}`);
      dossierSlot.replaceChildren(renderDossier(dossier, async () => {
        const result = await api.post<{ dossier: DossierInfo }>(`/dossiers/${encodeURIComponent(dossier.reference)}/received`);
        announce(s.desk.markedReceived(result.dossier?.reference ?? dossier.reference), 'ok');
        await show(dossier.reference);
        void refreshToday();
      }));
      announce(`${s.desk.dossier(dossier.reference)}: ${s.desk.statuses[dossier.status] ?? dossier.status}`, 'info');
    } catch (error) {
      dossierSlot.replaceChildren();
      message.show(describeError(error), 'error');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reference = extractReference(code.value);
    if (!reference) {
      message.show(s.desk.notAReference, 'error');
      code.select();
      return;
    }
    code.value = reference;
    code.select();
    void show(reference);
  });

  void refreshToday();
  const timer = window.setInterval(() => void refreshToday(), REFRESH_MS);
  view.signal.addEventListener('abort', () => window.clearInterval(timer));
  code.focus();
}

interface FormField {
  name: string;
  label: { vi: string };
  group?: { vi: string };
  options?: { value: string; label: { vi: string } }[];
}
let forms: Promise<{ id: string; title: string | { vi: string }; fields: FormField[] }[]> | undefined;

/** The public form definitions (`GET /api/forms`), for field labels instead of `tre.ho_ten`. */
function loadForms(): Promise<{ id: string; title: string | { vi: string }; fields: FormField[] }[]> {
  forms ??= fetch('/api/forms', { credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<{ forms: { id: string; title: string | { vi: string }; fields: FormField[] }[] }>) : { forms: [] }))
    .then((b) => b.forms ?? [])
    .catch(() => {
      forms = undefined;
      return [];
    });
  return forms;
}

function renderDossier(dossier: DossierInfo, markReceived: () => Promise<void>): HTMLElement {
  const { node } = section(s.desk.dossier(dossier.reference), 'card dossier');
  node.dataset.reference = dossier.reference;
  const meta = el('dl', 'meta');
  const add = (label: string, value: Node | string) => {
    const dd = el('dd');
    dd.append(value);
    meta.append(el('dt', undefined, label), dd);
  };
  add(s.desk.form, dossier.formTitle ?? dossier.formId);
  add(s.desk.status, badge(s.desk.statuses[dossier.status] ?? dossier.status, dossier.status === 'received' ? 'ok' : 'warn'));
  add(s.desk.created, formatDateTime(dossier.createdAt));
  if (dossier.receivedAt) add(s.desk.received, formatDateTime(dossier.receivedAt));
  const values = Object.entries(dossier.values ?? {});
  const message = messageArea();
  const actions = el('div', 'actions');
  const print = el('button', 'btn', s.desk.print);
  print.type = 'button';
  print.addEventListener('click', () => window.open(apiUrl(`/dossiers/${encodeURIComponent(dossier.reference)}/print`), '_blank', 'noopener'));
  actions.append(print);
  if (dossier.status !== 'received') {
    const received = el('button', 'btn primary', s.desk.markReceived);
    received.type = 'button';
    received.addEventListener('click', async () => {
      received.disabled = true;
      try {
        await markReceived();
      } catch (error) {
        message.show(describeError(error), 'error');
        received.disabled = false;
      }
    });
    actions.append(received);
  }
  const valuesSlot = el('div');
  const showValues = (fields: FormField[]) =>
    valuesSlot.replaceChildren(
      table(s.desk.dossier(dossier.reference), [s.desk.field, s.desk.value], values.map(([name, value]) => {
        const field = fields.find((f) => f.name === name);
        const label = field ? (field.group ? `${field.label.vi} (${field.group.vi})` : field.label.vi) : name;
        const shown = field?.options?.find((o) => o.value === value)?.label.vi ?? (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : showValue(value));
        return [label, shown];
      }), { hideCaption: true, className: 'values' }),
    );
  showValues([]);
  void loadForms().then((all) => {
    const form = all.find((f) => f.id === dossier.formId);
    if (!form) return;
    showValues(form.fields);
  });
  node.append(meta, actions, message.node, valuesSlot);
  return node;
}
