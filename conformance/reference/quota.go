package main

// The ResourceQuota pod evaluator (k8s.io/kubernetes/pkg/quota/v1/evaluator/core, NewPodEvaluator), run
// in-process on the pod the create path stored (after LimitRanger's Admit and PrepareForCreate: the quota
// admission plugin validates that pod). The ResourceQuotas of a file are created through their own create
// path first and read back as stored JSON; each pod after them is set against every quota of its
// namespace: the evaluator's Usage of the pod, and per quota whether it Matches (its hard resources and its
// scopes/scopeSelector), which of its hard resource names the evaluator tracks (MatchingResources) and the
// Constraints error the admission plugin would return ("must specify ..."), as CheckRequest calls them.

import (
	"encoding/json"
	"sort"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
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
}

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
	return res
}
