import { describeError } from '../lib/describe-error.js';
import { h } from '../lib/dom.js';

export interface Credentials {
  email: string;
  password: string;
}

export interface LoginViewOptions {
  defaults: Credentials;
  /** Shown above the form, e.g. why the agent was signed out. */
  notice?: string | null;
  /** Signs in; a rejection is explained in the form. */
  onSubmit(credentials: Credentials): Promise<void>;
}

export function loginView(options: LoginViewOptions): HTMLElement {
  const email = h('input', {
    testId: 'email',
    attrs: { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: '' },
  });
  email.value = options.defaults.email;
  const password = h('input', {
    testId: 'password',
    attrs: {
      id: 'login-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: '',
    },
  });
  password.value = options.defaults.password;
  const error = h('p', { className: 'form-error', testId: 'login-error', attrs: { role: 'alert' } });
  error.hidden = true;
  const submit = h('button', {
    className: 'button primary',
    testId: 'login-submit',
    text: 'Sign in',
    attrs: { type: 'submit' },
  });

  const form = h(
    'form',
    { className: 'login-form', testId: 'login-form', attrs: { novalidate: '' } },
    h('h1', { className: 'login-title', text: 'Switchboard' }),
    h('p', { className: 'login-subtitle', text: 'Sign in to the agent console' }),
    ...(options.notice
      ? [h('p', { className: 'form-notice', testId: 'login-notice', text: options.notice })]
      : []),
    h('label', { text: 'Email', attrs: { for: 'login-email' } }),
    email,
    h('label', { text: 'Password', attrs: { for: 'login-password' } }),
    password,
    error,
    submit,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    options.onSubmit({ email: email.value.trim(), password: password.value }).catch((reason: unknown) => {
      error.textContent = describeError(reason);
      error.hidden = false;
      submit.disabled = false;
      submit.textContent = 'Sign in';
      password.select();
    });
  });

  return h('main', { className: 'login-page' }, form);
}
