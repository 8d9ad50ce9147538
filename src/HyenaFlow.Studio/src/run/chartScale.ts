import type { MetricPoint } from '../api';

export interface Box {
  width: number;
  height: number;
  /** Room left of and below the plot for the tick labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface Scaled {
  /** SVG path data of the line, in the box's pixel space (y grows downwards). */
  path: string;
  /** The same points as pixels, for dots where there are few. */
  dots: { x: number; y: number }[];
  xTicks: { value: number; at: number }[];
  yTicks: { value: number; at: number }[];
}

/** Round tick values (1, 2 or 5 times a power of ten) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The tolerance keeps a raw step of 2.0000000000000003e-5 on 2e-5 rather than jumping to 5e-5.
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power;
  const ticks: number[] = [];
  // Rounding to the step's own precision keeps 0.30000000000000004 out of the labels.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

/** One metric's points (already in step order) mapped into the box; values that are not finite are left out. */
export function scaleSeries(points: { step: number; value: number }[], box: Box): Scaled {
  const finite = points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.step));
  if (!finite.length) return { path: '', dots: [], xTicks: [], yTicks: [] };
  let [x0, x1] = [Math.min(...finite.map((p) => p.step)), Math.max(...finite.map((p) => p.step))];
  let [y0, y1] = [Math.min(...finite.map((p) => p.value)), Math.max(...finite.map((p) => p.value))];
  // A single step or a flat line still needs a span to divide by: centre it.
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (y0 === y1) {
    const pad = Math.abs(y0) * 0.1 || 1;
    [y0, y1] = [y0 - pad, y1 + pad];
  }
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const px = (step: number) => box.left + ((step - x0) / (x1 - x0)) * plotWidth;
  const py = (value: number) => box.top + (1 - (value - y0) / (y1 - y0)) * plotHeight;
  const dots = finite.map((p) => ({ x: round(px(p.step)), y: round(py(p.value)) }));
  return {
    path: dots.map((d, i) => `${i ? 'L' : 'M'}${d.x},${d.y}`).join(''),
    dots,
    xTicks: niceTicks(x0, x1, 3).filter((v) => Number.isInteger(v)).map((value) => ({ value, at: round(px(value)) })),
    yTicks: niceTicks(y0, y1, 3).map((value) => ({ value, at: round(py(value)) })),
  };
}

const round = (v: number) => Math.round(v * 10) / 10;

// Losses first, then accuracies, then the optimiser's own figures; keys not listed follow alphabetically.
const keyOrder = ['train/loss', 'train/epoch_loss', 'test/loss', 'test/accuracy', 'test/best_accuracy', 'test/cell_line_accuracy', 'test/auroc', 'train/lr', 'train/grad_norm', 'epoch'];

/** The points per key, each in step order; a step logged twice (a resumed attempt) keeps its latest value. */
export function groupMetrics(points: MetricPoint[]): [string, MetricPoint[]][] {
  const byKey = new Map<string, Map<number, MetricPoint>>();
  for (const p of points) {
    const steps = byKey.get(p.key) ?? new Map<number, MetricPoint>();
    const before = steps.get(p.step);
    if (!before || before.at <= p.at) steps.set(p.step, p);
    byKey.set(p.key, steps);
  }
  const rank = (key: string) => (keyOrder.includes(key) ? keyOrder.indexOf(key) : keyOrder.length);
  return [...byKey.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, steps]) => [key, [...steps.values()].sort((a, b) => a.step - b.step)]);
}

/** A tick or last value as short text: 3 significant digits, exponent form for the very small (learning rates). */
export function formatValue(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}
