/**
 * NodeToStatus: why each rejected node was rejected (framework.NodeToStatus), plus one status for the
 * nodes not listed ("absent"), used when PreFilter rejected the pod or narrowed the node set.
 */
import type { Code, Status } from './status.ts';

export interface PluginStatus {
  /** The plugin that rejected the node ('' when not attributable). */
  readonly plugin: string;
  readonly status: Status;
}

export class NodeToStatus {
  readonly explicit = new Map<string, PluginStatus>();
  absent: PluginStatus | null = null;

  set(node: string, ps: PluginStatus): void {
    this.explicit.set(node, ps);
  }

  get(node: string): PluginStatus | null {
    return this.explicit.get(node) ?? this.absent;
  }

  get size(): number {
    return this.explicit.size;
  }

  /** Names among `all` whose status has `code` (explicit or via the absent status). */
  nodesWithCode(all: readonly string[], code: Code): string[] {
    const out: string[] = [];
    for (const n of all) if (this.get(n)?.status.code === code) out.push(n);
    return out;
  }
}
