/**
 * Orders the nodes of a directed graph so every node comes after all the nodes that feed it, or
 * names a loop. Used for the channel graph: the document refuses a routing that loops (the model)
 * and the engine compiles the processing order (src/engine/graph), with one algorithm.
 */

export type TopologicalResult<Id> = { readonly order: readonly Id[]; readonly loop?: undefined } | { readonly order?: undefined; readonly loop: readonly Id[] };

/**
 * `nodes` in an order where each comes after its inputs (`feeds(a)` lists the nodes `a` sends
 * to); ties keep the order of `nodes`. When the edges loop, `loop` is one loop as a path that
 * starts and ends on the same node: [a, b, c, a]. Edges to unknown nodes are ignored.
 */
export function topologicalOrder<Id>(nodes: readonly Id[], feeds: (node: Id) => readonly Id[]): TopologicalResult<Id> {
  const known = new Set(nodes);
  const state = new Map<Id, 'open' | 'done'>();
  const reversed: Id[] = [];
  // Depth-first from each node in reverse, collecting post-order: reversing it gives an order in
  // which every edge points forward, and nodes without edges between them keep their order.
  const stack: Id[] = [];
  const visit = (node: Id): readonly Id[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of feeds(node)) {
      if (!known.has(next)) continue;
      const seen = state.get(next);
      if (seen === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (seen === undefined) {
        const loop = visit(next);
        if (loop) return loop;
      }
    }
    stack.pop();
    state.set(node, 'done');
    reversed.push(node);
    return null;
  };
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as Id;
    if (state.has(node)) continue;
    const loop = visit(node);
    if (loop) return { loop };
  }
  return { order: reversed.reverse() };
}
