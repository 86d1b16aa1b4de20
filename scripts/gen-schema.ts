// Generates src/cluster/api/schema/definitions.json and descriptions.json: a compact schema of the
// Kubernetes kinds the sandbox serves, read from the `.d.ts` files of the installed kubernetes-models
// package with the TypeScript compiler API.
//
//   ./node_modules/.bin/tsx scripts/gen-schema.ts
//
// Why not read an OpenAPI document: none ships with the app, and kubernetes-models already carries
// the structure, the required flags and the descriptions. What the `.d.ts` files lose is the number
// format (int32 / int64 / double) and base64 `[]byte` strings; those come from the package's compiled
// validators (`_schemas/*.mjs`), which name the format each property is checked against. Go named
// types (`v1.ResourceList`, `v1.PullPolicy`) and embedded structs (`ProbeHandler`, `VolumeSource`)
// are not in either; they are listed by hand below because kube-apiserver's decode errors print them.
//
// Output is deterministic: definitions and fields are sorted, nothing depends on time or file order.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = join(ROOT, 'node_modules', 'kubernetes-models');
const APIMACHINERY = join(ROOT, 'node_modules', '@kubernetes-models', 'apimachinery');
const OUT_DIR = join(ROOT, 'src', 'cluster', 'api', 'schema');

/** The kinds we serve: apiVersion, kind, and the .d.ts that declares them (relative to a package). */
const KINDS: ReadonlyArray<readonly [apiVersion: string, kind: string, file: string]> = [
  ...['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'ServiceAccount', 'Event',
    'ReplicationController', 'PersistentVolume', 'PersistentVolumeClaim', 'LimitRange', 'ResourceQuota', 'Binding',
  ].map((k) => ['v1', k, `${MODELS}/v1/${k}.d.ts`] as const),
  ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'].map(
    (k) => ['apps/v1', k, `${MODELS}/apps/v1/${k}.d.ts`] as const,
  ),
  ['batch/v1', 'Job', `${MODELS}/batch/v1/Job.d.ts`],
  ['batch/v1', 'CronJob', `${MODELS}/batch/v1/CronJob.d.ts`],
  ['coordination.k8s.io/v1', 'Lease', `${MODELS}/coordination.k8s.io/v1/Lease.d.ts`],
  ['scheduling.k8s.io/v1', 'PriorityClass', `${MODELS}/scheduling.k8s.io/v1/PriorityClass.d.ts`],
  ['storage.k8s.io/v1', 'StorageClass', `${MODELS}/storage.k8s.io/v1/StorageClass.d.ts`],
  ['discovery.k8s.io/v1', 'EndpointSlice', `${MODELS}/discovery.k8s.io/v1/EndpointSlice.d.ts`],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', `${MODELS}/autoscaling/v2/HorizontalPodAutoscaler.d.ts`],
  ['autoscaling/v1', 'HorizontalPodAutoscaler', `${MODELS}/autoscaling/v1/HorizontalPodAutoscaler.d.ts`],
  ['autoscaling/v1', 'Scale', `${MODELS}/autoscaling/v1/Scale.d.ts`],
  ['policy/v1', 'PodDisruptionBudget', `${MODELS}/policy/v1/PodDisruptionBudget.d.ts`],
  ['policy/v1', 'Eviction', `${MODELS}/policy/v1/Eviction.d.ts`],
  ...['Ingress', 'IngressClass', 'NetworkPolicy'].map(
    (k) => ['networking.k8s.io/v1', k, `${MODELS}/networking.k8s.io/v1/${k}.d.ts`] as const,
  ),
  ...['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].map(
    (k) => ['rbac.authorization.k8s.io/v1', k, `${MODELS}/rbac.authorization.k8s.io/v1/${k}.d.ts`] as const,
  ),
  ['events.k8s.io/v1', 'Event', `${MODELS}/events.k8s.io/v1/Event.d.ts`],
  ['v1', 'DeleteOptions', `${APIMACHINERY}/apis/meta/v1/DeleteOptions.d.ts`],
  ['v1', 'Status', `${APIMACHINERY}/apis/meta/v1/Status.d.ts`],
];

/**
 * Go named types of fields, as reflect prints them in `json: cannot unmarshal ... of type X`.
 * Keys are `<definition>.<field>`; every key must name a real field (checked below).
 */
const GO_TYPES: Record<string, string> = {
  'core.v1.Container.imagePullPolicy': 'v1.PullPolicy',
  'core.v1.Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core.v1.Container.restartPolicy': 'v1.ContainerRestartPolicy',
  'core.v1.EphemeralContainer.imagePullPolicy': 'v1.PullPolicy',
  'core.v1.EphemeralContainer.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core.v1.EphemeralContainer.restartPolicy': 'v1.ContainerRestartPolicy',
  'core.v1.ContainerPort.protocol': 'v1.Protocol',
  'core.v1.ServicePort.protocol': 'v1.Protocol',
  'core.v1.EndpointPort.protocol': 'v1.Protocol',
  'core.v1.ResourceRequirements.limits': 'v1.ResourceList',
  'core.v1.ResourceRequirements.requests': 'v1.ResourceList',
  'core.v1.VolumeResourceRequirements.limits': 'v1.ResourceList',
  'core.v1.VolumeResourceRequirements.requests': 'v1.ResourceList',
  'core.v1.PodSpec.restartPolicy': 'v1.RestartPolicy',
  'core.v1.PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'core.v1.PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'core.v1.PodSpec.overhead': 'v1.ResourceList',
  'core.v1.PodStatus.phase': 'v1.PodPhase',
  'core.v1.PodStatus.qosClass': 'v1.PodQOSClass',
  'core.v1.PodCondition.type': 'v1.PodConditionType',
  'core.v1.PodCondition.status': 'v1.ConditionStatus',
  'core.v1.Toleration.operator': 'v1.TolerationOperator',
  'core.v1.Toleration.effect': 'v1.TaintEffect',
  'core.v1.Taint.effect': 'v1.TaintEffect',
  'core.v1.NodeSelectorRequirement.operator': 'v1.NodeSelectorOperator',
  'core.v1.NodeCondition.type': 'v1.NodeConditionType',
  'core.v1.NodeCondition.status': 'v1.ConditionStatus',
  'core.v1.NodeStatus.capacity': 'v1.ResourceList',
  'core.v1.NodeStatus.allocatable': 'v1.ResourceList',
  'core.v1.NodeStatus.phase': 'v1.NodePhase',
  'core.v1.ServiceSpec.type': 'v1.ServiceType',
  'core.v1.ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'core.v1.ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'core.v1.ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'core.v1.ServiceSpec.ipFamilies': '[]v1.IPFamily',
  'core.v1.ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'core.v1.PersistentVolumeClaimSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core.v1.PersistentVolumeClaimSpec.volumeMode': 'v1.PersistentVolumeMode',
  'core.v1.PersistentVolumeClaimStatus.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core.v1.PersistentVolumeClaimStatus.capacity': 'v1.ResourceList',
  'core.v1.PersistentVolumeClaimStatus.allocatedResources': 'v1.ResourceList',
  'core.v1.PersistentVolumeClaimStatus.phase': 'v1.PersistentVolumeClaimPhase',
  'core.v1.PersistentVolumeSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core.v1.PersistentVolumeSpec.capacity': 'v1.ResourceList',
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'core.v1.PersistentVolumeSpec.volumeMode': 'v1.PersistentVolumeMode',
  'core.v1.PersistentVolumeStatus.phase': 'v1.PersistentVolumePhase',
  'core.v1.Secret.type': 'v1.SecretType',
  'core.v1.LimitRangeItem.type': 'v1.LimitType',
  'core.v1.LimitRangeItem.max': 'v1.ResourceList',
  'core.v1.LimitRangeItem.min': 'v1.ResourceList',
  'core.v1.LimitRangeItem.default': 'v1.ResourceList',
  'core.v1.LimitRangeItem.defaultRequest': 'v1.ResourceList',
  'core.v1.LimitRangeItem.maxLimitRequestRatio': 'v1.ResourceList',
  'core.v1.ResourceQuotaSpec.hard': 'v1.ResourceList',
  'core.v1.ResourceQuotaSpec.scopes': '[]v1.ResourceQuotaScope',
  'core.v1.ResourceQuotaStatus.hard': 'v1.ResourceList',
  'core.v1.ResourceQuotaStatus.used': 'v1.ResourceList',
  'core.v1.HostPathVolumeSource.type': 'v1.HostPathType',
  'core.v1.EmptyDirVolumeSource.medium': 'v1.StorageMedium',
  'core.v1.Capabilities.add': '[]v1.Capability',
  'core.v1.Capabilities.drop': '[]v1.Capability',
  'core.v1.SeccompProfile.type': 'v1.SeccompProfileType',
  'core.v1.AppArmorProfile.type': 'v1.AppArmorProfileType',
  'core.v1.SecurityContext.procMount': 'v1.ProcMountType',
  'core.v1.NamespaceSpec.finalizers': '[]v1.FinalizerName',
  'core.v1.NamespaceStatus.phase': 'v1.NamespacePhase',
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': 'v1.UnsatisfiableConstraintAction',
  'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': 'v1.NodeInclusionPolicy',
  'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': 'v1.NodeInclusionPolicy',
  'core.v1.PodOS.name': 'v1.OSName',
  'core.v1.ObjectReference.uid': 'types.UID',
  'core.v1.ReplicationControllerCondition.type': 'v1.ReplicationControllerConditionType',
  'core.v1.ReplicationControllerCondition.status': 'v1.ConditionStatus',
  'meta.v1.ObjectMeta.uid': 'types.UID',
  'meta.v1.OwnerReference.uid': 'types.UID',
  'meta.v1.Preconditions.uid': 'types.UID',
  'meta.v1.StatusDetails.uid': 'types.UID',
  'meta.v1.LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'meta.v1.Status.reason': 'v1.StatusReason',
  'meta.v1.StatusCause.reason': 'v1.CauseType',
  'meta.v1.DeleteOptions.propagationPolicy': 'v1.DeletionPropagation',
  'meta.v1.Condition.status': 'v1.ConditionStatus',
  'meta.v1.ManagedFieldsEntry.operation': 'v1.ManagedFieldsOperationType',
  'apps.v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'apps.v1.DeploymentCondition.type': 'v1.DeploymentConditionType',
  'apps.v1.DeploymentCondition.status': 'v1.ConditionStatus',
  'apps.v1.ReplicaSetCondition.type': 'v1.ReplicaSetConditionType',
  'apps.v1.ReplicaSetCondition.status': 'v1.ConditionStatus',
  'apps.v1.StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'apps.v1.StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': 'v1.PersistentVolumeClaimRetentionPolicyType',
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': 'v1.PersistentVolumeClaimRetentionPolicyType',
  'apps.v1.DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'batch.v1.CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
  'batch.v1.JobSpec.completionMode': 'v1.CompletionMode',
  'batch.v1.JobSpec.podReplacementPolicy': 'v1.PodReplacementPolicy',
  'batch.v1.JobCondition.type': 'v1.JobConditionType',
  'batch.v1.JobCondition.status': 'v1.ConditionStatus',
  'networking.v1.HTTPIngressPath.pathType': 'v1.PathType',
  'networking.v1.NetworkPolicySpec.policyTypes': '[]v1.PolicyType',
  'networking.v1.NetworkPolicyPort.protocol': 'v1.Protocol',
  'discovery.v1.EndpointSlice.addressType': 'v1.AddressType',
  'discovery.v1.EndpointPort.protocol': 'v1.Protocol',
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': 'v1.UnhealthyPodEvictionPolicyType',
  'storage.v1.StorageClass.reclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'storage.v1.StorageClass.volumeBindingMode': 'v1.VolumeBindingMode',
  'scheduling.v1.PriorityClass.preemptionPolicy': 'v1.PreemptionPolicy',
  'autoscaling.v2.MetricSpec.type': 'v2.MetricSourceType',
  'autoscaling.v2.MetricStatus.type': 'v2.MetricSourceType',
  'autoscaling.v2.MetricTarget.type': 'v2.MetricTargetType',
  'autoscaling.v2.HPAScalingRules.selectPolicy': 'v2.ScalingPolicySelect',
  'autoscaling.v2.HPAScalingPolicy.type': 'v2.HPAScalingPolicyType',
  'autoscaling.v2.HorizontalPodAutoscalerCondition.type': 'v2.HorizontalPodAutoscalerConditionType',
  'autoscaling.v2.HorizontalPodAutoscalerCondition.status': 'v1.ConditionStatus',
};

/**
 * Embedded (`json:",inline"`) Go structs whose fields the OpenAPI flattens into the outer type. The Go
 * field name shows up in type-error paths (`Probe.spec.containers.livenessProbe.ProbeHandler.httpGet`).
 * `fields` lists the embedded fields, or `except` the outer type's own fields (everything else is embedded).
 */
const INLINE: Record<string, { go: string; fields?: string[]; except?: string[] }> = {
  'core.v1.Probe': { go: 'ProbeHandler', fields: ['exec', 'httpGet', 'tcpSocket', 'grpc'] },
  'core.v1.Volume': { go: 'VolumeSource', except: ['name'] },
  'core.v1.EphemeralContainer': { go: 'EphemeralContainerCommon', except: ['targetContainerName'] },
  'core.v1.PersistentVolumeSpec': {
    go: 'PersistentVolumeSource',
    except: ['accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy',
      'storageClassName', 'volumeMode', 'volumeAttributesClassName'],
  },
  'networking.v1.IngressRule': { go: 'IngressRuleValue', fields: ['http'] },
};

/**
 * Properties whose `.d.ts` type is an inline object literal although Go uses a named struct: the OpenAPI
 * document inlines `[]v1.PersistentVolumeClaim` there. They point at the named definition instead.
 */
const ANONYMOUS: Record<string, string> = {
  'apps.v1.StatefulSetSpec.volumeClaimTemplates': 'core.v1.PersistentVolumeClaim',
};

// ---------------------------------------------------------------------------------------------------------

type FieldOut = { t: string; r?: 1; go?: string; in?: string; e?: string[] };
type DefOut = { f: Record<string, FieldOut> };

const program = ts.createProgram(
  KINDS.map(([, , file]) => file),
  { noEmit: true, skipLibCheck: true, moduleResolution: ts.ModuleResolutionKind.Node10, target: ts.ScriptTarget.ES2022 },
);
const checker = program.getTypeChecker();

const defs = new Map<string, DefOut>();
const descriptions = new Map<string, Record<string, string>>();
const warnings: string[] = [];

/** Definition key from the file declaring it: `apps.v1.DeploymentSpec`, `core.v1.Pod`, `meta.v1.ObjectMeta`. */
function defKeyOf(fileName: string): string {
  const models = relative(MODELS, fileName);
  const parts = (models.startsWith('..') ? relative(APIMACHINERY, fileName) : models).split(sep);
  const name = parts.pop()!.replace(/\.d\.ts$/, '');
  const version = parts.pop()!;
  let group = parts.join('.') || 'core';
  if (!models.startsWith('..')) group = group.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '');
  else group = parts[parts.length - 1] ?? group; // apis/meta/v1 -> meta
  return `${group}.${version}.${name}`;
}

/** First sentence of a TSDoc comment, for one-line `kubectl explain` summaries. */
function firstSentence(text: string): string {
  // Only the first paragraph, and never the generated enum list or the trailing "More info" link.
  const paragraph = text.split(/\n\s*\n/)[0] ?? '';
  const flat = paragraph.replace(/\s+/g, ' ').replace(/ ?(Possible enum values:|More info:).*$/, '').replace(/\\\*/g, '*').trim();
  const re = /\.(\s|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(flat))) {
    const before = flat.slice(0, m.index);
    if (/\b(e\.g|i\.e|etc|vs|Ex|ex)$/.test(before)) continue;
    return flat.slice(0, m.index + 1);
  }
  return flat;
}

function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const comment = docs[docs.length - 1]?.comment;
  const text = typeof comment === 'string' ? comment : (comment ?? []).map((c) => c.text).join('');
  return firstSentence(text);
}

// Number formats and base64 strings, from the package's compiled validators. -------------------------------

const formatCache = new Map<string, Map<string, string>>();

/** property -> format (int32, int64, double, byte, ...) for one definition's compiled validator. */
function formatsOf(schemaFile: string): Map<string, string> {
  const cached = formatCache.get(schemaFile);
  if (cached) return cached;
  const result = new Map<string, string>();
  formatCache.set(schemaFile, result);
  if (!existsSync(schemaFile)) {
    warnings.push(`no validator ${schemaFile}`);
    return result;
  }
  const sf = ts.createSourceFile(schemaFile, readFileSync(schemaFile, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const formatVars = new Map<string, string>();
  const fnBodies = new Map<string, ts.Node>();
  let main: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const init = node.initializer;
      if (ts.isPropertyAccessExpression(init) && init.expression.getText() === 'formats') formatVars.set(node.name.text, init.name.text);
      if (ts.isElementAccessExpression(init) && init.expression.getText() === 'formats' && ts.isStringLiteral(init.argumentExpression)) {
        formatVars.set(node.name.text, init.argumentExpression.text);
      }
      if (node.name.text === 'validate' && ts.isFunctionExpression(init)) main = init;
    }
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name && node.body) fnBodies.set(node.name.text, node.body);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const reachable = (fn: string, seen: Set<string>): string | undefined => {
    if (seen.has(fn)) return undefined;
    seen.add(fn);
    const body = fnBodies.get(fn);
    if (!body) return undefined;
    let found: string | undefined;
    const walk = (n: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n)) {
        const f = formatVars.get(n.text);
        if (f) found = f;
        else if (/^validate\d+$/.test(n.text) && n.text !== fn) found = reachable(n.text, seen);
      }
      ts.forEachChild(n, walk);
    };
    walk(body);
    return found;
  };
  if (!main) return result;
  const walkMain = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && /^validate\d+$/.test(n.expression.text)) {
      const opts = n.arguments[1];
      if (opts && ts.isObjectLiteralExpression(opts)) {
        for (const p of opts.properties) {
          if (ts.isPropertyAssignment(p) && p.name.getText() === 'parentDataProperty' && ts.isStringLiteral(p.initializer)) {
            const format = reachable(n.expression.text, new Set());
            if (format) result.set(p.initializer.text, format);
          }
        }
      }
    }
    ts.forEachChild(n, walkMain);
  };
  walkMain(main);
  return result;
}

function schemaFileOf(decl: ts.InterfaceDeclaration): string {
  // The package exports every interface a second time under its OpenAPI name (IIoK8sApiAppsV1DeploymentSpec);
  // the compiled validator is named after it.
  const sf = decl.getSourceFile();
  for (const st of sf.statements) {
    if (!ts.isExportDeclaration(st) || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
    for (const el of st.exportClause.elements) {
      if (el.propertyName?.getText() === decl.name.text && el.name.text.startsWith('II')) {
        const pkg = sf.fileName.startsWith(MODELS) ? MODELS : APIMACHINERY;
        return join(pkg, '_schemas', `${el.name.text.slice(1)}.mjs`);
      }
    }
  }
  return '';
}

// Walking the declarations. ---------------------------------------------------------------------------------

const SPECIAL: Record<string, string> = {
  'resource.Quantity': 'Quantity',
  'intstr.IntOrString': 'IntOrString',
  'meta.v1.Time': 'Time',
  'meta.v1.MicroTime': 'MicroTime',
  'meta.v1.FieldsV1': 'any',
  'runtime.RawExtension': 'any',
};

function specialKey(fileName: string): string | undefined {
  const rel = relative(APIMACHINERY, fileName).split(sep).join('/');
  if (rel === 'api/resource/Quantity.d.ts') return 'Quantity';
  if (rel === 'util/intstr/IntOrString.d.ts') return 'IntOrString';
  if (rel === 'runtime/RawExtension.d.ts') return 'any';
  if (rel.startsWith('apis/meta/v1/')) return SPECIAL[`meta.v1.${rel.slice('apis/meta/v1/'.length, -'.d.ts'.length)}`];
  return undefined;
}

function stringEnum(type: ts.Type): string[] | undefined {
  const members = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const m of members) {
    if (!m.isStringLiteral()) return undefined;
    values.push(m.value);
  }
  return values.sort();
}

/** Encodes a property type: primitives by name, `[]X` arrays, `{}X` string maps, definitions by key. */
function typeOf(node: ts.TypeNode, owner: string, field: string): { t: string; e?: string[] } {
  if (node.kind === ts.SyntaxKind.StringKeyword) return { t: 'string' };
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { t: 'boolean' };
  if (node.kind === ts.SyntaxKind.NumberKeyword) return { t: 'number' }; // refined by the caller from formats
  if (ts.isArrayTypeNode(node)) return { t: `[]${typeOf(node.elementType, owner, field).t}` };
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index && node.members.length === 1) return { t: `{}${typeOf(index.type, owner, field).t}` };
    const named = ANONYMOUS[`${owner}.${field}`];
    if (named) return { t: named };
    warnings.push(`${owner}.${field}: inline object type treated as any`);
    return { t: 'any' };
  }
  if (ts.isLiteralTypeNode(node) || ts.isUnionTypeNode(node) || ts.isIndexedAccessTypeNode(node)) {
    const e = stringEnum(checker.getTypeFromTypeNode(node));
    if (e) return e.length > 1 ? { t: 'string', e } : { t: 'string' };
    warnings.push(`${owner}.${field}: ${node.getText()} treated as any`);
    return { t: 'any' };
  }
  if (ts.isTypeReferenceNode(node)) {
    if (node.typeName.getText() === 'Array' && node.typeArguments?.[0]) {
      return { t: `[]${typeOf(node.typeArguments[0], owner, field).t}` };
    }
    let sym = checker.getSymbolAtLocation(node.typeName);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.[0];
    if (decl) {
      const special = specialKey(decl.getSourceFile().fileName);
      if (special) return { t: special };
      if (ts.isInterfaceDeclaration(decl)) return { t: visitInterface(decl) };
      if (ts.isTypeAliasDeclaration(decl)) return typeOf(decl.type, owner, field);
    }
  }
  warnings.push(`${owner}.${field}: unhandled type ${node.getText()} treated as any`);
  return { t: 'any' };
}

function refineNumber(t: string, format: string | undefined, where: string): string {
  if (!t.endsWith('number')) {
    if (format === 'byte' && t.endsWith('string')) return `${t.slice(0, -'string'.length)}bytes`;
    return t;
  }
  const prefix = t.slice(0, -'number'.length);
  if (format === 'int32' || format === 'int64') return prefix + format;
  if (format === 'double' || format === 'float') return `${prefix}number`;
  warnings.push(`${where}: number without format, taken as int64`);
  return `${prefix}int64`;
}

/** Adds an interface (and everything it reaches) to `defs`; returns its key. */
function visitInterface(decl: ts.InterfaceDeclaration): string {
  const key = defKeyOf(decl.getSourceFile().fileName);
  if (defs.has(key)) return key;
  const def: DefOut = { f: {} };
  defs.set(key, def);
  const desc: Record<string, string> = { '': docOf(decl) };
  descriptions.set(key, desc);
  const formats = formatsOf(schemaFileOf(decl));
  const inline = INLINE[key];
  const type = checker.getTypeAtLocation(decl);
  const props = checker.getPropertiesOfType(type).slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const prop of props) {
    const pd = prop.declarations?.[0];
    if (!pd || !ts.isPropertySignature(pd) || !pd.type) {
      warnings.push(`${key}.${prop.name}: no property signature`);
      continue;
    }
    const { t, e } = typeOf(pd.type, key, prop.name);
    const out: FieldOut = { t: refineNumber(t, formats.get(prop.name), `${key}.${prop.name}`) };
    if (!pd.questionToken) out.r = 1;
    const go = GO_TYPES[`${key}.${prop.name}`];
    if (go) out.go = go;
    if (inline && (inline.fields ? inline.fields.includes(prop.name) : !inline.except!.includes(prop.name))) out.in = inline.go;
    if (e) out.e = e;
    def.f[prop.name] = out;
    const d = docOf(pd);
    if (d) desc[prop.name] = d;
  }
  return key;
}

const kinds: Record<string, string> = {};
for (const [apiVersion, kind, file] of KINDS) {
  const sf = program.getSourceFile(file);
  if (!sf) throw new Error(`cannot read ${file}`);
  const decl = sf.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`,
  );
  if (!decl) throw new Error(`no interface I${kind} in ${file}`);
  const key = visitInterface(decl);
  kinds[`${apiVersion}/${kind}`] = key;
  // Every served kind embeds metav1.TypeMeta; its fields print as `Deployment.TypeMeta.kind` in type errors.
  const def = defs.get(key)!;
  for (const f of ['apiVersion', 'kind']) if (def.f[f]) def.f[f].in = 'TypeMeta';
}

for (const k of Object.keys(GO_TYPES)) {
  const dot = k.lastIndexOf('.');
  if (!defs.get(k.slice(0, dot))?.f[k.slice(dot + 1)]) throw new Error(`GO_TYPES names a field that does not exist: ${k}`);
}
for (const k of Object.values(ANONYMOUS)) if (!defs.has(k)) throw new Error(`ANONYMOUS names a definition that does not exist: ${k}`);
for (const k of Object.keys(INLINE)) if (!defs.has(k)) throw new Error(`INLINE names a definition that does not exist: ${k}`);

const sortedKeys = [...defs.keys()].sort();
const REGENERATE = 'Generated by scripts/gen-schema.ts from kubernetes-models 4.5.1 (.d.ts + _schemas). Do not edit. Regenerate: ./node_modules/.bin/tsx scripts/gen-schema.ts';
const definitions = {
  $generated: REGENERATE,
  kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1))),
  defs: Object.fromEntries(sortedKeys.map((k) => [k, defs.get(k)!])),
};
const descriptionsOut = {
  $generated: REGENERATE,
  defs: Object.fromEntries(sortedKeys.map((k) => [k, descriptions.get(k)!])),
};

mkdirSync(OUT_DIR, { recursive: true });
/** One definition per line, so a regenerated file diffs readably. */
function render(doc: { $generated: string; kinds?: Record<string, string>; defs: Record<string, unknown> }): string {
  const head = [`"$generated":${JSON.stringify(doc.$generated)}`];
  if (doc.kinds) head.push(`"kinds":${JSON.stringify(doc.kinds)}`);
  const defLines = Object.entries(doc.defs).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{\n${head.join(',\n')},\n"defs":{\n${defLines.join(',\n')}\n}}\n`;
}
const files: Array<[string, string]> = [
  ['definitions.json', render(definitions)],
  ['descriptions.json', render(descriptionsOut)],
];
for (const [name, text] of files) {
  writeFileSync(join(OUT_DIR, name), text);
  const gz = gzipSync(Buffer.from(text), { level: 9 }).length;
  console.log(`${name}: ${(text.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`${sortedKeys.length} definitions, ${Object.keys(kinds).length} kinds`);
for (const w of warnings) console.warn(`warning: ${w}`);
