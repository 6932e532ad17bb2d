/** The rule registry. One rule per file; add new rules here. */
import { invalidQuantity } from './invalidQuantity';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  invalidQuantity,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
