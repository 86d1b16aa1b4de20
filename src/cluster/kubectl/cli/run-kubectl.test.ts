import { beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster.ts';
import { runKubectl } from './run-kubectl.ts';
import type { KubectlContext } from './kubectl-context.ts';

const APP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
  color: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const lines = (...l: string[]) => l.join('\n') + '\n';

let cluster: Cluster;
let ctx: KubectlContext;
const k = (line: string) => runKubectl(ctx, line);

beforeAll(() => {
  cluster = new Cluster({ seed: 1 });
  cluster.advance(60_000);
  ctx = { api: cluster.api, sandbox: cluster };
});

describe('runKubectl against a booted cluster (what real kubectl prints, per kubectl-conformance.test.ts)', () => {
  it('get nodes: header and 3-space columns', () => {
    expect(k('kubectl get nodes')).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: lines(
        'NAME            STATUS   ROLES           AGE   VERSION',
        'control-plane   Ready    control-plane   60s   v1.32.0',
        'worker-1        Ready    <none>          60s   v1.32.0',
        'worker-2        Ready    <none>          60s   v1.32.0',
        'worker-3        Ready    <none>          60s   v1.32.0',
      ),
    });
  });

  it('get ns', () => {
    expect(k('get ns').stdout).toBe(lines('NAME              STATUS   AGE', 'default           Active   60s', 'kube-node-lease   Active   60s', 'kube-public       Active   60s', 'kube-system       Active   60s'));
  });

  it('apply -f - with the manifest pasted after the command', () => {
    expect(k(`kubectl apply -f -\n${APP}`)).toEqual({ exitCode: 0, stderr: '', stdout: lines('configmap/web-config created', 'deployment.apps/web created', 'service/web created') });
    expect(k(`apply -f -\n${APP}`).stdout).toBe(lines('configmap/web-config unchanged', 'deployment.apps/web unchanged', 'service/web unchanged'));
    cluster.advance(60_000);
  });

  it('get pods prints kubectl exact header and layout', () => {
    const r = k('get pods -l app=web');
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('NAME                   READY   STATUS    RESTARTS   AGE');
    expect(out).toHaveLength(4);
    for (const l of out.slice(1, 3)) expect(l).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}60s$/);
  });

  it.each([
    ['get configmap web-config -o wide', lines('NAME         DATA   AGE', 'web-config   2      60s')],
    ['get cm,deploy,svc -o name', lines('configmap/web-config', 'deployment.apps/web', 'service/kubernetes', 'service/web')],
    ["get svc web -o jsonpath='{.spec.ports[0].port}'", '80'],
    ['get deploy -l app=web -o name', lines('deployment.apps/web')],
    ['get deployment web -o jsonpath={.spec.replicas}', '2'],
  ])('%s', (line, stdout) => {
    const r = k(line);
    expect(r.stdout).toBe(stdout);
    expect(r.exitCode).toBe(0);
  });

  it('get -A adds a NAMESPACE column; --show-labels a LABELS column', () => {
    const all = k('get svc -A').stdout;
    expect(all.split('\n')[0]).toMatch(/^NAMESPACE {5}NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
    expect(all).toMatch(/^default {7}kubernetes {3}ClusterIP {3}10\.96\.0\.1\s+<none>\s+443\/TCP\s+\S+$/m);
    expect(k('label cm web-config tier=frontend').stdout).toBe(lines('configmap/web-config labeled'));
    expect(k('get cm web-config --show-labels').stdout).toBe(lines('NAME         DATA   AGE   LABELS', 'web-config   2      60s   tier=frontend'));
  });

  it('get -o yaml and -o json', () => {
    const y = k('get cm web-config -o yaml').stdout;
    expect(y).toMatch(/^ {2}creationTimestamp: "20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/m);
    expect(y).toMatch(/^kind: ConfigMap$/m);
    const j = JSON.parse(k('get svc web -o json').stdout) as { spec: { ports: unknown[] } };
    expect(j.spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(k('get svc web -o json').stdout).toMatch(/^ {4}"apiVersion": "v1",$/m);
  });

  it.each([
    ['get pod x', 'Error from server (NotFound): pods "x" not found'],
    ['get foo', `error: the server doesn't have a resource type "foo"`],
    ['describe deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found'],
    ['label configmap web-config tier=backend', "error: 'tier' already has a value (frontend), and --overwrite is false"],
    ['frobnicate', 'error: unknown command "frobnicate" for "kubectl"'],
    ['top pods', 'error: Metrics API not available'],
    ['scale deploy web', 'error: required flag(s) "replicas" not set'],
    ['logs nope', 'Error from server (NotFound): pods "nope" not found'],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(k(line)).toEqual({ exitCode: 1, stdout: '', stderr: stderr + '\n' });
  });

  it('No resources found goes to stderr with exit 0', () => {
    expect(k('get deploy -l app=nope')).toEqual({ exitCode: 0, stdout: '', stderr: lines('No resources found in default namespace.') });
  });

  it('describe configmap, line for line', () => {
    expect(k('describe configmap web-config').stdout).toBe(
      lines('Name:         web-config', 'Namespace:    default', 'Labels:       tier=frontend', 'Annotations:  <none>', '', 'Data', '====', 'color:', '----', 'blue', '', 'greeting:', '----', 'hello', '', '', 'BinaryData', '====', '', 'Events:  <none>'),
    );
  });

  it('describe deployment shows replicas and the ScalingReplicaSet event', () => {
    const d = k('describe deploy web').stdout;
    expect(d).toMatch(/^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$/m);
    expect(d).toMatch(/^ {2}Normal {2}ScalingReplicaSet {2}\S+ +deployment-controller {2}Scaled up replica set web-\w+ from 0 to 2$/m);
  });

  it('scale, rollout restart, history, status, undo', () => {
    expect(k('scale deployment web --replicas=3').stdout).toBe(lines('deployment.apps/web scaled'));
    expect(k('get deployment web -o jsonpath={.spec.replicas}').stdout).toBe('3');
    expect(k('rollout restart deploy/web').stdout).toBe(lines('deployment.apps/web restarted'));
    cluster.advance(120_000);
    expect(k('rollout status deployment/web').stdout).toBe(lines('deployment "web" successfully rolled out'));
    expect(k('rollout history deployment/web').stdout).toBe(lines('deployment.apps/web', 'REVISION  CHANGE-CAUSE', '1         <none>', '2         <none>', ''));
    expect(k('rollout undo deployment/web').stdout).toBe(lines('deployment.apps/web rolled back'));
  });

  it('cordon, uncordon, taint', () => {
    expect(k('cordon worker-2').stdout).toBe(lines('node/worker-2 cordoned'));
    expect(k('cordon worker-2').stdout).toBe(lines('node/worker-2 already cordoned'));
    expect(k('get node worker-2').stdout).toMatch(/^worker-2 {3}Ready,SchedulingDisabled/m);
    expect(k('uncordon worker-2').stdout).toBe(lines('node/worker-2 uncordoned'));
    expect(k('taint nodes worker-3 dedicated=gpu:NoSchedule').stdout).toBe(lines('node/worker-3 tainted'));
    expect(k('taint nodes worker-3 dedicated:NoSchedule-').stdout).toBe(lines('node/worker-3 untainted'));
  });

  it('annotate, logs, version, api-resources', () => {
    expect(k('annotate cm web-config note=hi').stdout).toBe(lines('configmap/web-config annotated'));
    expect(k('get cm web-config -o jsonpath={.metadata.annotations.note}').stdout).toBe('hi');
    expect(k('logs deployment/web').exitCode).toBe(0);
    expect(k('version').stdout).toMatch(/^Server Version: v1\.32\.0-sandbox$/m);
    const ar = k('api-resources').stdout;
    expect(ar.split('\n')[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(ar).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
  });

  it('delete with each cascade', () => {
    expect(k('delete configmap web-config')).toEqual({ exitCode: 0, stderr: '', stdout: lines('configmap "web-config" deleted') });
    expect(k('delete configmap web-config')).toEqual({ exitCode: 1, stdout: '', stderr: lines('Error from server (NotFound): configmaps "web-config" not found') });
    expect(k('delete svc web --cascade=orphan').stdout).toBe(lines('service "web" deleted'));
    expect(k('delete deployment web --cascade=foreground').stdout).toBe(lines('deployment.apps "web" deleted'));
    expect(k('delete pod x --cascade=sideways').stderr).toBe(lines('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".'));
  });

  it('sandbox verbs kill a node and move time', () => {
    expect(k('sandbox kill node worker-2').stdout).toBe(lines('node/worker-2 powered off'));
    expect(k('sandbox advance 60s').stdout).toBe(lines('clock advanced 60s'));
    expect(k('get node worker-2').stdout).toMatch(/^worker-2 {3}NotReady /m);
    expect(k('sandbox start node worker-2').stdout).toBe(lines('node/worker-2 powered on'));
    expect(k('sandbox kill node nope')).toEqual({ exitCode: 1, stdout: '', stderr: lines('error: node "nope" not found') });
  });
});
