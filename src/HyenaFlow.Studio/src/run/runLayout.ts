import type { StageView } from '../api';

/** Depth of each expanded stage over dependsOn (matrix cells are stages of their own). */
export function stageDepths(stages: StageView[]): Map<string, number> {
  const byId = new Map(stages.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    if (depth.has(id)) return depth.get(id)!;
    const stage = byId.get(id);
    if (!stage || path.has(id)) return 0;
    path.add(id);
    const d = Math.max(-1, ...stage.dependsOn.filter((x) => byId.has(x)).map((x) => visit(x, path))) + 1;
    path.delete(id);
    depth.set(id, d);
    return d;
  };
  stages.forEach((s) => visit(s.id, new Set()));
  return depth;
}
