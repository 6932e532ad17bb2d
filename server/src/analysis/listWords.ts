/**
 * Lists inside a sentence, punctuated the way the reader's language does it: "a, b" and "x; y" in English,
 * "a、b" and "x；y" in Chinese (the separators are messages like any other, l10n/parts/core.zh-cn.json).
 * Lists that are code (exit codes in brackets, YAML values) keep their commas.
 */
import * as l10n from '@vscode/l10n';

/** Items of one enumeration: ports, names, amounts. */
export function joinList(items: readonly string[]): string {
  return items.join(l10n.t(', '));
}

/** Clauses that would each be a sentence of their own. */
export function joinClauses(items: readonly string[]): string {
  return items.join(l10n.t('; '));
}
