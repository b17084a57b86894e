// Messages of the login page (pages/login.ts), in English (merged in ../en.ts): the same keys as
// ../id/login.ts, a missing or extra one is a type error.

import type { login as idLogin } from '../id/login';

export const login: typeof idLogin = {
  app_tagline: 'Health workforce and access planning',

  login_title: 'Log in',
  login_intro: 'Log in with the account issued by the district health office.',
  username: 'Username',
  password: 'Password',
  login_button: 'Log in',
};
