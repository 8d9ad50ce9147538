import { isObject, Json } from './json';
import type { Stage, Workflow } from './definition';

const stageReference = /\$\{\{\s*stages\.([A-Za-z_][A-Za-z0-9_-]*)\.outputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;

export const outputReference = (stage: string, output: string) => `\${{ stages.${stage}.outputs.${output} }}`;

export interface Link {
  from: string;
  output: string;
  to: string;
  input: string;
}

function strings(value: Json | undefined, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, found));
  else if (isObject(value)) Object.values(value).forEach((v) => strings(v, found));
  return found;
}

/** Every stages.<id>.outputs.<name> reference in the stage's with, by input. */
export function linksOf(stage: Stage): Link[] {
  const links: Link[] = [];
  const inputs = isObject(stage.with) ? stage.with : {};
  for (const [input, value] of Object.entries(inputs))
    for (const text of strings(value))
      for (const m of text.matchAll(stageReference)) links.push({ from: m[1], output: m[2], to: stage.id, input });
  return links;
}

export function needsOf(stage: Stage): string[] {
  return Array.isArray(stage.needs) ? stage.needs.filter((n): n is string => typeof n === 'string') : [];
}

/** Stages a stage waits for: referenced in with or named in needs. */
export function dependenciesOf(stage: Stage): string[] {
  return [...new Set([...linksOf(stage).map((l) => l.from), ...needsOf(stage)])];
}

/** Rewrites references to a stage that was renamed, in every string of the value. */
export function renameInValue(value: Json, from: string, to: string): Json {
  if (typeof value === 'string') {
    const next = value.replace(stageReference, (all, id: string, output: string) => (id === from ? outputReference(to, output) : all));
    return next;
  }
  if (Array.isArray(value)) {
    const next = value.map((v) => renameInValue(v, from, to));
    return next.every((v, i) => v === value[i]) ? value : next;
  }
  if (isObject(value)) {
    let changed = false;
    const next: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      next[k] = renameInValue(v, from, to);
      changed ||= next[k] !== v;
    }
    return changed ? next : value;
  }
  return value;
}

/** Removes every reference to stage output from the input's value (the element of an array, or the input). */
export function withoutReference(value: Json, from: string, output: string): Json | undefined {
  const reference = (text: Json) => typeof text === 'string' && [...text.matchAll(stageReference)].some((m) => m[1] === from && m[2] === output);
  if (Array.isArray(value)) {
    const kept = value.filter((v) => !reference(v));
    return kept.length === 0 ? undefined : kept;
  }
  return reference(value) ? undefined : value;
}

/** Depth of each stage (0 for stages without dependencies), for the layered layout. */
export function depths(workflow: Workflow): Map<string, number> {
  const byId = new Map(workflow.stages.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const stage = byId.get(id);
    if (!stage || path.has(id)) return 0;
    path.add(id);
    const d = Math.max(-1, ...dependenciesOf(stage).filter((x) => byId.has(x)).map((x) => visit(x, path))) + 1;
    path.delete(id);
    depth.set(id, d);
    return d;
  };
  workflow.stages.forEach((s) => visit(s.id, new Set()));
  return depth;
}

/** Positions of a layered left-to-right layout: one column per depth, stages in file order within it. */
export function layeredLayout(
  ids: string[],
  depthOf: (id: string) => number,
  heightOf: (id: string) => number = () => 100,
  width = 320,
  gap = 30,
): Map<string, { x: number; y: number }> {
  const columnHeights = new Map<number, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const id of ids) {
    const d = depthOf(id);
    const y = columnHeights.get(d) ?? 0;
    columnHeights.set(d, y + heightOf(id) + gap);
    positions.set(id, { x: d * width, y });
  }
  return positions;
}

/** The stage index a validation error path like $.stages[3].with.x points into. */
export function stageIndexOfPath(path: string): number | undefined {
  const m = /^\$\.stages\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}
