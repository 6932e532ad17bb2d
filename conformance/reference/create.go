package main

// The API server's create path, step by step, by calling Kubernetes' own functions:
//
//	handler (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go):
//	  decode the body with the strict JSON serializer (kubectl sends fieldValidation=Strict),
//	  converting to the internal version; the codec applies the scheme's defaulting funcs
//	  (core/v1, apps/v1, batch/v1 SetDefaults_*) on the versioned object on the way.
//	store (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go, create):
//	  rest.FillObjectMetaSystemFields, name generation, then rest.BeforeCreate:
//	  EnsureObjectNamespaceMatchesRequestNamespace, strategy.PrepareForCreate (for pods:
//	  DropDisabledPodFields, DefaultPodLevelResources, status.qosClass = qos.GetPodQOS),
//	  rest.ValidateCreate (strategy.Validate, ObjectMeta validation, declarative validation),
//	  strategy.Canonicalize.
//
// BeforeCreate folds the field.ErrorList into a StatusError; the steps are called here one by one
// (in BeforeCreate's order) so the field errors keep their type and detail. Admission plugins are
// not run: they depend on objects in a cluster (RuntimeClass, LimitRange, ServiceAccount).

import (
	"context"
	"fmt"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/kubernetes/pkg/api/legacyscheme"

	appsinternal "k8s.io/kubernetes/pkg/apis/apps"
	batchinternal "k8s.io/kubernetes/pkg/apis/batch"
	api "k8s.io/kubernetes/pkg/apis/core"

	"k8s.io/kubernetes/pkg/registry/apps/daemonset"
	"k8s.io/kubernetes/pkg/registry/apps/deployment"
	"k8s.io/kubernetes/pkg/registry/apps/replicaset"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
	"k8s.io/kubernetes/pkg/registry/batch/cronjob"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/core/limitrange"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/podtemplate"
	"k8s.io/kubernetes/pkg/registry/core/replicationcontroller"
	"k8s.io/kubernetes/pkg/registry/core/resourcequota"
)

type endpoint struct {
	resource string
	strategy rest.RESTCreateStrategy
	newObj   func() runtime.Object
}

// endpoints maps an object's group and kind to the REST endpoint kubectl would POST it to.
var endpoints = map[schema.GroupKind]endpoint{
	{Group: "", Kind: "Pod"}:                   {"pods", pod.Strategy, func() runtime.Object { return &api.Pod{} }},
	{Group: "", Kind: "LimitRange"}:            {"limitranges", limitrange.Strategy, func() runtime.Object { return &api.LimitRange{} }},
	{Group: "", Kind: "ResourceQuota"}:         {"resourcequotas", resourcequota.Strategy, func() runtime.Object { return &api.ResourceQuota{} }},
	{Group: "", Kind: "PodTemplate"}:           {"podtemplates", podtemplate.Strategy, func() runtime.Object { return &api.PodTemplate{} }},
	{Group: "", Kind: "ReplicationController"}: {"replicationcontrollers", replicationcontroller.Strategy, func() runtime.Object { return &api.ReplicationController{} }},
	{Group: "apps", Kind: "Deployment"}:        {"deployments", deployment.Strategy, func() runtime.Object { return &appsinternal.Deployment{} }},
	{Group: "apps", Kind: "StatefulSet"}:       {"statefulsets", statefulset.Strategy, func() runtime.Object { return &appsinternal.StatefulSet{} }},
	{Group: "apps", Kind: "DaemonSet"}:         {"daemonsets", daemonset.Strategy, func() runtime.Object { return &appsinternal.DaemonSet{} }},
	{Group: "apps", Kind: "ReplicaSet"}:        {"replicasets", replicaset.Strategy, func() runtime.Object { return &appsinternal.ReplicaSet{} }},
	{Group: "batch", Kind: "Job"}:              {"jobs", job.Strategy, func() runtime.Object { return &batchinternal.Job{} }},
	{Group: "batch", Kind: "CronJob"}:          {"cronjobs", cronjob.Strategy, func() runtime.Object { return &batchinternal.CronJob{} }},
}

// createResult is what the API server ends up with for one POST.
type createResult struct {
	decodeError string
	internal    runtime.Object // after defaulting, PrepareForCreate and Canonicalize
	errs        field.ErrorList
	// The LimitRanger plugin's work on a pod, when its namespace has LimitRanges (limitranger.go).
	limitRanger *limitRangerResult
}

// create runs one JSON body through the create path of the endpoint for gvk.
func create(body []byte, gvk schema.GroupVersionKind, namespace string) createResult {
	ep, ok := endpoints[gvk.GroupKind()]
	if !ok {
		return createResult{decodeError: fmt.Sprintf("no endpoint for %s", gvk)}
	}
	info, ok := runtime.SerializerInfoForMediaType(legacyscheme.Codecs.SupportedMediaTypes(), runtime.ContentTypeJSON)
	if !ok || info.StrictSerializer == nil {
		return createResult{decodeError: "no strict JSON serializer"}
	}
	hub := schema.GroupVersion{Group: gvk.Group, Version: runtime.APIVersionInternal}
	decoder := legacyscheme.Codecs.DecoderToVersion(info.StrictSerializer, hub)
	defaultGVK := gvk
	obj, _, err := decoder.Decode(body, &defaultGVK, ep.newObj())
	if err != nil {
		return createResult{decodeError: err.Error()}
	}

	ctx := genericapirequest.WithNamespace(context.Background(), namespace)
	ctx = genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true, Verb: "create", APIPrefix: apiPrefix(gvk.Group), APIGroup: gvk.Group,
		APIVersion: gvk.Version, Namespace: namespace, Resource: ep.resource,
	})

	objectMeta, err := meta.Accessor(obj)
	if err != nil {
		return createResult{decodeError: err.Error()}
	}
	rest.FillObjectMetaSystemFields(objectMeta)
	if len(objectMeta.GetGenerateName()) > 0 && len(objectMeta.GetName()) == 0 {
		// The store calls strategy.GenerateName (a random 5-character suffix); a fixed suffix keeps
		// the output reproducible and is as valid.
		objectMeta.SetName(objectMeta.GetGenerateName() + "x7k2q")
	}
	objectMeta.SetCreationTimestamp(metav1.Unix(0, 0))
	objectMeta.SetUID("00000000-0000-0000-0000-000000000000")
	if err := rest.EnsureObjectNamespaceMatchesRequestNamespace(rest.ExpectedNamespaceForScope(namespace, ep.strategy.NamespaceScoped()), objectMeta); err != nil {
		return createResult{decodeError: err.Error()}
	}
	// The handler runs mutating admission after decoding, before the store's BeforeCreate.
	lr, err := admitPod(obj, namespace)
	if err != nil {
		return createResult{decodeError: "admission: " + err.Error()}
	}
	ep.strategy.PrepareForCreate(ctx, obj)
	errs := validateCreate(ctx, obj, ep.strategy)
	ep.strategy.Canonicalize(obj)
	// The store runs validating admission after BeforeCreate succeeded; it is run here in any case.
	if lr != nil {
		if err := validatePod(obj, namespace, lr); err != nil {
			return createResult{decodeError: "admission: " + err.Error()}
		}
	}
	return createResult{internal: obj, errs: errs, limitRanger: lr}
}

func apiPrefix(group string) string {
	if group == "" {
		return "api"
	}
	return "apis"
}
