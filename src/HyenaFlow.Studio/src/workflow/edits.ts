import type { Stage, Workflow } from './definition';
import { isObject, Json, JsonObject } from './json';
import { linksOf, needsOf, outputReference, renameInValue, withoutReference } from './references';

/** Edits of a definition as pure functions: each returns a new workflow sharing what it did not change. */

export function uniqueId(workflow: Workflow, wanted: string): string {
  const taken = new Set(workflow.stages.map((s) => s.id));
  const base = wanted.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z_]/, 's') || 'stage';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function replaceStage(workflow: Workflow, id: string, change: (stage: Stage) => Stage): Workflow {
  return { ...workflow, stages: workflow.stages.map((s) => (s.id === id ? change(s) : s)) };
}

export function addStage(workflow: Workflow, stage: Stage): Workflow {
  return { ...workflow, stages: [...workflow.stages, stage] };
}

/** Sets one input (undefined removes it); with stays in its order, new inputs go last. */
export function setInput(stage: Stage, name: string, value: Json | undefined): Stage {
  const with_: JsonObject = isObject(stage.with) ? { ...stage.with } : {};
  if (value === undefined) delete with_[name];
  else with_[name] = value;
  return { ...stage, with: with_ };
}

export function setMember(stage: Stage, name: string, value: Json | undefined): Stage {
  const next: Stage = { ...stage };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** Connects an output to an input: the input gets the reference, or an array input one more element. */
export function connect(workflow: Workflow, from: string, output: string, to: string, input: string, repeatable: boolean): Workflow {
  const reference = outputReference(from, output);
  return replaceStage(workflow, to, (stage) => {
    const current = isObject(stage.with) ? stage.with[input] : undefined;
    if (!repeatable) return setInput(stage, input, reference);
    const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
    return list.includes(reference) ? stage : setInput(stage, input, [...list, reference]);
  });
}

export function disconnect(workflow: Workflow, from: string, output: string, to: string, input: string): Workflow {
  return replaceStage(workflow, to, (stage) => {
    const current = isObject(stage.with) ? stage.with[input] : undefined;
    return current === undefined ? stage : setInput(stage, input, withoutReference(current, from, output));
  });
}

export function addNeed(workflow: Workflow, from: string, to: string): Workflow {
  return replaceStage(workflow, to, (stage) => (needsOf(stage).includes(from) ? stage : setMember(stage, 'needs', [...needsOf(stage), from])));
}

export function removeNeed(workflow: Workflow, from: string, to: string): Workflow {
  return replaceStage(workflow, to, (stage) => {
    const kept = needsOf(stage).filter((n) => n !== from);
    return setMember(stage, 'needs', kept.length ? kept : undefined);
  });
}

/** Removes stages and what pointed at them (references in with, needs). */
export function removeStages(workflow: Workflow, ids: string[]): Workflow {
  let next: Workflow = { ...workflow, stages: workflow.stages.filter((s) => !ids.includes(s.id)) };
  for (const stage of next.stages) {
    for (const link of linksOf(stage)) if (ids.includes(link.from)) next = disconnect(next, link.from, link.output, link.to, link.input);
    for (const need of needsOf(stage)) if (ids.includes(need)) next = removeNeed(next, need, stage.id);
  }
  return next;
}

export function renameStage(workflow: Workflow, from: string, to: string): Workflow {
  return {
    ...workflow,
    stages: workflow.stages.map((s) => {
      const renamed = s.id === from ? { ...s, id: to } : s;
      const with_ = renamed.with === undefined ? undefined : renameInValue(renamed.with, from, to);
      const needs = needsOf(renamed).includes(from) ? needsOf(renamed).map((n) => (n === from ? to : n)) : undefined;
      let next: Stage = with_ === renamed.with ? renamed : { ...renamed, with: with_ as Json };
      if (needs) next = { ...next, needs };
      return next;
    }),
  };
}

/** Copies of stages with fresh ids; references among the copied stages follow the copies. */
export function pasteStages(workflow: Workflow, stages: Stage[]): { workflow: Workflow; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  let next = workflow;
  for (const stage of stages) {
    const id = uniqueId(next, `${stage.id}-copy`);
    ids.set(stage.id, id);
    next = addStage(next, { ...stage, id });
  }
  for (const [from, to] of ids)
    next = {
      ...next,
      stages: next.stages.map((s) => ([...ids.values()].includes(s.id) ? (renameStage({ ...next, stages: [s] }, from, to).stages[0] as Stage) : s)),
    };
  return { workflow: next, ids };
}
