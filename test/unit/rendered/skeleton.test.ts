/** The static reading of templates (render/goTemplate.ts, helmSkeleton.ts, helmMap.ts) without helm. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/model/parse';
import { classify, refsOf } from '../../../server/src/render/goTemplate';
import { splitHelmOutput, setPaths } from '../../../server/src/render/helmChart';
import { helmOrigin } from '../../../server/src/render/helmMap';
import type { ValuesSource } from '../../../server/src/render/helmMap';
import { collectHelpers, templateSkeleton } from '../../../server/src/render/helmSkeleton';

function values(text: string, file = 'values.yaml', prefix: string[] = []): ValuesSource {
  return { file, root: parseFile(text).documents[0]?.root, prefix };
}

function lineOfSpan(text: string, origin: ReturnType<typeof helmOrigin>): number {
  assert.equal(origin.via, 'values');
  if (origin.via !== 'values') return -1;
  return text.slice(0, origin.span.start).split('\n').length - 1;
}

describe('go template actions', () => {
  it('classifies control and output actions and finds their references', () => {
    assert.deepEqual(classify('with .Values.podSecurity'), { kind: 'with', ref: { base: 'values', path: ['podSecurity'] } });
    assert.deepEqual(classify('range $i, $c := .Values.containers'), { kind: 'range', ref: { base: 'values', path: ['containers'] }, key: 'i', value: 'c' });
    const out = classify('include "platform.resources" $c.resources | nindent 10');
    assert.equal(out.kind, 'output');
    assert.deepEqual(out.kind === 'output' && out.include, { name: 'platform.resources', arg: { base: 'var', name: 'c', path: ['resources'] } });
    assert.deepEqual(refsOf('.Values.image.tag | default .Chart.AppVersion'), [{ base: 'values', path: ['image', 'tag'] }, { base: 'dot', path: ['Chart', 'AppVersion'] }]);
    assert.deepEqual(refsOf('default "x.y" $.Values.name'), [{ base: 'values', path: ['name'] }]);
  });

  it('splits helm output at its # Source headers, two documents of one template apart', () => {
    const out = '---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/a.yaml\nkind: B\n---\n# Source: c/charts/s/templates/b.yaml\nkind: C\n';
    assert.deepEqual(splitHelmOutput(out).map((s) => [s.source, s.text.trim()]), [['templates/a.yaml', 'kind: A'], ['templates/a.yaml', 'kind: B'], ['charts/s/templates/b.yaml', 'kind: C']]);
  });

  it('reads --set paths with list indexes and escaped dots', () => {
    assert.deepEqual(setPaths(['a.b=1,c[0].d=x', 'annotations.example\\.com/x=y']), [['a', 'b'], ['c', 0, 'd'], ['annotations', 'example.com/x']]);
  });
});

describe('mapping a rendered path to values and template lines', () => {
  const template = [
    'kind: Deployment',                                          // 0
    'spec:',                                                      // 1
    '  template:',                                                // 2
    '    spec:',                                                  // 3
    '      containers:',                                          // 4
    '        - name: main',                                       // 5
    '          image: {{ .Values.image }}',                       // 6
    '          {{- with .Values.probe }}',                        // 7
    '          readinessProbe:',                                  // 8
    '            {{- toYaml . | nindent 12 }}',                   // 9
    '          {{- end }}',                                       // 10
    '        {{- range .Values.extra }}',                         // 11
    '        - name: {{ .name }}',                                // 12
    '          {{- include "res" .resources | nindent 10 }}',    // 13
    '        {{- end }}',                                         // 14
    '      terminationGracePeriodSeconds: {{ .Values.grace | default 30 }}', // 15
  ].join('\n');
  const helpers = collectHelpers([{ file: '_helpers.tpl', text: '{{- define "res" -}}\nresources:\n  limits:\n    memory: {{ .memory | default "64Mi" }}\n{{- end }}\n' }]);
  const [doc] = templateSkeleton('t.yaml', template, helpers);
  const valuesText = 'image: app:1\nprobe:\n  exec:\n    command: [x]\nextra:\n  - name: a\n  - name: b\n    resources:\n      memory: 1Gi\n';
  const sources = [values(valuesText)];
  const spec = ['spec', 'template', 'spec'];

  it('a direct value, a with-scoped toYaml block and a ranged include land on values lines', () => {
    assert.equal(lineOfSpan(valuesText, helmOrigin(doc!.root, 0, [...spec, 'containers', 0, 'image'], sources)), 0);
    assert.equal(lineOfSpan(valuesText, helmOrigin(doc!.root, 0, [...spec, 'containers', 0, 'readinessProbe', 'exec', 'command'], sources)), 3);
    // Rendered item 2 is the second element of .Values.extra (item 0 is the static one).
    assert.equal(lineOfSpan(valuesText, helmOrigin(doc!.root, 0, [...spec, 'containers', 2, 'resources', 'limits', 'memory'], sources)), 8);
    assert.equal(lineOfSpan(valuesText, helmOrigin(doc!.root, 0, [...spec, 'containers', 1, 'name'], sources)), 5);
  });

  it('a default with no values key lands on the template line; an unknown path on the deepest template key', () => {
    assert.deepEqual(helmOrigin(doc!.root, 0, [...spec, 'containers', 1, 'resources', 'limits', 'memory'], sources), { via: 'template', file: '_helpers.tpl', line: 3 });
    assert.deepEqual(helmOrigin(doc!.root, 0, [...spec, 'terminationGracePeriodSeconds'], sources), { via: 'template', file: 't.yaml', line: 15 });
    assert.deepEqual(helmOrigin(doc!.root, 0, [...spec, 'containers', 0, 'ports', 0], sources), { via: 'template', file: 't.yaml', line: 5 });
    assert.deepEqual(helmOrigin(doc!.root, 0, ['status'], sources), { via: 'first-line', file: 't.yaml', line: 0 });
  });

  it('a -f file wins over values.yaml, and --set hides the line', () => {
    const override = 'image: app:2\n';
    const both = [values(override, 'prod.yaml'), ...sources];
    const o = helmOrigin(doc!.root, 0, [...spec, 'containers', 0, 'image'], both);
    assert.equal(o.via === 'values' && o.file, 'prod.yaml');
    const set: ValuesSource = { file: '', root: undefined, prefix: [], set: [['image']] };
    assert.deepEqual(helmOrigin(doc!.root, 0, [...spec, 'containers', 0, 'image'], [set, ...both]), { via: 'template', file: 't.yaml', line: 6 });
  });
});
