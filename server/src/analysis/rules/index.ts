/** The rule registry. One rule per file; add new rules here. */
import { ERROR_RULES } from './errors/index';
import { invalidQuantity } from './invalidQuantity';
import { quantityOutOfRange } from './quantityOutOfRange';
import type { Rule } from './rule';
import { WARNING_RULES, warningSummaries } from './warnings/index';
import type { Severity } from '../finding';

export const RULES: readonly Rule[] = [
  invalidQuantity,
  quantityOutOfRange,
  ...ERROR_RULES,
  ...WARNING_RULES,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

/** Codes reported by the parser and the service rather than by a rule. */
const NON_RULE_CODES: readonly { code: string; severity: Severity }[] = [
  { code: 'yaml-syntax', severity: 'error' },
  { code: 'yaml-duplicate-key', severity: 'warning' },
  { code: 'yaml-nesting', severity: 'error' },
  { code: 'yaml-aliases', severity: 'error' },
  { code: 'helm-template', severity: 'information' },
  { code: 'file-too-large', severity: 'information' },
];

export interface RuleMetadata {
  readonly code: string;
  readonly severity: Severity;
  /** Kubernetes documentation that defines the behaviour, when the rule names one. */
  readonly docUrl: string | undefined;
  /** One line; rules without their own summary get their code in words. */
  readonly summary: string;
}

/** Every code Pod Lens can report, with its default severity (for SARIF and docs). */
export function ruleMetadata(): RuleMetadata[] {
  const summaries = warningSummaries();
  const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
  return [
    ...RULES.map((r) => ({ code: r.code, severity: r.severity, docUrl: r.docUrl, summary: summaries[r.code] ?? words(r.code) })),
    ...NON_RULE_CODES.map((c) => ({ ...c, docUrl: undefined, summary: words(c.code) })),
  ];
}
