/** The rule registry. One rule per file; add new rules here. */
import { ERROR_RULES } from './errors/index';
import { invalidQuantity } from './invalidQuantity';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  invalidQuantity,
  ...ERROR_RULES,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
