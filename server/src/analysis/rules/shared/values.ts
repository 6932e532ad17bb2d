/**
 * Reading what a field is set to: set, absent, or written with no value (a blanked template), and
 * YAML integers.
 */
import { entry, isScalar } from '../../../model/tree';
import type { YEntry, YNode } from '../../../model/tree';

/** The entry of `key` in `map` when it is set to something other than null. */
export function setEntry(map: YNode | undefined, key: string): YEntry | undefined {
  const e = entry(map, key);
  if (!e || e.value === undefined) return undefined;
  if (isScalar(e.value) && e.value.value === null) return undefined;
  return e;
}

/**
 * A key written with no value (`image:`). Template expressions (`{{ ... }}`) are blanked before
 * parsing and leave exactly this, so "required" checks treat it as unknown rather than missing.
 */
export function isPresentNull(e: YEntry | undefined): boolean {
  return e !== undefined && (e.value === undefined || (isScalar(e.value) && e.value.value === null));
}

/** True when the node is a real value (not absent, not a null/blank template). */
export function isSet(node: YNode | undefined): boolean {
  return node !== undefined && !(isScalar(node) && node.value === null);
}

/** An integer when the node is an integer scalar (YAML int), else undefined. */
export function intValue(node: YNode | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}
