/**
 * The kubeconfig the server writes so `kubectl --kubeconfig <path>` reaches it: one cluster with the CA
 * inline, one user with the bearer token, one context `kube-sandbox` made current.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const CONTEXT_NAME = 'kube-sandbox';

export interface KubeconfigInput {
  server: string;
  caCert: string;
  token: string;
}

/** The kubeconfig text (YAML; JSON strings are valid YAML scalars, which keeps quoting exact). */
export function kubeconfigText(input: KubeconfigInput): string {
  const ca = Buffer.from(input.caCert, 'utf8').toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${CONTEXT_NAME}`,
    '  cluster:',
    `    server: ${JSON.stringify(input.server)}`,
    `    certificate-authority-data: ${ca}`,
    'users:',
    `- name: ${CONTEXT_NAME}`,
    '  user:',
    `    token: ${JSON.stringify(input.token)}`,
    'contexts:',
    `- name: ${CONTEXT_NAME}`,
    '  context:',
    `    cluster: ${CONTEXT_NAME}`,
    `    user: ${CONTEXT_NAME}`,
    '    namespace: default',
    `current-context: ${CONTEXT_NAME}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/** Writes the kubeconfig readable by its owner only (it carries the token). */
export async function writeKubeconfig(path: string, input: KubeconfigInput): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigText(input), { mode: 0o600 });
}
