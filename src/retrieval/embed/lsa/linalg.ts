/**
 * The little dense linear algebra the LSA embedder needs, on row-major Float64Arrays.
 * Written here rather than pulled in because the sizes are small (≤ a few hundred columns) and the
 * available JS libraries either lack a randomized SVD or bring a native build.
 */

/** A seeded PRNG (mulberry32) so that training is reproducible across machines and instances. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills an array with standard normal samples (Box–Muller). */
export function fillGaussian(target: Float64Array, random: () => number): Float64Array {
  for (let i = 0; i < target.length; i += 2) {
    const u = Math.max(random(), 1e-12);
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    target[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < target.length) target[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return target;
}

/** Orthonormalises the columns of a rows×cols row-major matrix in place (modified Gram–Schmidt, twice for stability). */
export function orthonormalizeColumns(m: Float64Array, rows: number, cols: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += (m[r * cols + i] as number) * (m[r * cols + j] as number);
        for (let r = 0; r < rows; r++) m[r * cols + j] = (m[r * cols + j] as number) - dot * (m[r * cols + i] as number);
      }
      let norm = 0;
      for (let r = 0; r < rows; r++) norm += (m[r * cols + j] as number) ** 2;
      norm = Math.sqrt(norm);
      for (let r = 0; r < rows; r++) m[r * cols + j] = norm > 1e-12 ? (m[r * cols + j] as number) / norm : 0;
    }
  }
}

/**
 * Eigen-decomposition of a symmetric n×n matrix by cyclic Jacobi rotations.
 * Returns eigenvalues (descending) and the matching eigenvectors as columns of a row-major n×n matrix.
 */
export function symmetricEigen(input: Float64Array, n: number, maxSweeps = 60): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (a[j * n + j] as number) - (a[i * n + i] as number));
  const values = Float64Array.from(order, (i) => a[i * n + i] as number);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k++) vectors[k * n + to] = v[k * n + from] as number;
  });
  return { values, vectors };
}
