/**
 * PodInfo: a pod with everything the plugins need pre-computed once (framework.PodInfo): its resource
 * requests, host ports, images, parsed affinity terms, priority. Built when a pod enters the queue or the
 * cache, then shared by every cycle and every NodeInfo that holds it. Never mutates the pod.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodAffinityTerm } from 'kubernetes-models/v1/PodAffinityTerm';
import type { IWeightedPodAffinityTerm } from 'kubernetes-models/v1/WeightedPodAffinityTerm';
import { compileLabelSelector, MATCH_NOTHING, type LabelMatcher, type Labels } from './label-matcher.ts';
import { computePodResourceRequests, type PodResourceRequests } from './pod-requests.ts';
import { parseTime } from '../../sim/clock.ts';

/** A processed PodAffinityTerm (fwk.AffinityTerm). */
export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  readonly selector: LabelMatcher;
  readonly topologyKey: string;
  /** MATCH_NOTHING when the term has no namespaceSelector. */
  readonly namespaceSelector: LabelMatcher;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

export class PodInfo {
  readonly pod: IPod;
  readonly uid: string;
  readonly name: string;
  readonly namespace: string;
  /** `namespace/name`. */
  readonly key: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly priority: number;
  readonly resources: PodResourceRequests;
  readonly hostPorts: readonly HostPort[];
  /** Normalized image names of init and regular containers (`name:latest` when untagged). */
  readonly images: readonly string[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** status.startTime in epoch ms, when the pod has started. */
  readonly startTime: number | undefined;
  readonly terminating: boolean;

  constructor(pod: IPod) {
    this.pod = pod;
    const meta = pod.metadata ?? {};
    this.name = meta.name ?? '';
    this.namespace = meta.namespace ?? 'default';
    this.uid = meta.uid ?? `${this.namespace}/${this.name}`;
    this.key = `${this.namespace}/${this.name}`;
    this.labels = meta.labels ?? {};
    this.priority = pod.spec?.priority ?? 0;
    this.resources = computePodResourceRequests(pod);
    this.hostPorts = hostPortsOf(pod);
    this.images = imagesOf(pod);
    const affinity = pod.spec?.affinity;
    this.requiredAffinityTerms = terms(this, affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinityTerms = terms(this, affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.preferredAffinityTerms = weightedTerms(this, affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    this.preferredAntiAffinityTerms = weightedTerms(this, affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
    const start = pod.status?.startTime;
    this.startTime = start ? parseTime(start) : undefined;
    this.terminating = meta.deletionTimestamp !== undefined;
  }

  /** Any pod (anti-)affinity at all: such pods are indexed per node for InterPodAffinity. */
  get hasAffinity(): boolean {
    return (
      this.requiredAffinityTerms.length > 0 ||
      this.requiredAntiAffinityTerms.length > 0 ||
      this.preferredAffinityTerms.length > 0 ||
      this.preferredAntiAffinityTerms.length > 0
    );
  }

  get hasRequiredAntiAffinity(): boolean {
    return this.requiredAntiAffinityTerms.length > 0;
  }
}

/**
 * Whether `pod` is selected by `term` (AffinityTerm.Matches): its namespace is listed, or its
 * namespace's labels match the namespaceSelector; and its labels match the selector.
 */
export function termMatches(term: AffinityTerm, pod: PodInfo, nsLabels: (ns: string) => Labels): boolean {
  if (term.namespaces.has(pod.namespace) || (!term.namespaceSelector.nothing && term.namespaceSelector.matches(nsLabels(pod.namespace)))) {
    return term.selector.matches(pod.labels);
  }
  return false;
}

function processTerm(owner: PodInfo, t: IPodAffinityTerm): AffinityTerm {
  // No namespaces and no namespaceSelector means "the pod's own namespace".
  const namespaces = new Set<string>(
    (t.namespaces?.length ?? 0) === 0 && t.namespaceSelector === undefined ? [owner.namespace] : (t.namespaces ?? []),
  );
  return {
    namespaces,
    selector: compileLabelSelector(t.labelSelector),
    topologyKey: t.topologyKey,
    namespaceSelector: t.namespaceSelector === undefined ? MATCH_NOTHING : compileLabelSelector(t.namespaceSelector),
  };
}

function terms(owner: PodInfo, list: readonly IPodAffinityTerm[] | undefined): AffinityTerm[] {
  return list ? list.map((t) => processTerm(owner, t)) : [];
}

function weightedTerms(owner: PodInfo, list: readonly IWeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return list ? list.map((w) => ({ ...processTerm(owner, w.podAffinityTerm), weight: w.weight })) : [];
}

function hostPortsOf(pod: IPod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

/** ImageLocality's normalizedImageName: an image without a tag gets `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

function imagesOf(pod: IPod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) if (c.image) out.push(normalizedImageName(c.image));
  for (const c of pod.spec?.containers ?? []) if (c.image) out.push(normalizedImageName(c.image));
  return out;
}

/** The scheduler's key for a pod (its uid, else namespace/name). */
export function podKey(pod: IPod): string {
  return pod.metadata?.uid ?? `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;
}
