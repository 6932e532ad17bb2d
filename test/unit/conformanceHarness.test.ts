// The conformance harness's own pieces (scripts/conformance): the generator is deterministic, the YAML
// writer keeps unquoted scalars unquoted, and the comparison matches errors by field path.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareDocument, diagnosticPath, diagnosticPaths, templatePathInPod } from '../../scripts/conformance/compare';
import type { PlDiagnostic, RefDoc } from '../../scripts/conformance/compare';
import { generateObject } from '../../scripts/conformance/generate';
import { Plain, toYaml } from '../../scripts/conformance/yaml';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const err = (message: string): PlDiagnostic => ({ code: 'x', severity: 'error', message, range });

test('object i of seed s is the same every time and differs from its neighbours', () => {
  assert.deepEqual(toYaml(generateObject(3, 17)), toYaml(generateObject(3, 17)));
  assert.notEqual(toYaml(generateObject(3, 17)), toYaml(generateObject(3, 18)));
});

test('plain scalars stay unquoted, strings are double-quoted, YAML 1.1 boolean keys are quoted', () => {
  assert.equal(toYaml({ cpu: new Plain('1e3'), memory: '010', y: [{ a: 1 }] }), 'cpu: 1e3\nmemory: "010"\n"y":\n  - a: 1\n');
});

test('errors match by field path; extra Pod Lens errors are false errors', () => {
  const ref: RefDoc = { doc: 0, kind: 'Pod', errors: [{ field: 'spec.containers[0].image', type: 'Required value', reason: 'FieldValueRequired', message: 'spec.containers[0].image: Required value' }] };
  assert.deepEqual(compareDocument(ref, [err('spec.containers[0].image: Required value')], []), []);
  const diffs = compareDocument(ref, [err('spec.containers[1].name: Invalid value')], []);
  assert.deepEqual(diffs.map((d) => d.signature), ['missed-error:spec.containers[*].image:FieldValueRequired', 'false-error:spec.containers[*].name:x']);
});

test('an object the API server cannot decode matches any Pod Lens error', () => {
  const ref: RefDoc = { doc: 0, kind: 'Pod', decodeError: 'quantities must match the regular expression', errors: [] };
  assert.deepEqual(compareDocument(ref, [err('spec.x: Invalid value')], []), []);
  assert.equal(compareDocument(ref, [], [])[0]?.kind, 'missed-decode-error');
});

test('accepted objects compare QoS and resources string for string', () => {
  const ref: RefDoc = { doc: 0, kind: 'Pod', errors: [], pod: { qosClass: 'Burstable', requests: { cpu: '1500m' }, limits: {} } };
  const pod = { kind: 'Pod', qosClass: 'Burstable', requests: { cpu: '1.5' }, limits: {}, range };
  assert.deepEqual(compareDocument(ref, [], [pod]).map((d) => d.signature), ['requests:cpu:format']);
});

test('paths helpers', () => {
  assert.equal(diagnosticPath('spec.containers[0].resources.requests.cpu: Invalid value: "x": y'), 'spec.containers[0].resources.requests.cpu');
  assert.equal(templatePathInPod('spec.jobTemplate.spec.template.spec.resources'), 'spec.resources');
  assert.equal(templatePathInPod('metadata.name'), undefined);
});

test('a Pod Lens error that states a second API-server error (a request copied from the limit) matches both paths', () => {
  const msg = 'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified. Use cpu. The API server also reports spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified, because it copies this limit to the missing request.';
  assert.deepEqual(diagnosticPaths(msg), ['spec.containers[0].resources.limits[cpus]', 'spec.containers[0].resources.requests[cpus]']);
  const ref: RefDoc = {
    doc: 0, kind: 'Pod', errors: ['limits', 'requests'].map((w) => ({
      field: `spec.containers[0].resources.${w}[cpus]`, type: 'Invalid value', reason: 'FieldValueInvalid', message: '',
    })),
  };
  const d = { code: 'invalid-resource-name', severity: 'error', message: msg, range };
  assert.deepEqual(compareDocument(ref, [d], []), []);
  // A warning never matches an API-server error.
  assert.equal(compareDocument(ref, [{ ...d, severity: 'warning' }], []).length, 2);
});
