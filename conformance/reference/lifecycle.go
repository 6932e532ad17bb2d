package main

// Lifecycle numbers that Pod Lens's server/src/analysis/timing.ts uses, from the Kubernetes code of
// this release with its default feature gates:
//   - crash-loop back-off: the kubelet builds flowcontrol.NewBackOff(initial, max) in NewMainKubelet
//     (pkg/kubelet/kubelet.go, newCrashLoopBackOff) and resets an entry after 600 s (HasExpiredFunc).
//     max: the kubelet configuration default (v1beta1.SetDefaults_KubeletConfiguration, called here)
//     when KubeletCrashLoopBackOffMax is on, else v1beta1.MaxContainerBackOff. initial and the
//     ReduceDefaultCrashLoopBackOffDecay values are unexported constants of pkg/kubelet
//     (initialCrashLoopBackOff = 10s, reducedInitialCrashLoopBackOff = 1s, reducedMaxCrashLoopBackOff
//     = 60s): they are written here as facts from that file, and the sequence itself comes from
//     calling client-go's flowcontrol.Backoff with a fake clock.
//   - probe defaults: a pod with probes that set no timing field (and one that sets them to 0) goes
//     through the create path (SetDefaults_Probe) and the stored probe is read back.
//   - grace periods: the defaulted spec.terminationGracePeriodSeconds, and the deletion grace period
//     pod Strategy.CheckGracefulDelete picks for a scheduled pod.

import (
	"encoding/json"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	utilfeature "k8s.io/apiserver/pkg/util/feature"
	"k8s.io/client-go/util/flowcontrol"
	kubeletconfigv1beta1 "k8s.io/kubelet/config/v1beta1"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	api "k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/pkg/features"
	kubeletconfigdefaults "k8s.io/kubernetes/pkg/kubelet/apis/config/v1beta1"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	testingclock "k8s.io/utils/clock/testing"
)

type backoffNumbers struct {
	Gates             map[string]bool `json:"gates"`
	InitialSeconds    float64         `json:"initialSeconds"`
	MaxSeconds        float64         `json:"maxSeconds"`
	ResetAfterSeconds float64         `json:"resetAfterSeconds"`
	// Delays before restarts 2, 3, ... of a container that exits at once every time (the first
	// restart has no back-off entry yet), until the cap.
	Sequence []float64 `json:"sequence"`
	// A container that exits 601 s after its last restart: the wait before its restart
	// (IsInBackOffSince is false once the entry expired) and the entry's delay after Next.
	AfterLongRunWait  float64 `json:"afterLongRunWait"`
	AfterLongRunDelay float64 `json:"afterLongRunDelay"`
}

type probeNumbers struct {
	InitialDelaySeconds int32 `json:"initialDelaySeconds"`
	PeriodSeconds       int32 `json:"periodSeconds"`
	TimeoutSeconds      int32 `json:"timeoutSeconds"`
	SuccessThreshold    int32 `json:"successThreshold"`
	FailureThreshold    int32 `json:"failureThreshold"`
}

func lifecycleNumbers() any {
	gate := utilfeature.DefaultFeatureGate
	reduce := gate.Enabled(features.ReduceDefaultCrashLoopBackOffDecay)
	configurableMax := gate.Enabled(features.KubeletCrashLoopBackOffMax)

	boMax := kubeletconfigdefaults.MaxContainerBackOff
	boInitial := 10 * time.Second // pkg/kubelet initialCrashLoopBackOff
	if reduce {
		boMax = 60 * time.Second    // reducedMaxCrashLoopBackOff
		boInitial = 1 * time.Second // reducedInitialCrashLoopBackOff
	}
	if configurableMax {
		cfg := &kubeletconfigv1beta1.KubeletConfiguration{}
		kubeletconfigdefaults.SetDefaults_KubeletConfiguration(cfg)
		if cfg.CrashLoopBackOff.MaxContainerRestartPeriod != nil {
			boMax = cfg.CrashLoopBackOff.MaxContainerRestartPeriod.Duration
		}
		if boMax < boInitial {
			boInitial = boMax
		}
	}
	const reset = 600 * time.Second
	clock := testingclock.NewFakeClock(time.Unix(0, 0))
	bo := flowcontrol.NewFakeBackOff(boInitial, boMax, clock)
	bo.HasExpiredFunc = func(eventTime, lastUpdate time.Time, _ time.Duration) bool { return eventTime.Sub(lastUpdate) > reset }
	var seq []float64
	for i := 0; i < 32; i++ {
		bo.Next("c", clock.Now())
		d := bo.Get("c")
		seq = append(seq, d.Seconds())
		clock.Step(d)
		if d >= boMax {
			break
		}
	}
	clock.Step(reset + time.Second)
	exited := clock.Now()
	var wait float64
	if bo.IsInBackOffSince("c", exited) { // kuberuntime doBackOff
		wait = bo.Get("c").Seconds()
	}
	bo.Next("c", exited)
	after := bo.Get("c").Seconds()

	return map[string]any{
		"kubernetes": kubernetesRelease,
		"backoff": backoffNumbers{
			Gates:          map[string]bool{"ReduceDefaultCrashLoopBackOffDecay": reduce, "KubeletCrashLoopBackOffMax": configurableMax},
			InitialSeconds: boInitial.Seconds(), MaxSeconds: boMax.Seconds(), ResetAfterSeconds: reset.Seconds(),
			Sequence: seq, AfterLongRunWait: wait, AfterLongRunDelay: after,
		},
		"probeDefaults":     probeDefaults(false),
		"probeDefaultsZero": probeDefaults(true),
		"gracePeriod":       gracePeriods(),
	}
}

func probeDefaults(zero bool) *probeNumbers {
	probe := map[string]any{"exec": map[string]any{"command": []string{"true"}}}
	if zero {
		for _, k := range []string{"initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold"} {
			probe[k] = 0
		}
	}
	body, _ := json.Marshal(map[string]any{
		"apiVersion": "v1", "kind": "Pod", "metadata": map[string]any{"name": "p"},
		"spec": map[string]any{"containers": []any{map[string]any{"name": "c", "image": "x:1", "readinessProbe": probe}}},
	})
	created := create(body, corev1.SchemeGroupVersion.WithKind("Pod"), "default")
	if created.internal == nil {
		return nil
	}
	p := created.internal.(*api.Pod).Spec.Containers[0].ReadinessProbe
	return &probeNumbers{p.InitialDelaySeconds, p.PeriodSeconds, p.TimeoutSeconds, p.SuccessThreshold, p.FailureThreshold}
}

func gracePeriods() map[string]any {
	body := []byte(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"x:1"}]}}`)
	created := create(body, corev1.SchemeGroupVersion.WithKind("Pod"), "default")
	out := map[string]any{}
	if created.internal == nil {
		return out
	}
	p := created.internal.(*api.Pod)
	if p.Spec.TerminationGracePeriodSeconds != nil {
		out["defaultTerminationGracePeriodSeconds"] = *p.Spec.TerminationGracePeriodSeconds
	}
	p.Spec.NodeName = "node-1"
	opts := &metav1.DeleteOptions{}
	pod.Strategy.CheckGracefulDelete(nil, p, opts)
	if opts.GracePeriodSeconds != nil {
		out["deleteGracePeriodSeconds"] = *opts.GracePeriodSeconds
	}
	_ = legacyscheme.Scheme
	return out
}
