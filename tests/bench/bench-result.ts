/** One figure from a benchmark, in the shape every bench function returns. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Which direction is an improvement, so a report can flag regressions. */
  better: 'higher' | 'lower';
  note?: string;
}
