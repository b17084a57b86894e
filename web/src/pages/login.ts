// Login page: POST /api/v1/login; the cookie is set by the server, the CSRF token kept by api.ts.

import { ApiError, login, type Session } from '../api';
import { t } from '../i18n';
import { h, showError } from '../ui';

export function renderLogin(root: HTMLElement, onDone: (s: Session) => void): void {
  const user = h('input', {
    id: 'login-user',
    name: 'username',
    autocomplete: 'username',
    required: true,
    'data-testid': 'login-username',
  });
  const pass = h('input', {
    id: 'login-pass',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'data-testid': 'login-password',
  });
  const error = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'login-error', hidden: true });
  const button = h('button', { type: 'submit', class: 'button-primary', 'data-testid': 'login-submit' }, t('login_button'));

  const form = h(
    'form',
    { class: 'panel login', 'data-testid': 'login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, t('login_title')),
    h('p', { class: 'muted' }, t('login_intro')),
    h('div', { class: 'field' }, h('label', { for: 'login-user' }, t('username')), user),
    h('div', { class: 'field' }, h('label', { for: 'login-pass' }, t('password')), pass),
    error,
    button,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    button.disabled = true;
    try {
      onDone(await login(user.value.trim(), pass.value));
    } catch (e) {
      if (e instanceof ApiError && e.status !== 0 && e.status < 500) {
        error.textContent = e.message;
        error.hidden = false;
        pass.select();
      } else {
        showError(e);
      }
    } finally {
      button.disabled = false;
    }
  });
  root.append(h('div', { class: 'login-wrap' }, h('p', { class: 'tagline' }, t('app_tagline')), form));
  user.focus();
}
