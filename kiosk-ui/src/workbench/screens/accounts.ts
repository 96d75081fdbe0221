import { el } from '../../shared/dom.js';
import { api, ApiError, describeError } from '../api/client.js';
import type { OfficialAccount, Role } from '../api/types.js';
import { humanizeFieldError } from '../i18n/field-errors.js';
import { s } from '../i18n/strings.js';
import type { View } from '../router.js';
import { announce } from '../ui/announce.js';
import { formatDateTime } from '../ui/format.js';
import { badge, input, labelled, loadingNote, messageArea, section, select, table } from '../ui/widgets.js';

const ROLE_OPTIONS: [Role, string][] = (['editor', 'approver', 'admin'] as Role[]).map((r) => [r, s.roles[r] ?? r]);

/** `#/accounts` (admin): every official, create, change role, disable / enable, reset password. */
export function renderAccounts(view: View): void {
  view.heading(s.accounts.title);
  const message = messageArea();
  const list = el('div');
  list.append(loadingNote());
  view.main.append(message.node, list, renderCreate(() => void load()));

  const load = async () => {
    try {
      const { officials } = await api.get<{ officials: OfficialAccount[] }>('/officials', undefined, view.signal);
      if (view.signal.aborted) return;
      list.replaceChildren(
        table(s.accounts.title, [s.accounts.username, s.accounts.displayName, s.accounts.role, s.accounts.status, s.accounts.actions], officials.map((o) => renderRow(o, message, () => void load())), { hideCaption: true, className: 'accounts' }),
      );
    } catch (error) {
      if (!view.signal.aborted) list.replaceChildren(el('p', 'message message-error', describeError(error)));
    }
  };
  void load();
}

function renderRow(official: OfficialAccount, message: ReturnType<typeof messageArea>, reload: () => void): (Node | string)[] {
  const patch = async (body: Record<string, unknown>, done: string) => {
    try {
      await api.patch(`/officials/${encodeURIComponent(official.id)}`, body);
      message.show(done, 'ok');
      announce(done, 'ok');
      reload();
    } catch (error) {
      message.show(describeError(error), 'error');
    }
  };
  const role = select('role', ROLE_OPTIONS, official.role);
  role.setAttribute('aria-label', s.accounts.roleLabel(official.username));
  const saveRole = el('button', 'btn small', s.accounts.saveRole);
  saveRole.type = 'button';
  saveRole.addEventListener('click', () => void patch({ role: role.value }, s.accounts.updated(official.username)));
  const roleCell = el('div', 'inline');
  roleCell.append(role, saveRole);

  const status = el('div');
  status.append(official.disabled ? badge(s.accounts.disabled, 'muted') : badge(s.accounts.active, 'ok'));
  if (official.lockedUntil && new Date(official.lockedUntil) > new Date()) status.append(badge(s.accounts.lockedUntil(formatDateTime(official.lockedUntil)), 'warn'));

  const actions = el('div', 'actions');
  const toggle = el('button', 'btn small', official.disabled ? s.accounts.enable : s.accounts.disable);
  toggle.type = 'button';
  toggle.addEventListener('click', () => void patch({ disabled: !official.disabled }, s.accounts.updated(official.username)));
  const reset = el('button', 'btn small', s.accounts.resetPassword);
  reset.type = 'button';
  reset.setAttribute('aria-expanded', 'false');
  const resetForm = el('form', 'inline reset');
  resetForm.hidden = true;
  const password = input('password', 'password');
  password.autocomplete = 'new-password';
  password.minLength = 10;
  const setButton = el('button', 'btn small primary', s.accounts.setPassword);
  setButton.type = 'submit';
  resetForm.append(labelled(s.accounts.passwordLabel(official.username), password), setButton);
  reset.addEventListener('click', () => {
    resetForm.hidden = !resetForm.hidden;
    reset.setAttribute('aria-expanded', String(!resetForm.hidden));
    if (!resetForm.hidden) password.focus();
  });
  resetForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void patch({ password: password.value }, s.accounts.passwordSet(official.username));
  });
  actions.append(toggle, reset, resetForm);
  return [official.username, official.displayName, roleCell, status, actions];
}

function renderCreate(onCreated: () => void): HTMLElement {
  const { node } = section(s.accounts.create, 'card create-account');
  const form = el('form', 'grid-form');
  form.noValidate = true;
  const username = input('username');
  username.autocomplete = 'off';
  const displayName = input('displayName');
  const role = select('role', ROLE_OPTIONS, 'editor');
  const password = input('password', 'password');
  password.autocomplete = 'new-password';
  const submit = el('button', 'btn primary', s.accounts.create);
  submit.type = 'submit';
  const message = messageArea();
  const fields: Record<string, HTMLInputElement | HTMLSelectElement> = { username, displayName, role, password };
  form.append(labelled(s.accounts.username, username), labelled(s.accounts.displayName, displayName), labelled(s.accounts.role, role), labelled(s.accounts.password, password), submit);
  node.append(form, message.node);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const control of Object.values(fields)) control.removeAttribute('aria-invalid');
    try {
      await api.post('/officials', { username: username.value.trim(), displayName: displayName.value.trim(), role: role.value, password: password.value });
      const text = s.accounts.created(username.value.trim());
      message.show(text, 'ok');
      announce(text, 'ok');
      form.reset();
      onCreated();
    } catch (error) {
      // Mark the inputs the API named; the message lists them all.
      const problems = error instanceof ApiError ? error.fieldErrors : [];
      for (const problem of problems) fields[problem.field.replace(/^body\./, '')]?.setAttribute('aria-invalid', 'true');
      message.show([describeError(error), ...problems.map((p) => humanizeFieldError(p.message))].join(' '), 'error');
    }
  });
  return node;
}
