//go:build !k8s134 && !k8s135 && !k8s136

package main

const kubernetesRelease = "1.37"
