//go:build !k8s134

package main

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/registry/rest"
)

const kubernetesRelease = "1.37"

// validateCreate is the validation step of rest.BeforeCreate at 1.37: rest.ValidateCreate runs
// strategy.Validate, then ObjectMeta validation when that passed, then declarative validation.
func validateCreate(ctx context.Context, obj runtime.Object, strategy rest.RESTCreateStrategy) field.ErrorList {
	return rest.ValidateCreate(ctx, obj, strategy)
}
