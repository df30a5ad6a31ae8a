/**
 * Fast classification trees over integer codes (histogram splits, Gini impurity), the building block of the
 * sequential `cart` synthesizer. Ordered predictors split at a threshold; unordered ones at a threshold over their
 * levels sorted by the target, which finds good subset splits without trying every subset.
 */

/** A fitted tree as plain JSON: parallel arrays over nodes; a node with feature -1 is a leaf. */
export interface Tree {
  /** Predictor index per node (-1 for a leaf). */
  readonly f: number[];
  /** Levels of the predictor that go left, per internal node. */
  readonly left: number[][];
  /** Child node indices. */
  readonly l: number[];
  readonly r: number[];
  /** Leaf target distribution as flat [code, count, ...] pairs (empty for internal nodes). */
  readonly dist: number[][];
}

/** Options of {@link fitTree}. */
export interface TreeOptions {
  readonly minLeaf: number;
  readonly maxDepth: number;
  /** Smallest impurity decrease, relative to the node size, worth a split. */
  readonly minGain: number;
}

/**
 * Fits a tree predicting `target` (codes < `targetCard`) from `predictors` (codes < `cards[i]`), `ordered[i]` telling
 * which predictors have ordered levels.
 */
export function fitTree(
  target: Int32Array, targetCard: number,
  predictors: readonly Int32Array[], cards: readonly number[], ordered: readonly boolean[],
  options: TreeOptions,
  targetOrdered = false,
): Tree {
  const tree: Tree = { f: [], left: [], l: [], r: [], dist: [] };
  const n = target.length;
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const maxCard = Math.max(1, ...cards);
  const cells = new Float64Array(maxCard * targetCard);
  const levelCount = new Float64Array(maxCard);
  const levelScore = new Float64Array(maxCard);
  const leftT = new Float64Array(targetCard);
  const rightT = new Float64Array(targetCard);
  const total = new Float64Array(targetCard);
  const segStart = new Int32Array(maxCard);
  const segEnd = new Int32Array(maxCard);
  const touched: number[] = [];
  const levelDistinct = new Int32Array(maxCard);
  const grouped = new Int32Array(n);

  const grow = (start: number, end: number, depth: number): number => {
    const node = tree.f.length;
    tree.f.push(-1);
    tree.left.push([]);
    tree.l.push(-1);
    tree.r.push(-1);
    tree.dist.push([]);
    const size = end - start;
    total.fill(0);
    for (let i = start; i < end; i++) total[target[rows[i]!]!]!++;
    let sq = 0;
    let nonzero = 0;
    for (let t = 0; t < targetCard; t++) {
      sq += total[t]! * total[t]!;
      if (total[t]! > 0) nonzero++;
    }
    const parentImp = size - sq / size;
    let best = { gain: options.minGain * size, f: -1, order: [] as number[], cut: 0 };
    if (depth < options.maxDepth && size >= 2 * options.minLeaf && nonzero > 1) {
      for (let p = 0; p < predictors.length; p++) {
        const pred = predictors[p]!;
        const card = cards[p]!;
        if (card < 2) continue;
        // Sparse counts: only the (level, target) cells this node touches are visited and cleared, grouped by
        // level with a counting pass rather than a sort.
        touched.length = 0;
        for (let i = start; i < end; i++) {
          const row = rows[i]!;
          const lv = pred[row]!;
          const idx = lv * targetCard + target[row]!;
          if (cells[idx] === 0) {
            touched.push(idx);
            levelDistinct[lv]!++;
          }
          cells[idx]!++;
          levelCount[lv]!++;
        }
        const present: number[] = [];
        let offset = 0;
        for (let lv = 0; lv < card; lv++) {
          if (levelCount[lv] === 0) continue;
          present.push(lv);
          segStart[lv] = offset;
          segEnd[lv] = offset;
          offset += levelDistinct[lv]!;
        }
        for (const idx of touched) {
          const lv = (idx / targetCard) | 0;
          grouped[segEnd[lv]!++] = idx;
        }
        const clear = (): void => {
          for (const idx of touched) cells[idx] = 0;
          for (const lv of present) {
            levelCount[lv] = 0;
            levelDistinct[lv] = 0;
          }
        };
        if (present.length < 2) {
          clear();
          continue;
        }
        if (!ordered[p]) {
          // Sort levels by the share of the node's most common target (exact for two classes, a good guess beyond).
          let top = 0;
          for (let t = 1; t < targetCard; t++) if (total[t]! > total[top]!) top = t;
          for (const lv of present) {
            const base = lv * targetCard;
            if (targetOrdered) {
              // An ordered target: levels sorted by their mean code, as regression trees sort categories.
              let s = 0;
              for (let j = segStart[lv]!; j < segEnd[lv]!; j++) s += (grouped[j]! - base) * cells[grouped[j]!]!;
              levelScore[lv] = s / levelCount[lv]!;
            } else levelScore[lv] = cells[base + top]! / levelCount[lv]!;
          }
          present.sort((a, b) => levelScore[a]! - levelScore[b]! || a - b);
        }
        leftT.fill(0);
        rightT.set(total);
        let leftSq = 0;
        let rightSq = sq;
        let nLeft = 0;
        for (let k = 0; k < present.length - 1; k++) {
          const lv = present[k]!;
          const base = lv * targetCard;
          for (let j = segStart[lv]!; j < segEnd[lv]!; j++) {
            const idx = grouped[j]!;
            const t = idx - base;
            const c = cells[idx]!;
            const lt = leftT[t]!;
            const rt = rightT[t]!;
            leftSq += 2 * lt * c + c * c;
            rightSq += -2 * rt * c + c * c;
            leftT[t] = lt + c;
            rightT[t] = rt - c;
          }
          nLeft += levelCount[lv]!;
          const nRight = size - nLeft;
          if (nLeft < options.minLeaf || nRight < options.minLeaf) continue;
          const gain = parentImp - (nLeft - leftSq / nLeft) - (nRight - rightSq / nRight);
          if (gain > best.gain) best = { gain, f: p, order: present, cut: k };
        }
        clear();
      }
    }
    if (best.f < 0) {
      const dist: number[] = [];
      for (let t = 0; t < targetCard; t++) if (total[t]! > 0) dist.push(t, total[t]!);
      tree.dist[node] = dist;
      return node;
    }
    const goLeft = new Uint8Array(cards[best.f]!);
    // Ordered predictors send every level up to the cut left, including levels this node never saw.
    const leftLevels = ordered[best.f]
      ? Array.from({ length: best.order[best.cut]! + 1 }, (_, k) => k)
      : best.order.slice(0, best.cut + 1).sort((a, b) => a - b);
    for (const lv of leftLevels) goLeft[lv] = 1;
    const pred = predictors[best.f]!;
    // Partition rows[start, end) in place: left rows first.
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (goLeft[pred[rows[i]!]!]) i++;
      else {
        const t = rows[i]!;
        rows[i] = rows[j]!;
        rows[j] = t;
        j--;
      }
    }
    tree.f[node] = best.f;
    tree.left[node] = leftLevels;
    tree.l[node] = grow(start, i, depth + 1);
    tree.r[node] = grow(i, end, depth + 1);
    return node;
  };
  grow(0, n, 0);
  return tree;
}

/** A tree compiled for fast traversal: per-node left masks and cumulative leaf distributions. */
export interface CompiledTree {
  readonly f: Int32Array;
  readonly l: Int32Array;
  readonly r: Int32Array;
  readonly masks: (Uint8Array | undefined)[];
  readonly codes: (Int32Array | undefined)[];
  readonly cumulative: (Float64Array | undefined)[];
}

/** Compiles a tree whose predictors have `cards` levels. */
export function compileTree(tree: Tree, cards: readonly number[]): CompiledTree {
  const n = tree.f.length;
  const masks: (Uint8Array | undefined)[] = new Array(n);
  const codes: (Int32Array | undefined)[] = new Array(n);
  const cumulative: (Float64Array | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const f = tree.f[i]!;
    if (f >= 0) {
      const m = new Uint8Array(cards[f]!);
      for (const lv of tree.left[i]!) m[lv] = 1;
      masks[i] = m;
    } else {
      const d = tree.dist[i]!;
      const c = new Int32Array(d.length / 2);
      const cum = new Float64Array(d.length / 2);
      let s = 0;
      for (let k = 0; k < c.length; k++) {
        c[k] = d[2 * k]!;
        cum[k] = s += d[2 * k + 1]!;
      }
      codes[i] = c;
      cumulative[i] = cum;
    }
  }
  return { f: Int32Array.from(tree.f), l: Int32Array.from(tree.l), r: Int32Array.from(tree.r), masks, codes, cumulative };
}

/** The leaf reached by a row whose predictor codes are `row`. */
export function leafOf(tree: CompiledTree, row: ArrayLike<number>): number {
  let node = 0;
  let f = tree.f[0]!;
  while (f >= 0) {
    node = tree.masks[node]![row[f]!] ? tree.l[node]! : tree.r[node]!;
    f = tree.f[node]!;
  }
  return node;
}
