// Every string the user sees, in English: the same keys as id.ts (a missing one is a type error).
// One part per page (en/login.ts, ...), each typed as its Indonesian part (id/login.ts, ...).

import { board } from './en/board';
import { common } from './en/common';
import { dispatch } from './en/dispatch';
import { dispatchMap } from './en/dispatch_map';
import { login } from './en/login';
import { map } from './en/map';
import { programmes } from './en/programmes';
import { proposal } from './en/proposal';
import { report } from './en/report';
import { response } from './en/response';
import { scenario } from './en/scenario';
import { surveillance } from './en/surveillance';
import { tables } from './en/tables';
import type { Dict } from './id';

export const en: Dict = {
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
