/**
 * `?watch=1`: a chunked stream of JSON lines `{"type":"ADDED","object":{...}}`, as kube-apiserver
 * streams watches. Honours resourceVersion, labelSelector, fieldSelector and timeoutSeconds; with a
 * Table Accept header each event's object is a one-row Table (column definitions on the first event
 * only, as kube-apiserver sends them). The stream ends when the client goes, the timeout passes or the
 * server stops.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../cluster/cluster.ts';
import type { KubeObject, Status } from '../cluster/api/types.ts';
import { printerFor, toTable } from '../cluster/kubectl/printers/printers.ts';
import { resolveResource, type ResourcePath } from './resource-handler.ts';
import { watchOptions, watchTimeoutMs } from './query-options.ts';

export interface WatchRegistry {
  /** Adds a stop function to run when the server stops; returns its removal. */
  track(stop: () => void): () => void;
}

/** Starts a watch stream; throws ApiError before anything is written if the request is bad. */
export function serveWatch(cluster: Cluster, path: ResourcePath, q: URLSearchParams, table: boolean, req: IncomingMessage, res: ServerResponse, registry: WatchRegistry): void {
  const t = resolveResource(path);
  if (path.subresource !== undefined) throw new Error('watch of a subresource');
  const opts = watchOptions(q);
  if (path.name !== undefined) opts.name = path.name;
  const printer = table ? printerFor(t.group, t.resource) : undefined;
  let headersSent = false;
  let ended = false;
  const pending: string[] = [];
  const includeObject = q.get('includeObject') === 'Object' ? 'Object' : q.get('includeObject') === 'None' ? 'None' : 'Metadata';

  const encode = (type: string, object: KubeObject | Status): string => {
    if (printer && type !== 'ERROR' && type !== 'BOOKMARK') {
      const tableObj = toTable(printer, [object as KubeObject], cluster.clock.now(), { includeObject, noHeaders: headersSent, resourceVersion: (object as KubeObject).metadata.resourceVersion ?? '' });
      headersSent = true;
      return JSON.stringify({ type, object: tableObj }) + '\n';
    }
    return JSON.stringify({ type, object }) + '\n';
  };

  // Events can arrive while the ApiServer call below is still running (the initial ADDED events), so
  // they queue until the response is ready.
  let ready = false;
  const write = (line: string) => {
    if (ended) return;
    if (!ready) pending.push(line);
    else res.write(line);
  };

  const watch = cluster.api.watch({ group: t.group, resource: t.resource, ...(path.namespace !== undefined ? { namespace: path.namespace } : {}) }, opts, { name: 'kubectl', component: 'user' }, (ev) => {
    write(encode(ev.type, ev.object));
  });

  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  ready = true;
  for (const line of pending.splice(0)) res.write(line);

  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (ended) return;
    ended = true;
    watch.stop();
    untrack();
    if (timer) clearTimeout(timer);
    res.end();
  };
  const untrack = registry.track(stop);
  const timeout = watchTimeoutMs(q);
  if (timeout !== undefined) timer = setTimeout(stop, timeout);
  req.on('close', stop);
  res.on('close', stop);
}
