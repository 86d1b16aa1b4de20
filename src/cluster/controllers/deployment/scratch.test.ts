import { it } from 'vitest';
import { controllerHarness } from '../replica-set/controller-harness.ts';
import { ReplicaSetController } from '../replica-set/replica-set-controller.ts';
import { DeploymentController } from './deployment-controller.ts';

it('scratch', () => {
  const h = controllerHarness({ controllers: (ctx) => [new ReplicaSetController(ctx), new DeploymentController(ctx)] });
  h.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } });
  h.run(10000);
  console.log(JSON.stringify(h.get('apps/v1', 'Deployment', 'web'), null, 1));
  console.log(JSON.stringify(h.list('apps', 'replicasets').map((r) => [r.metadata.name, r.metadata.annotations, r.status])));
  console.log(h.events().map((e) => `${e.object} ${e.reason} ${e.message}`).join('\n'));
});
