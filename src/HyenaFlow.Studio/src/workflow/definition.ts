import { isObject, Json, JsonObject, parseJson, writeCanonical } from './json';

/** A stage as the Studio edits it: the file's object, so unknown members survive a save. */
export interface Stage extends JsonObject {
  id: string;
  uses: string;
}

export interface Workflow extends JsonObject {
  id: string;
  version: number;
  stages: Stage[];
}

export function parseWorkflow(text: string): Workflow {
  const json = parseJson(text);
  if (!isObject(json) || !Array.isArray(json.stages)) throw new Error('not a workflow definition: no stages array');
  return json as Workflow;
}

// Member order of WorkflowDefinitionWriter.cs (the schema's order); members it would leave out when empty are
// dropped the same way, and unknown members follow in the order they were read.
const workflowOrder = ['$schema', 'id', 'version', 'description', 'parameters', 'stages'];
const parameterOrder = ['type', 'default', 'description'];
const stageOrder = ['id', 'uses', 'with', 'needs', 'matrix', 'retry', 'resources', 'timeout'];
const retryOrder = ['attempts', 'backoff', 'delay', 'maxDelay'];

function ordered(obj: JsonObject, order: string[], shape: (key: string, value: Json) => Json | undefined = (_, v) => v): JsonObject {
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k))];
  const result: JsonObject = {};
  for (const key of keys) {
    const value = obj[key];
    if (value === undefined) continue;
    const shaped = shape(key, value);
    if (shaped !== undefined) result[key] = shaped;
  }
  return result;
}

const isEmpty = (value: Json) => (Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0);

function stageJson(stage: JsonObject): JsonObject {
  return ordered(stage, stageOrder, (key, value) => {
    if ((key === 'with' || key === 'needs') && isEmpty(value)) return undefined;
    if (key === 'matrix' && isObject(value)) return matrixJson(value);
    if (key === 'retry' && isObject(value)) return ordered(value, retryOrder);
    return value;
  });
}

function matrixJson(matrix: JsonObject): JsonObject {
  // Axes first in their order, then include and exclude (left out when empty).
  const axes = Object.keys(matrix).filter((k) => k !== 'include' && k !== 'exclude');
  return ordered(matrix, [...axes, 'include', 'exclude'], (key, value) =>
    (key === 'include' || key === 'exclude') && isEmpty(value) ? undefined : value,
  );
}

export function workflowJson(workflow: Workflow): JsonObject {
  return ordered(workflow, workflowOrder, (key, value) => {
    if (key === 'description' && value === null) return undefined;
    if (key === 'parameters' && isObject(value)) {
      if (isEmpty(value)) return undefined;
      const parameters: JsonObject = {};
      for (const [name, parameter] of Object.entries(value))
        parameters[name] = isObject(parameter) ? ordered(parameter, parameterOrder) : parameter;
      return parameters;
    }
    if (key === 'stages' && Array.isArray(value)) return value.map((s) => (isObject(s) ? stageJson(s) : s));
    return value;
  });
}

/** The text a save writes: the canonical style, byte-identical to a canonical file that was opened unchanged. */
export function writeWorkflow(workflow: Workflow): string {
  return writeCanonical(workflowJson(workflow));
}
