/**
 * Environment variable names (`env[].name`) and `envFrom[].prefix`. From RelaxedEnvironmentVariableValidation
 * (beta, on by default, in 1.32; GA 1.34) any printable ASCII character but '=' is allowed; before, a
 * name had to match `[-._a-zA-Z][-._a-zA-Z0-9]*` and not be '.', '..' or start with '..'.
 * Spec: pkg/apis/core/validation ValidateEnv and ValidateEnvFrom; k8s.io/apimachinery
 * pkg/util/validation IsRelaxedEnvVarName (Go's unicode.IsPrint: the space is printable) and IsEnvVarName.
 * https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../../model/pod';
import { entry, get, isMap, isScalar, items } from '../../../model/tree';
import type { YMap } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { keySpan, nodeSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

const RELAXED_MESSAGE = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const STRICT_MESSAGE = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const STRICT = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** IsRelaxedEnvVarName: every rune ASCII, printable (space included), and not '='. */
function relaxedErrors(name: string): string[] {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c < 0x20 || ch === '=') return [RELAXED_MESSAGE];
  }
  return [];
}

/** IsEnvVarName: the regular expression, then hasChDirPrefix. */
function strictErrors(name: string): string[] {
  const out = STRICT.test(name) ? [] : [STRICT_MESSAGE];
  if (name === '.') out.push("must not be '.'");
  else if (name === '..') out.push("must not be '..'");
  else if (name.startsWith('..')) out.push("must not start with '..'");
  return out;
}

export const invalidEnvName: Rule = {
  code: 'invalid-env-name',
  severity: 'error',
  summary: () => l10n.t('An environment variable name or envFrom prefix that the API server of the target version rejects.'),
  docUrl: 'https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/',
  check({ analysis: { pod }, version }) {
    const relaxed = featureEnabled(version, 'RelaxedEnvironmentVariableValidation');
    const errorsOf = relaxed ? relaxedErrors : strictErrors;
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      items(get(c.node, 'env')).forEach((item, j) => {
        if (!isMap(item)) return;
        const path = `${containerPath(pod, c)}.env[${j}].name`;
        const e = entry(item, 'name');
        if (isPresentNull(e)) return;
        const name = e && isScalar(e.value) ? e.value.value : '';
        if (typeof name !== 'string') return;
        if (name === '') {
          out.push({ span: keySpan(e, anchor(item, c)), message: l10n.t('{0}: Required value. Every environment variable needs a name.', path) });
          return;
        }
        for (const detail of errorsOf(name)) out.push(finding(path, name, detail, nodeSpan(e?.value, anchor(item, c)), relaxed));
      });
      items(get(c.node, 'envFrom')).forEach((item, j) => {
        if (!isMap(item)) return;
        const e = entry(item, 'prefix');
        const prefix = e && isScalar(e.value) ? e.value.value : undefined;
        if (typeof prefix !== 'string' || prefix === '') return;
        for (const detail of errorsOf(prefix)) {
          out.push(finding(`${containerPath(pod, c)}.envFrom[${j}].prefix`, prefix, detail, nodeSpan(e?.value, anchor(item, c)), relaxed));
        }
      });
    }
    return out;
  },
};

function finding(path: string, value: string, detail: string, span: RuleFinding['span'], relaxed: boolean): RuleFinding {
  return {
    span,
    message: relaxed
      ? l10n.t('{0}: Invalid value: {1}: {2}. Names may use any printable ASCII character except \'=\' (the separator in NAME=value).', path, q(value), detail)
      : l10n.t('{0}: Invalid value: {1}: {2}. Before Kubernetes 1.32 (RelaxedEnvironmentVariableValidation) names are limited to letters, digits, \'_\', \'-\' and \'.\', not starting with a digit; later versions accept any printable ASCII character except \'=\'.', path, q(value), detail),
  };
}

function anchor(item: YMap, c: ContainerModel) {
  const first = item.entries[0];
  return first ? first.keySpan : { start: c.span.start, end: Math.min(c.span.end, c.span.start + 1) };
}
