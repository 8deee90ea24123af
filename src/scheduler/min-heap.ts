/** What the heap orders: by `at`, then by `seq` (first scheduled first). `pos` is the heap's own. */
export interface HeapNode {
  at: number;
  seq: number;
  pos: number;
}

function before(a: HeapNode, b: HeapNode): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A binary min-heap that knows each node's position, so any node can be removed in O(log n). */
export class MinHeap<T extends HeapNode> {
  private readonly nodes: T[] = [];

  get size(): number {
    return this.nodes.length;
  }

  peek(): T | undefined {
    return this.nodes[0];
  }

  push(node: T): void {
    node.pos = this.nodes.length;
    this.nodes.push(node);
    this.up(node.pos);
  }

  pop(): T | undefined {
    const top = this.nodes[0];
    if (top) this.remove(top);
    return top;
  }

  remove(node: T): void {
    const at = node.pos;
    if (this.nodes[at] !== node) return;
    const last = this.nodes.pop()!;
    node.pos = -1;
    if (last === node) return;
    this.nodes[at] = last;
    last.pos = at;
    this.up(at);
    this.down(last.pos);
  }

  private up(index: number): void {
    const node = this.nodes[index];
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.nodes[parentIndex];
      if (!before(node, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(node, index);
  }

  private down(index: number): void {
    const node = this.nodes[index];
    const count = this.nodes.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= count) break;
      const right = left + 1;
      const child = right < count && before(this.nodes[right], this.nodes[left]) ? right : left;
      if (!before(this.nodes[child], node)) break;
      this.place(this.nodes[child], index);
      index = child;
    }
    this.place(node, index);
  }

  private place(node: T, index: number): void {
    this.nodes[index] = node;
    node.pos = index;
  }
}
