/**
 * Where an admitted number came from, in words (hover, code lens tooltip): "memory limit 512Mi from
 * LimitRange defaults (ns/limits.yaml:12)".
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity } from '../../model/quantity';
import type { AdmittedValue } from './limitRanger';
import { whereWritten } from './limitRangeModel';

export function admittedValuePhrase(v: AdmittedValue, quote: (s: string) => string = (s) => s): string {
  const where = whereWritten(v.limitRange, v.value.keySpan);
  const what = v.side === 'limits'
    ? l10n.t('{0} limit {1}', v.resource, formatQuantity(v.quantity))
    : l10n.t('{0} request {1}', v.resource, formatQuantity(v.quantity));
  return where
    ? l10n.t('{0} from LimitRange {1} ({2})', what, quote(v.limitRange.name), where)
    : l10n.t('{0} from LimitRange {1}', what, quote(v.limitRange.name));
}

/** The names of the LimitRanges that set something, in the order they did. */
export function settingLimitRanges(applied: readonly AdmittedValue[]): string[] {
  return [...new Set(applied.map((v) => v.limitRange.name))];
}
