package main

import (
	"encoding/json"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/validation/field"
	resourcehelper "k8s.io/component-helpers/resource"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	api "k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/pkg/controller"
)

// fieldError is one field.Error as the API server reports it.
type fieldError struct {
	Field   string `json:"field"`
	Type    string `json:"type"`   // field.ErrorType.String(), e.g. "Invalid value", "Required value"
	Reason  string `json:"reason"` // the StatusCause type, e.g. "FieldValueInvalid"
	Detail  string `json:"detail,omitempty"`
	Message string `json:"message"` // field.Error.Error(): what kubectl prints
}

// podResult is what the pod (the object itself, or the pod a controller makes from the template)
// ends up with: effective requests and limits, and the stored status.qosClass.
type podResult struct {
	QOSClass string            `json:"qosClass"`
	Requests map[string]string `json:"requests"`
	Limits   map[string]string `json:"limits"`
	// For templates: the create errors of the pod made from the (stored) template.
	Errors []fieldError     `json:"errors,omitempty"`
	Object *json.RawMessage `json:"object,omitempty"`
	// The LimitRanger admission plugin's work (only in a namespace with LimitRanges).
	LimitRanger *limitRangerResult `json:"limitRanger,omitempty"`
	// The ResourceQuota pod evaluator on the stored pod (only in a namespace with ResourceQuotas).
	Quota *quotaResult `json:"quota,omitempty"`
}

type docResult struct {
	Doc         int              `json:"doc"`
	APIVersion  string           `json:"apiVersion,omitempty"`
	Kind        string           `json:"kind,omitempty"`
	Name        string           `json:"name,omitempty"`
	DecodeError string           `json:"decodeError,omitempty"`
	Errors      []fieldError     `json:"errors"`
	Object      *json.RawMessage `json:"object,omitempty"`
	Pod         *podResult       `json:"pod,omitempty"`
}

func processDocument(doc int, raw []byte, withObjects bool) (res docResult) {
	res = docResult{Doc: doc, Errors: []fieldError{}}
	defer func() {
		if r := recover(); r != nil {
			res.DecodeError = "reference panicked: " + toString(r)
		}
	}()
	body, u, err := kubectlBody(raw)
	if err != nil {
		res.DecodeError = err.Error()
		return res
	}
	gvk := u.GroupVersionKind()
	res.APIVersion, res.Kind, res.Name = u.GetAPIVersion(), u.GetKind(), u.GetName()
	ns := u.GetNamespace()
	if ns == "" {
		ns = "default" // kubectl's namespace when the object and the context name none
	}
	created := create(body, gvk, ns)
	if created.decodeError != "" {
		res.DecodeError = created.decodeError
		return res
	}
	res.Errors = fieldErrors(created.errs)
	if gvk.Kind == "LimitRange" && len(created.errs) == 0 {
		if err := storeLimitRange(created.internal, ns); err != nil {
			res.DecodeError = "storing the LimitRange: " + err.Error()
			return res
		}
	}
	versioned, err := legacyscheme.Scheme.ConvertToVersion(created.internal, gvk.GroupVersion())
	if err != nil {
		res.DecodeError = "converting back: " + err.Error()
		return res
	}
	if gvk.Kind == "ResourceQuota" && len(created.errs) == 0 {
		if err := storeResourceQuota(created.internal, ns); err != nil {
			res.DecodeError = "storing the ResourceQuota: " + err.Error()
			return res
		}
	}
	if withObjects {
		res.Object = rawJSON(versioned)
	}

	if p, ok := versioned.(*corev1.Pod); ok {
		res.Pod = podFigures(p, created.internal.(*api.Pod))
		res.Pod.LimitRanger = created.limitRanger
		res.Pod.Quota = quotaOf(p, ns)
		return res
	}
	template := podTemplate(versioned)
	if template == nil {
		return res
	}
	// What the workload's controller would POST: pkg/controller GetPodFromTemplate, then the pod
	// create path (decoding and defaulting again, PrepareForCreate, validation).
	derived, err := controller.GetPodFromTemplate(template, versioned, nil)
	if err != nil {
		res.Pod = &podResult{Errors: []fieldError{{Field: "<template>", Message: err.Error()}}}
		return res
	}
	derived.Namespace = ns
	derived.APIVersion, derived.Kind = "v1", "Pod"
	podBody, err := json.Marshal(derived)
	if err != nil {
		res.DecodeError = err.Error()
		return res
	}
	podCreated := create(podBody, corev1.SchemeGroupVersion.WithKind("Pod"), ns)
	if podCreated.decodeError != "" {
		res.Pod = &podResult{Errors: []fieldError{{Field: "<decode>", Message: podCreated.decodeError}}}
		return res
	}
	v1obj, err := legacyscheme.Scheme.ConvertToVersion(podCreated.internal, corev1.SchemeGroupVersion)
	if err != nil {
		res.DecodeError = "converting the pod back: " + err.Error()
		return res
	}
	res.Pod = podFigures(v1obj.(*corev1.Pod), podCreated.internal.(*api.Pod))
	res.Pod.Errors = fieldErrors(podCreated.errs)
	res.Pod.LimitRanger = podCreated.limitRanger
	res.Pod.Quota = quotaOf(v1obj.(*corev1.Pod), ns)
	if withObjects {
		res.Pod.Object = rawJSON(v1obj)
	}
	return res
}

func podTemplate(obj runtime.Object) *corev1.PodTemplateSpec {
	switch o := obj.(type) {
	case *corev1.PodTemplate:
		return &o.Template
	case *corev1.ReplicationController:
		return o.Spec.Template
	case *appsv1.Deployment:
		return &o.Spec.Template
	case *appsv1.StatefulSet:
		return &o.Spec.Template
	case *appsv1.DaemonSet:
		return &o.Spec.Template
	case *appsv1.ReplicaSet:
		return &o.Spec.Template
	case *batchv1.Job:
		return &o.Spec.Template
	case *batchv1.CronJob:
		return &o.Spec.JobTemplate.Spec.Template
	}
	return nil
}

// podFigures: effective requests and limits with the options the scheduler (noderesources Fit)
// and the kubelet pass (see options*.go), and the qosClass PrepareForCreate stored.
func podFigures(p *corev1.Pod, internal *api.Pod) *podResult {
	opts := podResourcesOptions()
	return &podResult{
		QOSClass: string(internal.Status.QOSClass),
		Requests: quantities(resourcehelper.PodRequests(p, opts)),
		Limits:   quantities(resourcehelper.PodLimits(p, opts)),
	}
}

func quantities(list corev1.ResourceList) map[string]string {
	out := make(map[string]string, len(list))
	for name, q := range list {
		out[string(name)] = canonical(q)
	}
	return out
}

func canonical(q resource.Quantity) string { return q.String() }

func fieldErrors(errs field.ErrorList) []fieldError {
	out := make([]fieldError, 0, len(errs))
	for _, e := range errs {
		out = append(out, fieldError{Field: e.Field, Type: e.Type.String(), Reason: string(e.Type), Detail: e.Detail, Message: e.Error()})
	}
	return out
}

func rawJSON(obj runtime.Object) *json.RawMessage {
	b, err := json.Marshal(obj)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": err.Error()})
	}
	m := json.RawMessage(b)
	return &m
}

func toString(v any) string {
	if e, ok := v.(error); ok {
		return e.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

var _ = schema.GroupVersionKind{}
