/**
 * What the sandbox's container runtime knows about images: how a reference normalises (containerd's
 * `docker.io/library/nginx:1.27`), whether it parses, whether a registry would serve it, how big it is
 * and its digest. Everything is derived from the reference alone, so the same image has the same size
 * and digest on every node and in every run.
 */
import { fakeHex } from './node-config.ts';

export interface ImageRef {
  /** As written in the pod spec. */
  image: string;
  /** Registry host (`docker.io` when none is written). */
  domain: string;
  /** Repository path inside the registry (`library/nginx`). */
  path: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx` */
  repo: string;
  /** `docker.io/library/nginx:1.27` (or `repo@digest`): the name containerd pulls and reports. */
  full: string;
}

/** Parses a reference as containerd normalises it, or returns the reference-format error. */
export function parseImage(image: string): ImageRef | { error: string } {
  const bad = (detail = 'invalid reference format') => ({ error: `couldn't parse image name ${JSON.stringify(image)}: ${detail}` });
  if (!image || image !== image.trim() || /\s/.test(image)) return bad();
  const at = image.indexOf('@');
  const namePart = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  if (digest !== undefined && !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(digest)) return bad();
  const slash = namePart.indexOf('/');
  const first = slash >= 0 ? namePart.slice(0, slash) : '';
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const domain = hasDomain ? first : 'docker.io';
  let remainder = hasDomain ? namePart.slice(slash + 1) : namePart;
  const colon = remainder.lastIndexOf(':');
  let tag = '';
  if (colon >= 0) {
    tag = remainder.slice(colon + 1);
    remainder = remainder.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return bad();
  }
  let path = remainder;
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (path !== path.toLowerCase()) return bad(`invalid reference format: repository name (${path}) must be lowercase`);
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return bad();
  if (!/^[a-zA-Z0-9.-]+(:\d+)?$/.test(domain)) return bad();
  if (!tag && digest === undefined) tag = 'latest';
  const repo = `${domain}/${path}`;
  const full = digest !== undefined && !tag ? `${repo}@${digest}` : `${repo}:${tag}`;
  return { image, domain, path, tag, ...(digest !== undefined ? { digest } : {}), repo, full };
}

/** The image's last path component: `nginx`, `pause`, `hpa-example`. */
export function imageBaseName(ref: ImageRef): string {
  return ref.path.slice(ref.path.lastIndexOf('/') + 1);
}

const MB = 1_000_000;

/** Compressed amd64 sizes of common images (as containerd reports them), by base name. */
const SIZES: Readonly<Record<string, number>> = {
  nginx: 72.1 * MB, busybox: 2.16 * MB, alpine: 3.65 * MB, ubuntu: 29.75 * MB, debian: 48.5 * MB, centos: 71.2 * MB,
  fedora: 62.4 * MB, redis: 45.3 * MB, httpd: 58.2 * MB, mysql: 171 * MB, mariadb: 120 * MB, postgres: 158 * MB,
  mongo: 267 * MB, memcached: 32 * MB, rabbitmq: 98 * MB, traefik: 48 * MB, haproxy: 42 * MB, caddy: 22 * MB,
  wordpress: 250 * MB, grafana: 135 * MB, prometheus: 110 * MB, python: 380 * MB, node: 398 * MB, golang: 290 * MB,
  perl: 340 * MB, ruby: 360 * MB, php: 190 * MB, openjdk: 330 * MB, 'hello-world': 0.0032 * MB, pause: 0.320368 * MB,
  'hpa-example': 181 * MB, 'kube-proxy': 30.9 * MB, coredns: 18.5 * MB, etcd: 57.7 * MB, 'kube-apiserver': 28.3 * MB,
  'kube-controller-manager': 26.2 * MB, 'kube-scheduler': 20.6 * MB, curl: 10.2 * MB, netshoot: 195 * MB,
  agnhost: 57 * MB, registry: 10.1 * MB, jenkins: 280 * MB, elasticsearch: 720 * MB, 'hello-app': 11.5 * MB,
  'kuard-amd64': 10.4 * MB, echoserver: 46 * MB, whoami: 3.4 * MB, podinfo: 12.6 * MB,
};

function hash32(s: string): number {
  return parseInt(fakeHex(s, 8), 16);
}

/** Size in bytes: the table's figure within ±5% per tag (slim and alpine variants smaller), else seeded. */
export function imageSize(ref: ImageRef): number {
  const base = SIZES[imageBaseName(ref)];
  const h = hash32(ref.full);
  if (base === undefined) return 20 * MB + (h % (280 * MB));
  let size = base;
  if (ref.tag.includes('alpine')) size = Math.min(size, 5 * MB + size * 0.12);
  else if (ref.tag.includes('slim')) size = size * 0.2;
  return Math.round(size * (1 + ((h % 1001) - 500) / 10_000));
}

/** `sha256:<64 hex>`: the same for the same reference everywhere. */
export function imageDigest(ref: ImageRef): string {
  return ref.digest ?? `sha256:${fakeHex(`digest:${ref.full}`, 64)}`;
}

/** `docker.io/library/nginx@sha256:...`: what status.containerStatuses[].imageID shows. */
export function imageID(ref: ImageRef): string {
  return `${ref.repo}@${imageDigest(ref)}`;
}

/** Registries the sandbox treats as reachable; any other host resolves unless it is a reserved name. */
const UNRESOLVABLE = /(^|\.)(invalid|test|example|local|localhost|internal)$|^localhost(:\d+)?$|(^|\.)example\.(com|org|net)$/;
const MISSING = /doesnotexist|does-not-exist|nonexistent|non-existent|notexist|invalid-image/;

/**
 * Why a pull of `ref` fails, worded as containerd 1.7 answers through the CRI, or undefined when the
 * registry would serve it: reserved hosts do not resolve, a repository named like `doesnotexist` does
 * not exist, and such a tag is not found.
 */
export function pullError(ref: ImageRef): string | undefined {
  const host = ref.domain.replace(/:\d+$/, '');
  const reference = ref.full;
  if (UNRESOLVABLE.test(host)) {
    const scheme = host === 'localhost' ? 'http' : 'https';
    const manifest = `${scheme}://${ref.domain}/v2/${ref.path}/manifests/${ref.tag || ref.digest}`;
    const tail = host === 'localhost' ? `dial tcp 127.0.0.1:${ref.domain.split(':')[1] ?? '80'}: connect: connection refused` : `dial tcp: lookup ${host} on 172.18.0.1:53: no such host`;
    return `rpc error: code = Unknown desc = failed to pull and unpack image ${JSON.stringify(reference)}: failed to resolve reference ${JSON.stringify(reference)}: failed to do request: Head ${JSON.stringify(manifest)}: ${tail}`;
  }
  if (MISSING.test(ref.path)) {
    return `rpc error: code = Unknown desc = failed to pull and unpack image ${JSON.stringify(reference)}: failed to resolve reference ${JSON.stringify(reference)}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  if (MISSING.test(ref.tag) || (ref.digest && MISSING.test(ref.digest))) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image ${JSON.stringify(reference)}: failed to resolve reference ${JSON.stringify(reference)}: ${reference}: not found`;
  }
  return undefined;
}

/** Images every node holds from the start (kubeadm pre-pulls), and the control plane's own. */
export const NODE_IMAGES = ['registry.k8s.io/pause:3.10', 'registry.k8s.io/kube-proxy:v1.32.0'];
export const CONTROL_PLANE_IMAGES = [
  'registry.k8s.io/etcd:3.5.16-0',
  'registry.k8s.io/kube-apiserver:v1.32.0',
  'registry.k8s.io/kube-controller-manager:v1.32.0',
  'registry.k8s.io/kube-scheduler:v1.32.0',
  'registry.k8s.io/coredns/coredns:v1.11.3',
];
