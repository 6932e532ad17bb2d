/**
 * Name checks with the messages of k8s.io/apimachinery/pkg/util/validation: DNS-1123 labels
 * (container names) and IANA_SVC_NAME (port names).
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** IsDNS1123Label's messages (k8s.io/apimachinery/pkg/util/validation). Length is in bytes. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(value, 'utf8') > 63) errs.push('must be no more than 63 bytes');
  if (!LABEL.test(value)) {
    errs.push(SUBDOMAIN.test(value)
      ? 'must not contain dots'
      : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }
  return errs;
}

/** IsValidPortName's messages (k8s.io/apimachinery/pkg/util/validation). */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(port, 'utf8') > 15) errs.push('must be no more than 15 bytes');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}
