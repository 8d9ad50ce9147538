import { describe, expect, it } from 'vitest';
import { Box, formatValue, groupMetrics, niceTicks, scaleSeries } from './chartScale';

const box: Box = { width: 200, height: 110, left: 40, bottom: 10, top: 0, right: 0 };

describe('chart scaling', () => {
  it('maps the first and last step to the plot edges and the extremes to top and bottom', () => {
    const scaled = scaleSeries(
      [
        { step: 10, value: 0.7 },
        { step: 20, value: 0.5 },
        { step: 30, value: 0.3 },
      ],
      box,
    );
    expect(scaled.dots).toEqual([
      { x: 40, y: 0 },
      { x: 120, y: 50 },
      { x: 200, y: 100 },
    ]);
    expect(scaled.path).toBe('M40,0L120,50L200,100');
  });

  it('centres a single point and a flat line instead of dividing by zero', () => {
    expect(scaleSeries([{ step: 5, value: 0.69 }], box).dots).toEqual([{ x: 120, y: 50 }]);
    const flat = scaleSeries(
      [
        { step: 1, value: 0 },
        { step: 2, value: 0 },
      ],
      box,
    );
    expect(flat.dots.map((d) => d.y)).toEqual([50, 50]);
  });

  it('leaves out values that are not finite (a diverged loss)', () => {
    const scaled = scaleSeries(
      [
        { step: 1, value: 1 },
        { step: 2, value: NaN },
        { step: 3, value: Infinity },
        { step: 4, value: 0 },
      ],
      box,
    );
    expect(scaled.dots).toHaveLength(2);
    expect(scaleSeries([{ step: 1, value: NaN }], box).path).toBe('');
  });

  it('puts y ticks on round values inside the range, at their pixel', () => {
    const scaled = scaleSeries(
      [
        { step: 0, value: 0 },
        { step: 100, value: 1 },
      ],
      box,
    );
    expect(scaled.yTicks.map((t) => t.value)).toEqual([0, 0.5, 1]);
    expect(scaled.yTicks.map((t) => t.at)).toEqual([100, 50, 0]);
    expect(scaled.xTicks.map((t) => t.value)).toEqual([0, 50, 100]);
  });
});

describe('nice ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten, without floating-point noise', () => {
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0.00001, 0.00009, 4)).toEqual([0.00002, 0.00004, 0.00006, 0.00008]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });
});

describe('metric groups', () => {
  it('orders keys losses first, sorts steps and keeps the latest value of a step logged twice', () => {
    const groups = groupMetrics([
      { key: 'train/lr', step: 1, value: 1e-4, at: '2026-01-01T00:00:01Z' },
      { key: 'test/accuracy', step: 2, value: 0.6, at: '2026-01-01T00:00:02Z' },
      { key: 'train/loss', step: 20, value: 0.5, at: '2026-01-01T00:00:03Z' },
      { key: 'train/loss', step: 10, value: 0.9, at: '2026-01-01T00:00:01Z' },
      { key: 'train/loss', step: 10, value: 0.7, at: '2026-01-01T00:00:05Z' },
      { key: 'custom', step: 1, value: 1, at: '2026-01-01T00:00:01Z' },
    ]);
    expect(groups.map(([key]) => key)).toEqual(['train/loss', 'test/accuracy', 'train/lr', 'custom']);
    expect(groups[0][1].map((p) => [p.step, p.value])).toEqual([
      [10, 0.7],
      [20, 0.5],
    ]);
  });

  it('formats learning rates in exponent form and others with three digits', () => {
    expect(formatValue(0.00003)).toBe('3.0e-5');
    expect(formatValue(0.693147)).toBe('0.693');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(1234)).toBe('1230');
  });
});
