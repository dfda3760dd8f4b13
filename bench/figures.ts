/** One benchmark figure: `npm run bench` prints these as a table and writes them to bench/results.json. */
export interface BenchFigure {
  value: number;
  unit: string;
  /** The same work done the plain way in the same run, so a noisy machine cancels out in the ratio. */
  baseline?: number;
  ratio?: number;
}

export type BenchFigures = Record<string, BenchFigure>;

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
