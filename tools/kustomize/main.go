// Command kustomize is the small `kustomize build DIR` that Pod Lens's tests render overlays with: the
// kustomize API's krusty kernel on the local file system, YAML on stdout, the error on stderr with exit 1.
// It loads nothing from the network (remote bases are refused by the kernel's default load restrictions
// only when they are not URLs, so this program also refuses any argument that is not a local directory).
package main

import (
	"fmt"
	"os"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

const usage = "usage: kustomize build DIR"

func main() {
	if len(os.Args) != 3 || os.Args[1] != "build" {
		if len(os.Args) == 2 && os.Args[1] == "version" {
			fmt.Println("pod-lens-kustomize (sigs.k8s.io/kustomize/api krusty)")
			return
		}
		fail(usage)
	}
	dir := os.Args[2]
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fail(fmt.Sprintf("%s is not a local directory", dir))
	}
	kustomizer := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resources, err := kustomizer.Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		fail(err.Error())
	}
	out, err := resources.AsYaml()
	if err != nil {
		fail(err.Error())
	}
	if _, err := os.Stdout.Write(out); err != nil {
		fail(err.Error())
	}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "Error:", message)
	os.Exit(1)
}
