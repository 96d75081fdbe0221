import { el } from '../../shared/dom.js';
import { api, ApiError, describeError } from '../api/client.js';
import type { SessionInfo } from '../api/types.js';
import { s } from '../i18n/strings.js';
import { formatDateTime } from '../ui/format.js';
import { input, labelled, messageArea } from '../ui/widgets.js';

/** The message for a failed log-in: the API's words, plus the unlock time (423) or the wait (429). */
export function describeLoginError(error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(error);
  const parts = [error.message];
  const lockedUntil = error.body.lockedUntil ?? (error.body.error as { lockedUntil?: unknown } | undefined)?.lockedUntil;
  if (error.status === 423 && typeof lockedUntil === 'string') parts.push(s.login.lockedUntil(formatDateTime(lockedUntil)));
  if (error.status === 429 && error.retryAfter) parts.push(s.login.retryAfter(error.retryAfter));
  return parts.join(' ');
}

/** The log-in screen; calls `onLoggedIn` with the session once the API accepts the password. */
export function renderLogin(main: HTMLElement, onLoggedIn: (session: SessionInfo) => void, notice?: string): void {
  main.replaceChildren();
  const wrap = el('div', 'login');
  const title = el('h1', 'page-title', s.login.title);
  title.tabIndex = -1;
  document.title = `${s.login.title} — ${s.brand}`;
  const form = el('form', 'card login-form');
  form.noValidate = true;
  form.setAttribute('aria-labelledby', 'login-title');
  title.id = 'login-title';
  const username = input('username');
  username.autocomplete = 'username';
  username.required = true;
  username.autocapitalize = 'none';
  username.spellcheck = false;
  const password = input('password', 'password');
  password.autocomplete = 'current-password';
  password.required = true;
  const submit = el('button', 'btn primary', s.login.submit);
  submit.type = 'submit';
  const message = messageArea();
  if (notice) message.show(notice, 'info');
  form.append(el('p', 'hint', s.login.intro), labelled(s.login.username, username), labelled(s.login.password, password), message.node, submit);
  wrap.append(title, form);
  main.append(wrap);
  username.focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      message.show(`${s.login.username}, ${s.login.password.toLowerCase()}: ${s.required}`, 'error');
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    message.show(s.login.working, 'info');
    try {
      const session = await api.post<SessionInfo>('/login', { username: username.value.trim(), password: password.value });
      password.value = '';
      onLoggedIn(session);
    } catch (error) {
      message.show(describeLoginError(error), 'error');
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
}
