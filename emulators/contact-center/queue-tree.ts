// The queue tree: each queue names its parent; `path` (names from the root) and `leaf` are
// derived. Only leaves receive sessions; `menuPath` is what the caller chose in the IVR/menu.
import type { Queue } from '../../common/protocol/index.js';

export interface QueueNode {
  id: string;
  name: string;
  parent: string | null;
}

export class QueueTree {
  private readonly byId = new Map<string, Queue>();
  private readonly parents = new Map<string, string | null>();

  constructor(nodes: QueueNode[]) {
    for (const n of nodes) {
      if (this.parents.has(n.id)) throw new Error(`queues: duplicate id "${n.id}"`);
      this.parents.set(n.id, n.parent);
    }
    const names = new Map(nodes.map((n) => [n.id, n.name]));
    const withChildren = new Set(nodes.map((n) => n.parent).filter((p): p is string => p !== null));
    for (const n of nodes) {
      if (n.parent !== null && !this.parents.has(n.parent)) {
        throw new Error(`queues: "${n.id}" names an unknown parent "${n.parent}"`);
      }
      const path = this.ancestry(n.id).map((id) => names.get(id) ?? id);
      this.byId.set(n.id, { id: n.id, name: n.name, path, leaf: !withChildren.has(n.id) });
    }
  }

  /** Ids from the root down to `id`; throws on a cycle. */
  private ancestry(id: string): string[] {
    const chain: string[] = [];
    let cur: string | null = id;
    while (cur !== null) {
      if (chain.includes(cur)) throw new Error(`queues: cycle through "${cur}"`);
      chain.unshift(cur);
      cur = this.parents.get(cur) ?? null;
    }
    return chain;
  }

  list(): Queue[] {
    return [...this.byId.values()].map((q) => ({ ...q, path: [...q.path] }));
  }

  get(id: string): Queue | undefined {
    const q = this.byId.get(id);
    return q ? { ...q, path: [...q.path] } : undefined;
  }

  /** Whether `queueId` is `ancestorId` or lies under it. */
  isWithin(queueId: string, ancestorId: string): boolean {
    return this.byId.has(queueId) && this.ancestry(queueId).includes(ancestorId);
  }
}

export function menuPath(q: Queue): string {
  return q.path.join(' > ');
}
