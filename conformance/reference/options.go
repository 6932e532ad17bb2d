package main

import (
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	resourcehelper "k8s.io/component-helpers/resource"
	"k8s.io/kubernetes/pkg/features"
)

// podResourcesOptions are the options pkg/scheduler/framework/plugins/noderesources (Fit,
// computePodResourceRequest) and the kubelet (getEffectiveAllocatedResources) pass for a pod that is
// not running yet: pod-level resources unless the gate is off; no status resources.
func podResourcesOptions() resourcehelper.PodResourcesOptions {
	return resourcehelper.PodResourcesOptions{
		SkipPodLevelResources: !utilfeature.DefaultFeatureGate.Enabled(features.PodLevelResources),
	}
}
