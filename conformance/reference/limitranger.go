package main

// The LimitRanger admission plugin (k8s.io/kubernetes/plugin/pkg/admission/limitranger), run in-process
// on the pod create path: the LimitRanges of a file (created first through their own create path, then
// read back as stored JSON, as the plugin's informer would see them) are supplied to the real plugin
// through a shared informer's indexer; the plugin's Admit runs after decoding and before
// PrepareForCreate, its Validate after validation, as the API server's handler and store call them.
//
// A namespace's LimitRanges come from the informer cache in an order Kubernetes does not define; to
// make the output reproducible, each LimitRange gets its own plugin instance (an indexer holding only
// that one) and the instances run in file order, which is what the plugin's own loop does for that
// order. Validate stops at the first LimitRange with an error, as the plugin does (its message is
// `forbidden`); `errors` lists every LimitRange's errors (PodValidateLimitFunc's aggregate, split).

import (
	"context"
	"encoding/json"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	utilerrors "k8s.io/apimachinery/pkg/util/errors"
	"k8s.io/apiserver/pkg/admission"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	restclient "k8s.io/client-go/rest"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	api "k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/plugin/pkg/admission/limitranger"
)

// limitRanges: the stored LimitRanges of each namespace, in file order.
var limitRanges = map[string][]*corev1.LimitRange{}

type limitRangerResult struct {
	Annotation string     `json:"annotation,omitempty"`
	Forbidden  string     `json:"forbidden,omitempty"`
	Errors     [][]string `json:"errors"`
}

// storeLimitRange keeps a created LimitRange for the pods after it.
func storeLimitRange(internal runtime.Object, ns string) error {
	v1obj, err := legacyscheme.Scheme.ConvertToVersion(internal, corev1.SchemeGroupVersion)
	if err != nil {
		return err
	}
	b, err := json.Marshal(v1obj)
	if err != nil {
		return err
	}
	stored := &corev1.LimitRange{}
	if err := json.Unmarshal(b, stored); err != nil {
		return err
	}
	stored.Namespace = ns
	limitRanges[ns] = append(limitRanges[ns], stored)
	return nil
}

var idleClient kubernetes.Interface

func pluginFor(lr *corev1.LimitRange) (*limitranger.LimitRanger, error) {
	if idleClient == nil {
		// Never called: the indexer always holds the LimitRange, so the plugin's live lookup does not run.
		c, err := kubernetes.NewForConfig(&restclient.Config{Host: "http://127.0.0.1:1"})
		if err != nil {
			return nil, err
		}
		idleClient = c
	}
	plugin, err := limitranger.NewLimitRanger(&limitranger.DefaultLimitRangerActions{})
	if err != nil {
		return nil, err
	}
	factory := informers.NewSharedInformerFactory(idleClient, 0)
	lrs := factory.Core().V1().LimitRanges()
	if err := lrs.Informer().GetIndexer().Add(lr); err != nil {
		return nil, err
	}
	plugin.SetExternalKubeInformerFactory(factory)
	plugin.SetExternalKubeClientSet(idleClient)
	return plugin, nil
}

func podAttributes(pod *api.Pod, ns string) admission.Attributes {
	return admission.NewAttributesRecord(pod, nil, api.Kind("Pod").WithVersion("version"), ns, pod.Name,
		api.Resource("pods").WithVersion("version"), "", admission.Create, &metav1.CreateOptions{}, false, nil)
}

// admitPod runs every LimitRange's Admit on a decoded pod; nil when the namespace has none.
func admitPod(obj runtime.Object, ns string) (*limitRangerResult, error) {
	pod, ok := obj.(*api.Pod)
	items := limitRanges[ns]
	if !ok || len(items) == 0 {
		return nil, nil
	}
	for _, lr := range items {
		plugin, err := pluginFor(lr)
		if err != nil {
			return nil, err
		}
		if err := plugin.Admit(context.Background(), podAttributes(pod, ns), nil); err != nil {
			return nil, err
		}
	}
	return &limitRangerResult{Annotation: pod.Annotations["kubernetes.io/limit-ranger"], Errors: [][]string{}}, nil
}

// validatePod runs every LimitRange's Validate on the pod after PrepareForCreate and validation.
func validatePod(obj runtime.Object, ns string, res *limitRangerResult) error {
	pod := obj.(*api.Pod)
	for _, lr := range limitRanges[ns] {
		plugin, err := pluginFor(lr)
		if err != nil {
			return err
		}
		if err := plugin.Validate(context.Background(), podAttributes(pod, ns), nil); err != nil && res.Forbidden == "" {
			res.Forbidden = err.Error()
		}
		group := []string{}
		if err := limitranger.PodValidateLimitFunc(lr, pod); err != nil {
			if agg, ok := err.(utilerrors.Aggregate); ok {
				for _, e := range agg.Errors() {
					group = append(group, e.Error())
				}
			} else {
				group = append(group, err.Error())
			}
		}
		res.Errors = append(res.Errors, group)
	}
	return nil
}
