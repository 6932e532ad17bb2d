/**
 * Lists inside a sentence, punctuated the way the reader's language does it: "a, b" and "x; y" in English,
 * "a、b" and "x；y" in Chinese (the separators are messages like any other, l10n/parts/core.zh-cn.json);
 * sentences in a row are "A. B." in English and "A。B。" in Chinese.
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

/** Whole sentences one after another, each already ending in its full stop. */
export function joinSentences(items: readonly string[]): string {
  return items.filter((s) => s !== '').reduce((text, next) => l10n.t('{0} {1}', text, next));
}
