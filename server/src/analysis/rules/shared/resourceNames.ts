/**
 * Resource-name and quantity predicates as the API server uses them (pkg/apis/core/helper,
 * pkg/apis/core/validation validateResourceName/validateContainerResourceName/validatePodResourceName).
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#resource-types
 */
import { compareQuantities, parseQuantity, quantityValue, sign } from '../../../model/quantity';
import type { Quantity } from '../../../model/quantity';
import type { KubeVersion } from '../../../model/version';
import { isSupportedPodLevelResource } from '../../podLevel';

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services',
  'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
]);
const INTEGER = new Set(['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_REGEX_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** IsQualifiedName (content.IsLabelKey) messages. */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else {
      if (prefix.length > 253) errs.push('prefix part must be no more than 253 bytes');
      if (!SUBDOMAIN.test(prefix)) errs.push("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
  } else {
    return [`a valid label key ${NAME_REGEX_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 bytes');
  if (!NAME_PART.test(name)) errs.push(`name part ${NAME_REGEX_MSG}`);
  return errs;
}

export const isHugePages = (n: string): boolean => n.startsWith('hugepages-');
/** No '/' or in the *kubernetes.io/ namespace. */
export const isNative = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
export const isOvercommitAllowed = (n: string): boolean => isNative(n) && !isHugePages(n);
export function isExtended(n: string): boolean {
  if (isNative(n) || n.startsWith('requests.')) return false;
  return qualifiedNameErrors(`requests.${n}`).length === 0;
}
export const isIntegerResource = (n: string): boolean => INTEGER.has(n) || isExtended(n);
const isStandardName = (n: string): boolean => STANDARD.has(n) || n.startsWith('hugepages-') || n.startsWith('requests.hugepages-');

/** validateContainerResourceName messages. */
export function containerResourceNameErrors(n: string): string[] {
  const q = qualifiedNameErrors(n);
  if (q.length) return q;
  const errs: string[] = [];
  if (!n.includes('/')) {
    if (!isStandardName(n)) errs.push('must be a standard resource type or fully qualified');
    if (!STANDARD_CONTAINER.has(n) && !isHugePages(n)) errs.push('must be a standard resource for containers');
  } else if (!isNative(n) && !isExtended(n)) {
    errs.push("doesn't follow extended resource name standard");
  }
  return errs;
}

/** validatePodResourceName: a `NotSupported` result lists what pod-level resources may be. */
export function podResourceNameErrors(n: string, version: KubeVersion): { invalid: string[]; unsupported: string | undefined } {
  const q = qualifiedNameErrors(n);
  if (q.length) return { invalid: q, unsupported: undefined };
  if (!n.includes('/') && !isStandardName(n)) return { invalid: ['must be a standard resource type or fully qualified'], unsupported: undefined };
  if (isSupportedPodLevelResource(n, version)) return { invalid: [], unsupported: undefined };
  const supported = ['"cpu"', '"memory"'];
  if (isSupportedPodLevelResource('hugepages-2Mi', version)) supported.splice(1, 0, '"hugepages-"');
  return { invalid: [], unsupported: supported.join(', ') };
}

/** IsHugePageResourceValueDivisible: the value (rounded up to whole units) is a multiple of the page size. */
export function hugePageDivisible(name: string, value: Quantity): boolean {
  const page = parseQuantity(name.slice('hugepages-'.length));
  if (!page || sign(page) <= 0) return false;
  const pageUnits = quantityValue(page);
  if (compareQuantities(page, { mantissa: pageUnits, exponent: 0, format: 'DecimalSI' }) !== 0) return false;
  return quantityValue(value) % pageUnits === 0n;
}
