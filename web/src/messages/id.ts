// Every string the user sees, in Bahasa Indonesia (the default language): the keys of this
// object are the message keys (i18n.ts `Key`); en.ts must have every one of them.
// One part per page, like pages/ (id/login.ts, id/scenario.ts, ...), and id/common.ts for the app
// shell, the roles and the words several pages use.

import { board } from './id/board';
import { common } from './id/common';
import { dispatch } from './id/dispatch';
import { dispatchMap } from './id/dispatch_map';
import { login } from './id/login';
import { map } from './id/map';
import { programmes } from './id/programmes';
import { proposal } from './id/proposal';
import { report } from './id/report';
import { response } from './id/response';
import { scenario } from './id/scenario';
import { surveillance } from './id/surveillance';
import { tables } from './id/tables';

export const id = {
  ...common,
  ...board,
  ...dispatch,
  ...dispatchMap,
  ...login,
  ...map,
  ...programmes,
  ...proposal,
  ...report,
  ...response,
  ...scenario,
  ...surveillance,
  ...tables,
};

export type Key = keyof typeof id;
export type Dict = Record<Key, string>;
