/**
 * The whole request path of the headless server: Host check, bearer token, then discovery, OpenAPI,
 * the sandbox controls and the REST API. Every failure is a metav1.Status with its HTTP code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../cluster/cluster.ts';
import { isApiError, toStatus } from '../cluster/api/errors.ts';
import { forbiddenHost, hostAllowed, TOO_LARGE, tokenAllowed, UNAUTHORIZED } from './request-guard.ts';
import { BodyTooLargeError, failureStatus, readBody, sendJson, sendStatus, sendText } from './http-io.ts';
import { apiGroupList, apiResourceList, apiVersions, isServedGroupVersion, SERVER_VERSION } from './discovery.ts';
import { openApiV3Document, openApiV3Index } from './openapi-v3.ts';
import { parseApiPath } from './api-path.ts';
import { negotiate } from './content-negotiation.ts';
import { isWatch } from './query-options.ts';
import { handleResource } from './resource-handler.ts';
import { serveWatch, type WatchRegistry } from './watch-handler.ts';
import { handleSandbox } from './sandbox-controls.ts';
import type { ClockDriver } from './clock-driver.ts';

export interface HandlerContext {
  cluster: Cluster;
  driver: ClockDriver;
  token: string;
  /** `127.0.0.1:6443`, for /api's serverAddressByClientCIDRs. */
  serverAddress: () => string;
  watches: WatchRegistry;
}

const NOT_FOUND = failureStatus(404, 'NotFound', 'the server could not find the requested resource');
const HAS_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createRequestHandler(ctx: HandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(ctx, req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLargeError) return sendStatus(res, TOO_LARGE, { Connection: 'close' });
      const status = toStatus(e);
      sendStatus(res, isApiError(e) ? status : { ...status, code: 500 });
    });
  };
}

async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!hostAllowed(req.headers.host)) return sendStatus(res, forbiddenHost(req.headers.host));
  if (!tokenAllowed(req.headers.authorization, ctx.token)) return sendStatus(res, UNAUTHORIZED);
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'https://127.0.0.1');
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  const body = HAS_BODY.has(method) ? await readBody(req) : Buffer.alloc(0);

  if (method === 'GET') {
    switch (pathname) {
      case '/version':
        return sendJson(res, 200, SERVER_VERSION);
      case '/api':
        return sendJson(res, 200, apiVersions(ctx.serverAddress()));
      case '/apis':
        return sendJson(res, 200, apiGroupList());
      case '/openapi/v3':
        return sendText(res, 200, openApiV3Index(), 'application/json');
      case '/healthz':
      case '/livez':
      case '/readyz':
        return sendText(res, 200, 'ok', 'text/plain; charset=utf-8');
    }
    if (pathname.startsWith('/openapi/v3/')) {
      const doc = openApiV3Document(pathname.slice('/openapi/v3/'.length));
      return doc === undefined ? sendStatus(res, NOT_FOUND) : sendText(res, 200, doc, 'application/json');
    }
  }

  if (pathname.startsWith('/sandbox/v1/')) {
    let parsed: unknown;
    try {
      parsed = body.length > 0 ? (JSON.parse(body.toString('utf8')) as unknown) : undefined;
    } catch {
      return sendStatus(res, failureStatus(400, 'BadRequest', 'the request body is not valid JSON'));
    }
    const answer = handleSandbox(ctx.cluster, ctx.driver, method, pathname.slice('/sandbox/v1/'.length), parsed);
    return sendJson(res, answer.code, answer.body);
  }

  const path = parseApiPath(pathname);
  if (path.kind === 'groupVersion') {
    if (method !== 'GET' || !isServedGroupVersion(path)) return sendStatus(res, NOT_FOUND);
    return sendJson(res, 200, apiResourceList(path));
  }
  if (path.kind === 'unknown') return sendStatus(res, NOT_FOUND);
  if (!isServedGroupVersion(path)) return sendStatus(res, NOT_FOUND);

  const table = negotiate(req.headers.accept).table;
  if (method === 'GET' && isWatch(url.searchParams)) {
    return serveWatch(ctx.cluster, path, url.searchParams, table, req, res, ctx.watches);
  }
  handleResource(ctx.cluster, { method, path, query: url.searchParams, contentType: String(req.headers['content-type'] ?? 'application/json'), body, table }, res);
}
