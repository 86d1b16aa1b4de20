/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments, through the pure helpers
 * in controllers/deployment/rollout-status.ts. `status` prints the state now, as `--watch=false` does:
 * the console cannot block while virtual time runs.
 */
import type { Deployment, ReplicaSet } from '../../controllers/replica-set/workload-types.ts';
import { findRevision, rollbackTo, rolloutHistory, rolloutStatus } from '../../controllers/deployment/rollout-status.ts';
import { rfc3339 } from '../../sim/clock.ts';
import type { ParsedCommand } from './parse-command.ts';
import { flag } from './parse-command.ts';
import { KUBECTL_USER, fail, type KubectlContext, type Output } from './kubectl-context.ts';
import { namespaceOf, resourceSelections } from './resource-args.ts';
import { DESCRIBE_TABS, tabwrite } from './tabwriter.ts';

const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
const WRITE = { actor: KUBECTL_USER, fieldManager: 'kubectl-rollout' };

export function runRollout(ctx: KubectlContext, cmd: ParsedCommand, out: Output): void {
  const [sub, ...rest] = cmd.args;
  const subs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (!sub || !subs.includes(sub)) fail(sub ? `unknown command "${sub}" for "kubectl rollout"` : 'You must specify a subcommand: history, pause, restart, resume, status, undo');
  const sels = resourceSelections(rest);
  const sel = sels[0];
  if (!sel || sel.names.length === 0) fail('required resource not specified');
  if (sel.type.resource !== 'deployments') fail(`no ${sub === 'status' ? 'status viewer' : 'rollout support'} has been implemented for "${sel.type.kind}" here (deployments only)`);
  const ns = namespaceOf(cmd);
  const req = { ...DEPLOYMENTS, namespace: ns };
  for (const name of sel.names) {
    const d = ctx.api.get(req, name, KUBECTL_USER) as unknown as Deployment;
    const ref = `deployment.apps/${name}`;
    const replicaSets = () => ctx.api.list({ group: 'apps', resource: 'replicasets', namespace: ns }, {}, KUBECTL_USER).items as unknown as ReplicaSet[];
    switch (sub) {
      case 'status': {
        const s = rolloutStatus(d, replicaSets(), Number(flag(cmd, 'revision') ?? 0));
        if (s.error) fail(s.error);
        out.out(s.message);
        break;
      }
      case 'history': {
        const rows = rolloutHistory(d, replicaSets());
        const table = tabwrite('REVISION\tCHANGE-CAUSE\n' + rows.map((r) => `${r.revision}\t${r.changeCause}\n`).join(''), DESCRIBE_TABS);
        out.out(ref);
        out.stdout += table + '\n';
        break;
      }
      case 'undo': {
        const to = Number(flag(cmd, 'to-revision') ?? 0);
        const found = findRevision(d, replicaSets(), to);
        if ('error' in found) fail(found.error);
        const r = rollbackTo(d, found.rs, to);
        if (r.kind === 'error') fail(r.message);
        if (r.kind === 'patch') ctx.api.patch(req, name, 'json', r.patch, WRITE);
        out.out(`${ref} ${r.message}`);
        break;
      }
      case 'restart': {
        if (d.spec.paused) fail(`deployments.apps "${name}" can't restart paused deployment (run rollout resume first)`);
        const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.api.clock.now()) } } } } };
        ctx.api.patch(req, name, 'strategic', patch, WRITE);
        out.out(`${ref} restarted`);
        break;
      }
      case 'pause':
      case 'resume': {
        const pause = sub === 'pause';
        if (!!d.spec.paused === pause) fail(`deployments.apps "${name}" is ${pause ? 'already paused' : 'not paused'}`);
        ctx.api.patch(req, name, 'strategic', { spec: { paused: pause ? true : null } }, WRITE);
        out.out(`${ref} ${pause ? 'paused' : 'resumed'}`);
        break;
      }
    }
  }
}
