import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { imageTagProblem } from '../../../../server/src/analysis/rules/containers/imageLatestTag';
import { covered, expectCode, pod } from './warningsHelpers';

describe('image-latest-tag', () => {
  it('classifies image references', () => {
    assert.equal(imageTagProblem('nginx'), 'untagged');
    assert.equal(imageTagProblem('nginx:latest'), 'latest');
    assert.equal(imageTagProblem('registry.local:5000/team/app'), 'untagged');
    assert.equal(imageTagProblem('registry.local:5000/team/app:latest'), 'latest');
    assert.equal(imageTagProblem('registry.local:5000/team/app:1.2'), undefined);
    assert.equal(imageTagProblem('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), undefined);
    assert.equal(imageTagProblem('nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), undefined);
    assert.equal(imageTagProblem(''), undefined);
  });
  it('reports untagged and :latest images of init, sidecar and app containers, at the image', () => {
    const text = pod(`
initContainers:
  - { name: i, image: "busybox" }
  - { name: s, image: "envoy:latest", restartPolicy: Always }
containers:
  - { name: a, image: "reg:5000/app" }
  - { name: b, image: "x:1.0" }
ephemeralContainers:
  - { name: debug, image: busybox }`);
    const found = expectCode(text, 'image-latest-tag', 3);
    assert.deepEqual(found.map((d) => covered(text, d)), ['"busybox"', '"envoy:latest"', '"reg:5000/app"']);
    assert.match(found[0]!.message, /has no tag, so it means :latest/);
    assert.match(found[1]!.message, /uses the :latest tag/);
  });
});
