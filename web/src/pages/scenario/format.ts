// How the scenario page writes minutes, people and percentages ("–" when unknown).

import { t } from '../../i18n';
import { fmtNumber } from '../../ui';
import { num } from './state';

export const fmtMin = (v: unknown): string => (num(v) === null ? t('none') : t('minutes_short', { n: fmtNumber(v, 1) }));
export const fmtPeople = (v: unknown): string => (num(v) === null ? t('none') : fmtNumber(Math.round(v as number), 0));
export const fmtPct = (v: unknown): string => (num(v) === null ? t('none') : `${fmtNumber(v, 1)} %`);
/** A signed change: "+1,5" / "-2". */
export const fmtSigned = (v: number, digits: number): string => `${v >= 0 ? '+' : ''}${fmtNumber(v, digits)}`;
