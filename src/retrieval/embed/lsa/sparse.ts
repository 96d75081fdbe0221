/** A sparse rows×cols matrix in compressed-row form (documents × terms). */
export interface CsrMatrix {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float32Array;
}

/** Y (rows×l) = A · M, where M is cols×l row-major. */
export function multiplyCsr(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    const out = r * l;
    for (let p = a.rowPtr[r] as number; p < (a.rowPtr[r + 1] as number); p++) {
      const value = a.values[p] as number;
      const base = (a.colIdx[p] as number) * l;
      for (let j = 0; j < l; j++) y[out + j] = (y[out + j] as number) + value * (m[base + j] as number);
    }
  }
  return y;
}

/** Z (cols×l) = Aᵀ · M, where M is rows×l row-major. */
export function multiplyCsrTransposed(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const z = new Float64Array(a.cols * l);
  for (let r = 0; r < a.rows; r++) {
    const base = r * l;
    for (let p = a.rowPtr[r] as number; p < (a.rowPtr[r + 1] as number); p++) {
      const value = a.values[p] as number;
      const out = (a.colIdx[p] as number) * l;
      for (let j = 0; j < l; j++) z[out + j] = (z[out + j] as number) + value * (m[base + j] as number);
    }
  }
  return z;
}
