// Command reference is Pod Lens's test oracle: it runs Kubernetes objects through the real Kubernetes
// code of one release (k8s.io/kubernetes and its staging modules, pinned in go.mod) and prints what
// the API server does on create, one JSON line per object.
//
//	reference [-objects] [FILE]      read YAML (or JSON) documents from FILE or stdin
//	reference -lifecycle             print the lifecycle numbers (back-off, probe defaults, grace periods)
//	reference -version               print the Kubernetes release this binary was built against
//
// Input is read the way kubectl create reads it: documents are split with
// k8s.io/apimachinery/pkg/util/yaml.NewYAMLReader, each is turned into JSON with sigs.k8s.io/yaml
// (go-yaml v2 rules: YAML 1.1, unquoted numbers become JSON numbers), decoded into an
// unstructured.Unstructured and encoded again, and that body is what the API server receives.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/klog/v2"
	"sigs.k8s.io/yaml"

	// Register internal and versioned types, conversions and defaulting funcs in legacyscheme.
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
)

func main() {
	objects := flag.Bool("objects", false, "include the stored object (and the pod made from a template) in the output")
	lifecycle := flag.Bool("lifecycle", false, "print lifecycle numbers instead of reading objects")
	showVersion := flag.Bool("version", false, "print the Kubernetes release")
	flag.Parse()
	klog.SetOutput(io.Discard)
	klog.LogToStderr(false)

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)

	if *showVersion {
		_ = enc.Encode(map[string]string{"kubernetes": kubernetesRelease})
		return
	}
	if *lifecycle {
		if err := enc.Encode(lifecycleNumbers()); err != nil {
			fail(err)
		}
		return
	}

	var in io.Reader = os.Stdin
	if flag.NArg() > 0 && flag.Arg(0) != "-" {
		f, err := os.Open(flag.Arg(0))
		if err != nil {
			fail(err)
		}
		defer f.Close()
		in = f
	}
	reader := utilyaml.NewYAMLReader(bufio.NewReaderSize(in, 1<<20))
	for doc := 0; ; doc++ {
		raw, err := reader.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fail(err)
		}
		if err := enc.Encode(processDocument(doc, raw, *objects)); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "reference:", err)
	os.Exit(2)
}

// kubectlBody turns one YAML document into the JSON body kubectl create sends.
func kubectlBody(raw []byte) ([]byte, *unstructured.Unstructured, error) {
	j, err := yaml.YAMLToJSON(raw)
	if err != nil {
		return nil, nil, err
	}
	j = bytes.TrimSpace(j)
	if len(j) == 0 || bytes.Equal(j, []byte("null")) {
		return nil, nil, fmt.Errorf("empty document")
	}
	obj, err := runtime.Decode(unstructured.UnstructuredJSONScheme, j)
	if err != nil {
		return nil, nil, err
	}
	u, ok := obj.(*unstructured.Unstructured)
	if !ok {
		return nil, nil, fmt.Errorf("a %T, not a single object", obj)
	}
	body, err := runtime.Encode(unstructured.UnstructuredJSONScheme, u)
	if err != nil {
		return nil, nil, err
	}
	return body, u, nil
}
