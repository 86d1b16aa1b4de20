/**
 * List paging tokens: like kube-apiserver's, an opaque base64 of the revision the first page was read at
 * and the last key returned, so every page reads the same snapshot.
 */
import { badRequest } from './errors.ts';

interface Token {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

export function encodeContinue(revision: number, lastKey: string): string {
  const token: Token = { v: 'meta.k8s.io/v1', rv: revision, start: lastKey };
  return btoa(unescape(encodeURIComponent(JSON.stringify(token))));
}

export function decodeContinue(text: string): { revision: number; after: string } {
  try {
    const token = JSON.parse(decodeURIComponent(escape(atob(text)))) as Token;
    if (token.v !== 'meta.k8s.io/v1' || typeof token.rv !== 'number' || typeof token.start !== 'string') throw new Error();
    return { revision: token.rv, after: token.start };
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}
