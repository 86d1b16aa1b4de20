/**
 * A container that exits 1 at once, on the real cluster (scheduler, kubelet, Deployment). As the real
 * kubelet does (kuberuntime doBackOff), the first exit only arms the back-off and the container is
 * restarted on the next sync; from then on each restart waits 10 s, 20, 40, 80, 160 and then every
 * 300 s, showing CrashLoopBackOff in between — as `kubectl get pods -w` would show.
 */
import { describe, expect, it } from 'vitest';
import { parseTime } from '../sim/clock.ts';
import { deploymentYaml, scenario } from './scenario-kit.ts';

interface Terminated {
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  reason: string;
}
interface CrashStatus {
  restartCount: number;
  state: { waiting?: { reason: string; message?: string }; terminated?: Terminated; running?: { startedAt: string } };
  lastState: { terminated?: Terminated };
}

describe('CrashLoopBackOff on the real cluster', () => {
  const s = scenario();
  s.apply(deploymentYaml('crash', 1, 'busybox:1.36', { command: ['sh', '-c', 'echo starting; exit 1'] }));
  const starts = new Set<string>();
  const statuses = new Set<string>();
  let podName = '';

  it('restarts at once, then after 10, 20, 40, 80, 160, then every 300 s', () => {
    s.until(
      () => starts.size >= 9,
      2400,
      () => {
        const pod = s.pods()[0];
        if (!pod) return;
        podName = pod.metadata.name!;
        const row = s.rows()[0]!;
        statuses.add(row.status);
        const c = (pod.status as { containerStatuses?: CrashStatus[] }).containerStatuses?.[0];
        for (const t of [c?.state.terminated, c?.lastState.terminated]) if (t) starts.add(t.startedAt);
      },
    );
    const times = [...starts].map(parseTime).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => Math.round((t - times[i]!) / 1000));
    expect(gaps.slice(0, 8)).toEqual([1, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('shows Error and CrashLoopBackOff, the restart count, and the BackOff message and event', () => {
    expect(statuses).toContain('CrashLoopBackOff');
    expect(statuses).toContain('Error');
    const pod = s.pod(podName)!;
    const c = (pod.status as { containerStatuses: CrashStatus[] }).containerStatuses[0]!;
    expect(c.restartCount).toBeGreaterThanOrEqual(8);
    expect(c.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    if (c.state.waiting) {
      expect(c.state.waiting.reason).toBe('CrashLoopBackOff');
      expect(c.state.waiting.message).toBe(`back-off 5m0s restarting failed container=main pod=${podName}_default(${pod.metadata.uid})`);
    }
    const backOff = s.events(podName).find((e) => e.reason === 'BackOff');
    expect(backOff).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container main in pod ${podName}_default(${pod.metadata.uid})` });
    expect(backOff!.count).toBeGreaterThan(1);
  });
});
