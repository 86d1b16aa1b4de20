/** What `help` prints in the console: the verbs it understands and the sandbox's own. */
export const HELP_TEXT = `kubectl in the page: type a command (the word "kubectl" or "k" is optional).

  get TYPE[,TYPE] [NAME] [-n NS | -A] [-l SELECTOR] [-o wide|name|json|yaml|jsonpath=TEMPLATE] [--show-labels]
  describe TYPE [NAME]            pods, nodes, deployments, services, configmaps (with Events)
  apply -f -  /  create -f -      paste the manifest on the lines after the command (Shift+Enter),
                                  or leave it out to use the Editor's text
  delete TYPE NAME | -l SEL       [--cascade=background|foreground|orphan] [--grace-period=N]
  scale TYPE NAME --replicas=N
  rollout status|history|undo|restart|pause|resume deployment/NAME
  label | annotate TYPE NAME k=v [k-] [--overwrite]
  cordon | uncordon NODE          taint nodes NODE key=value:Effect [key-]
  logs POD [-c CONTAINER]         top (no metrics server)     explain TYPE
  version   api-resources   cluster-info

Sandbox:
  sandbox kill node NAME          power a node off (NotReady after 50s, pods evicted after 300s)
  sandbox start node NAME         power it back on
  sandbox advance 5m              run virtual time forward

Keys: Enter runs, Shift+Enter adds a line, Up/Down walk history, Tab completes, Ctrl+L clears.
Not here yet: get -w live updates, drain, expose, run, set image, edit, exec, port-forward.`;
