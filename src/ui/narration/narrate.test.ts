import { describe, expect, it } from 'vitest';
import type { EventRow } from './event-row.ts';
import { narrate } from './narrate.ts';

let n = 0;
function ev(p: Partial<EventRow>): EventRow {
  n++;
  const t = p.first ?? 1000 * n;
  return { key: `k${n}`, last: t, first: t, type: 'Normal', reason: '', object: '', kind: 'Pod', namespace: 'default', name: '', uid: '', message: '', count: 1, component: '', host: '', ...p };
}

describe('narrate', () => {
  it('tells a burst of pod creations for one ReplicaSet as one line', () => {
    const rows = [
      ev({ first: 1000, component: 'replicaset-controller', reason: 'SuccessfulCreate', kind: 'ReplicaSet', name: 'web-7d4b9c', message: 'Created pod: web-7d4b9c-x2k4q' }),
      ev({ first: 1001, component: 'replicaset-controller', reason: 'SuccessfulCreate', kind: 'ReplicaSet', name: 'web-7d4b9c', message: 'Created pod: web-7d4b9c-p9f7m' }),
    ];
    expect(narrate(rows)).toEqual([{ id: rows[0]!.key, time: 1001, who: 'replicaset-controller', text: '2 pods missing for web-7d4b9c, created web-7d4b9c-x2k4q and -p9f7m', warning: false }]);
  });

  it('names the scheduler kube-scheduler and lists where it placed pods', () => {
    const rows = [
      ev({ first: 5000, component: 'default-scheduler', reason: 'Scheduled', name: 'a', message: 'Successfully assigned default/a to worker-1' }),
      ev({ first: 5001, component: 'default-scheduler', reason: 'Scheduled', name: 'b', message: 'Successfully assigned default/b to worker-2' }),
    ];
    const [line] = narrate(rows);
    expect(line?.who).toBe('kube-scheduler');
    expect(line?.text).toBe('placed a on worker-1 and b on worker-2');
  });

  it('keeps different components, reasons and distant times apart, newest first', () => {
    const rows = [
      ev({ first: 1000, component: 'kubelet', host: 'worker-1', reason: 'Started', name: 'a', message: 'Started container nginx' }),
      ev({ first: 1500, component: 'kubelet', host: 'worker-2', reason: 'Started', name: 'b', message: 'Started container nginx' }),
      ev({ first: 60_000, component: 'kubelet', host: 'worker-1', reason: 'Started', name: 'c', message: 'Started container nginx' }),
    ];
    expect(narrate(rows).map((l) => `${l.who}: ${l.text}`)).toEqual(['kubelet on worker-1: started c', 'kubelet on worker-2: started b', 'kubelet on worker-1: started a']);
  });

  it('marks warnings and keeps the scheduler message', () => {
    const msg = '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu.';
    const [line] = narrate([ev({ component: 'default-scheduler', reason: 'FailedScheduling', type: 'Warning', name: 'huge', message: msg })]);
    expect(line?.warning).toBe(true);
    expect(line?.text).toBe(`cannot place huge yet: ${msg}`);
  });

  it('falls back to reason, object and message', () => {
    const [line] = narrate([ev({ component: 'x-controller', reason: 'Odd', object: 'thing/t', name: 't', kind: 'Thing', message: 'it happened' })]);
    expect(line?.text).toBe('Odd on thing/t: it happened');
  });
});
