package main

// The ResourceQuota pod evaluator (k8s.io/kubernetes/pkg/quota/v1/evaluator/core, NewPodEvaluator), run
// in-process on the pod the create path stored (after LimitRanger's Admit and PrepareForCreate: the quota
// admission plugin validates that pod). The ResourceQuotas of a file are created through their own create
// path first and read back as stored JSON; each pod after them is set against every quota of its
// namespace: the evaluator's Usage of the pod, and per quota whether it Matches (its hard resources and its
// scopes/scopeSelector), which of its hard resource names the evaluator tracks (MatchingResources) and the
// Constraints error the admission plugin would return ("must specify ..."), as CheckRequest calls them.
//
// Then the admission decision: the quota admission plugin's CheckRequest
// (k8s.io/apiserver/pkg/admission/plugin/resourcequota) on the pod's create, against every quota of the
// namespace with its status. status.used starts as the quota controller would leave it for a namespace
// whose pods are not in the file: 0 for every hard resource, or the values of the quota's annotation
// conformance.pod-lens.dev/used ("requests.cpu=1500m,pods=3"); each pod admitted adds its usage (the
// quotas CheckRequest returns), so the pods of one file fill the quota in file order, as a sequence of
// creates would.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apiserver/pkg/admission"
	quotaadmission "k8s.io/apiserver/pkg/admission/plugin/resourcequota"
	quota "k8s.io/apiserver/pkg/quota/v1"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/quota/v1/evaluator/core"
	"k8s.io/utils/clock"
)

// resourceQuotas: the stored ResourceQuotas of each namespace, in file order.
var resourceQuotas = map[string][]*corev1.ResourceQuota{}

type quotaMatch struct {
	Name    string `json:"name"`
	Matches bool   `json:"matches"`
	// MatchingResources of the quota's hard resource names, sorted.
	Resources   []string `json:"resources"`
	Constraints string   `json:"constraints,omitempty"`
	Error       string   `json:"error,omitempty"`
}

type quotaResult struct {
	Usage  map[string]string `json:"usage"`
	Quotas []quotaMatch      `json:"quotas"`
	Error  string            `json:"error,omitempty"`
	// CheckRequest's error for the pod's create (the text inside the Forbidden status), or "" when admitted.
	Admission string `json:"admission"`
	// Each quota's status.used after the decision, in file order.
	Used []map[string]string `json:"used"`
}

// usedAnnotation: a generated case's starting status.used of a quota.
const usedAnnotation = "conformance.pod-lens.dev/used"

// storeResourceQuota keeps a created ResourceQuota for the pods after it; the quota controller copies
// spec.hard to status.hard, which is what the evaluator reads.
func storeResourceQuota(internal runtime.Object, ns string) error {
	v1obj, err := legacyscheme.Scheme.ConvertToVersion(internal, corev1.SchemeGroupVersion)
	if err != nil {
		return err
	}
	b, err := json.Marshal(v1obj)
	if err != nil {
		return err
	}
	stored := &corev1.ResourceQuota{}
	if err := json.Unmarshal(b, stored); err != nil {
		return err
	}
	stored.Namespace = ns
	stored.Status.Hard = stored.Spec.Hard
	stored.Status.Used = corev1.ResourceList{}
	for name := range stored.Status.Hard {
		stored.Status.Used[name] = resource.MustParse("0")
	}
	if text := stored.Annotations[usedAnnotation]; text != "" {
		for _, part := range strings.Split(text, ",") {
			name, value, ok := strings.Cut(part, "=")
			q, err := resource.ParseQuantity(value)
			if !ok || err != nil {
				return fmt.Errorf("annotation %s: %q", usedAnnotation, part)
			}
			stored.Status.Used[corev1.ResourceName(name)] = q
		}
	}
	resourceQuotas[ns] = append(resourceQuotas[ns], stored)
	return nil
}

// quotaOf sets a stored pod against the quotas of its namespace; nil when the namespace has none.
func quotaOf(pod *corev1.Pod, ns string) *quotaResult {
	items := resourceQuotas[ns]
	if len(items) == 0 {
		return nil
	}
	evaluator := core.NewPodEvaluator(nil, clock.RealClock{})
	res := &quotaResult{Usage: map[string]string{}, Quotas: []quotaMatch{}}
	usage, err := evaluator.Usage(pod)
	if err != nil {
		res.Error = err.Error()
	}
	res.Usage = quantities(usage)
	for _, rq := range items {
		m := quotaMatch{Name: rq.Name, Resources: []string{}}
		matches, err := evaluator.Matches(rq, pod)
		if err != nil {
			m.Error = err.Error()
		}
		m.Matches = matches
		restricted := evaluator.MatchingResources(quota.ResourceNames(rq.Status.Hard))
		for _, r := range restricted {
			m.Resources = append(m.Resources, string(r))
		}
		sort.Strings(m.Resources)
		if matches {
			if err := evaluator.Constraints(restricted, pod); err != nil {
				m.Constraints = err.Error()
			}
		}
		res.Quotas = append(res.Quotas, m)
	}
	admit(pod, ns, evaluator, res)
	return res
}

// admit runs the quota admission plugin's check of the pod's create and keeps the quotas it returns.
func admit(pod *corev1.Pod, ns string, evaluator quota.Evaluator, res *quotaResult) {
	quotas := make([]corev1.ResourceQuota, len(resourceQuotas[ns]))
	for i, rq := range resourceQuotas[ns] {
		quotas[i] = *rq.DeepCopy()
	}
	attrs := admission.NewAttributesRecord(pod, nil, corev1.SchemeGroupVersion.WithKind("Pod"), ns, pod.Name,
		corev1.SchemeGroupVersion.WithResource("pods"), "", admission.Create, &metav1.CreateOptions{}, false, nil)
	out, err := quotaadmission.CheckRequest(quotas, attrs, evaluator, nil)
	if err != nil {
		res.Admission = err.Error()
		if status, ok := err.(*apierrors.StatusError); ok {
			msg := status.ErrStatus.Message
			if i := strings.Index(msg, " is forbidden: "); i >= 0 {
				msg = msg[i+len(" is forbidden: "):]
			}
			res.Admission = msg
		}
	} else {
		for i := range out {
			resourceQuotas[ns][i].Status.Used = out[i].Status.Used
		}
	}
	for _, rq := range resourceQuotas[ns] {
		res.Used = append(res.Used, quantities(rq.Status.Used))
	}
}
