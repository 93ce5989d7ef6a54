// kustomize-build renders a kustomization with kustomize's own library (sigs.k8s.io/kustomize/api/krusty, the code
// `kubectl kustomize` and the `kustomize` binary run) and prints the YAML they would print. Files are read from
// disk with the load restrictor lifted, as `--load-restrictor LoadRestrictionsNone` does: deploy/k8s reads the
// Kafka brokers' JMX exporter rules from deploy/local. OneSeal's Kubernetes check (deploy/k8s/k8s.spec.ts) reads
// its output, so the manifests it checks are the ones kustomize makes, patches and generators applied, not a
// reader of our own. It needs no cluster.
//
//	kustomize-build DIR
//
// An error (a missing file, a patch that matches nothing, an invalid kustomization) is printed as kustomize prints
// it, with exit status 1.
package main

import (
	"fmt"
	"os"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: kustomize-build DIR")
		os.Exit(2)
	}
	options := krusty.MakeDefaultOptions()
	options.LoadRestrictions = types.LoadRestrictionsNone
	resources, err := krusty.MakeKustomizer(options).Run(filesys.MakeFsOnDisk(), os.Args[1])
	if err != nil {
		fail(err)
	}
	out, err := resources.AsYaml()
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
