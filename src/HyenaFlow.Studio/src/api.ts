/** The server's REST API (/api, see hyenaflow serve's OpenAPI document). */

export interface InputView {
  name: string;
  type: string;
  required: boolean;
  default: unknown;
  description: string;
  schema: JsonSchema;
}

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  description?: string;
  default?: unknown;
}

export interface ActivityView {
  name: string;
  version: string;
  reference: string;
  category: string;
  description: string;
  resources: string;
  inputs: InputView[];
  outputs: { name: string; type: string; description: string }[];
}

export interface WorkflowSummary {
  name: string;
  id: string;
  version: number;
  description: string | null;
  stages: number;
  versions: number;
  problem: string | null;
}

export interface DefinitionProblem {
  path: string;
  message: string;
  line?: number | null;
  column?: number | null;
}

export interface RunView {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: string;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface StageView {
  id: string;
  activity: string;
  status: string;
  progress: number;
  attempts: number;
  dependsOn: string[];
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  outputs: unknown;
}

export interface LogLine {
  id: number;
  stage: string;
  attempt: number;
  at: string;
  text: string;
}

export interface ScheduleView {
  id: string;
  workflow: string;
  cron: string;
  parameters: unknown;
  createdAt: string;
  nextFire: string | null;
}

/** A refused request; problems holds the JSON paths of a 400 about a definition. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly problems: DefinitionProblem[]) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: string, asText = false): Promise<T> {
  const response = await fetch(url, {
    method,
    body,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
  if (!response.ok) {
    let detail = response.statusText;
    let problems: DefinitionProblem[] = [];
    try {
      const problem = await response.json();
      detail = problem.detail ?? problem.title ?? detail;
      problems = Array.isArray(problem.errors) ? problem.errors : [];
    } catch {
      // Not a problem document; the status text says enough.
    }
    throw new ApiError(`${response.status}: ${detail}`, response.status, problems);
  }
  if (response.status === 204) return undefined as T;
  return (asText ? response.text() : response.json()) as Promise<T>;
}

const json = (value: unknown) => JSON.stringify(value);
const name = encodeURIComponent;

export const api = {
  activities: () => request<ActivityView[]>('GET', '/api/activities'),
  workflows: () => request<WorkflowSummary[]>('GET', '/api/workflows'),
  /** The stored bytes as text, so a save can reproduce them. */
  workflowText: (workflow: string) => request<string>('GET', `/api/workflows/${name(workflow)}`, undefined, true),
  createWorkflow: (text: string) => request<WorkflowSummary>('POST', '/api/workflows', text),
  saveWorkflow: (workflow: string, text: string) => request<WorkflowSummary>('PUT', `/api/workflows/${name(workflow)}`, text),
  deleteWorkflow: (workflow: string) => request<void>('DELETE', `/api/workflows/${name(workflow)}`),
  validate: (text: string) => request<{ valid: boolean; errors: DefinitionProblem[] }>('POST', '/api/workflows/validate', text),
  runs: () => request<RunView[]>('GET', '/api/runs'),
  startRun: (workflow: string, parameters?: Record<string, unknown>) => request<{ id: string }>('POST', '/api/runs', json({ workflow, parameters })),
  run: (id: string) => request<{ run: RunView; stages: StageView[] }>('GET', `/api/runs/${name(id)}`),
  logs: (id: string, stage?: string) => request<LogLine[]>('GET', `/api/runs/${name(id)}/logs${stage ? `?stage=${name(stage)}` : ''}`),
  cancel: (id: string) => request<unknown>('POST', `/api/runs/${name(id)}/cancel`),
  rerun: (id: string, stage?: string, downstream = false) =>
    request<{ id: string; stages: string[] }>('POST', `/api/runs/${name(id)}/rerun`, json({ stage: stage ?? null, downstream })),
  events: (id: string) => new EventSource(`/api/runs/${name(id)}/events`),
  schedules: () => request<ScheduleView[]>('GET', '/api/schedules'),
  addSchedule: (workflow: string, cron: string, parameters?: Record<string, unknown>) =>
    request<ScheduleView>('POST', '/api/schedules', json({ workflow, cron, parameters })),
  removeSchedule: (id: string) => request<void>('DELETE', `/api/schedules/${name(id)}`),
};
