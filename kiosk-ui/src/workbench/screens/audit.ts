import { el } from '../../shared/dom.js';
import { api } from '../api/client.js';
import type { AuditEventInfo } from '../api/types.js';
import { diffValues } from '../diff/diff.js';
import { renderDiff } from '../diff/diff-view.js';
import { s } from '../i18n/strings.js';
import { replaceQuery, type View } from '../router.js';
import { formatDateTime } from '../ui/format.js';
import { input, labelled, loadFiltered, loadingNote, messageArea, select, table } from '../ui/widgets.js';

/** `#/audit` (admin): who did what and when, filtered by action and target, with before/after on demand. */
export function renderAudit(view: View): void {
  view.heading(s.audit.title);
  const form = el('form', 'card filters');
  const action = input('action', 'text', view.query.get('action') ?? '');
  action.setAttribute('list', 'audit-actions');
  const actions = el('datalist');
  actions.id = 'audit-actions';
  for (const known of ['login', 'login.failed', 'login.refused', 'logout', 'revision.draft', 'revision.publish', 'revision.discard', 'revision.rollback', 'gaps.attach', 'gaps.dismiss', 'dossier.received', 'ticket.call', 'ticket.finish', 'official.create', 'official.update']) {
    const option = el('option');
    option.value = known;
    actions.append(option);
  }
  const targetId = input('targetId', 'text', view.query.get('targetId') ?? '');
  const limit = select('limit', [['50', '50'], ['100', '100'], ['200', '200'], ['500', '500']], view.query.get('limit') ?? '100');
  const submit = el('button', 'btn primary', s.audit.filter);
  submit.type = 'submit';
  form.append(labelled(s.audit.action, action), actions, labelled(s.audit.targetId, targetId), labelled(s.audit.limit, limit), submit);
  const message = messageArea();
  const body = el('div');
  view.main.append(form, message.node, body);

  const load = async () => {
    const query = { action: action.value.trim(), targetId: targetId.value.trim(), limit: limit.value };
    replaceQuery('/audit', query);
    body.replaceChildren(loadingNote());
    const { events } = await api.get<{ events: AuditEventInfo[] }>('/audit', query, view.signal);
    if (view.signal.aborted) return;
    message.clear();
    body.replaceChildren(
      events.length === 0
        ? el('p', 'muted', s.audit.empty)
        : table(s.audit.title, [s.audit.time, s.audit.actor, s.audit.action, s.audit.target, s.audit.details], events.map((event) => [
            formatDateTime(event.createdAt),
            event.actor,
            el('code', undefined, event.action),
            [event.targetKind ? (s.audit.kinds[event.targetKind] ?? event.targetKind) : undefined, event.targetTitle ?? event.targetId].filter(Boolean).join(': ') || s.empty,
            renderChange(event),
          ]), { hideCaption: true, className: 'audit' }),
    );
  };
  loadFiltered(form, { body, message, signal: view.signal }, load);
}

/** Before/after: a compact diff when both are objects, otherwise each as JSON in a <pre> (textContent only). */
function renderChange(event: AuditEventInfo): HTMLElement | string {
  if (event.before === undefined && event.after === undefined) return s.empty;
  const details = el('details');
  details.append(el('summary', undefined, s.audit.details));
  const isObject = (v: unknown) => typeof v === 'object' && v !== null;
  if (isObject(event.before) && isObject(event.after)) {
    details.append(renderDiff(diffValues(event.before, event.after)));
  } else {
    if (event.before !== undefined) details.append(el('p', 'label', s.audit.before), el('pre', 'json', JSON.stringify(event.before, null, 2)));
    if (event.after !== undefined) details.append(el('p', 'label', s.audit.after), el('pre', 'json', JSON.stringify(event.after, null, 2)));
  }
  return details;
}
