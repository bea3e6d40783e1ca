/**
 * Strongly connected components by Tarjan's algorithm, iterative (an explicit
 * stack instead of recursion, so a 50k-package chain cannot overflow the call
 * stack) and linear in nodes + edges: adjacency is packed into typed arrays
 * (compressed sparse rows).
 */

/** Edges as parallel arrays of node indexes in [0, nodeCount). */
export interface IndexedEdges {
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

/**
 * Returns every component with more than one node, plus single nodes with an
 * edge to themselves: exactly the components that contain a cycle.
 */
export function cyclicComponents(nodeCount: number, edges: IndexedEdges): number[][] {
  const m = edges.from.length;
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < m; i++) offsets[edges.from[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const targets = new Int32Array(m);
  const fill = offsets.slice(0, nodeCount);
  const selfLoop = new Uint8Array(nodeCount);
  for (let i = 0; i < m; i++) {
    const f = edges.from[i]!;
    const t = edges.to[i]!;
    targets[fill[f]!++] = t;
    if (f === t) selfLoop[f] = 1;
  }

  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let stackTop = 0;
  // The DFS call stack: the node and the position of its next outgoing edge.
  const callNode = new Int32Array(nodeCount);
  const callEdge = new Int32Array(nodeCount);
  let nextIndex = 0;
  const components: number[][] = [];

  for (let start = 0; start < nodeCount; start++) {
    if (index[start] !== -1) continue;
    let depth = 0;
    callNode[0] = start;
    callEdge[0] = offsets[start]!;
    index[start] = low[start] = nextIndex++;
    stack[stackTop++] = start;
    onStack[start] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < offsets[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = nextIndex++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = offsets[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      // All edges of v done: v is a root of a component, or passes its low link up.
      if (low[v] === index[v] && stack[stackTop - 1] === v && !selfLoop[v]) {
        // A component of one node without a self-loop (most of them): no cycle, nothing to allocate.
        onStack[v] = 0;
        stackTop--;
      } else if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack[--stackTop]!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || selfLoop[v]) components.push(component);
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return components;
}
