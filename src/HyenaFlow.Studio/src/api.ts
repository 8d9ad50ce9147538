/** The server's REST API (/api, see hyenaflow serve's OpenAPI document). */
import { fetchWithKey } from './auth/apiKey';
import { EventStream } from './eventStream';

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

/** One logged value of a stage's metric (train/loss, test/accuracy, train/lr…) at a step. */
export interface MetricPoint {
  key: string;
  step: number;
  value: number;
  at: string;
}

/** Links into the MLflow UI: the run's, and each tracked stage's (child run); url is null without a tracking server. */
export interface TrackingLinks {
  url: string | null;
  stages: Record<string, string>;
  /** Set when a tracking server is configured but did not answer. */
  error?: string | null;
}

/** A report file a stage kept (a plot, a table), served at url. */
export interface StageFile {
  stage: string;
  path: string;
  attempt: number;
  at: string;
  url: string;
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
  const response = await fetchWithKey(url, {
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
  events: (id: string) => new EventStream(`/api/runs/${name(id)}/events`),
  metrics: (id: string, stage: string) =>
    request<{ metrics: MetricPoint[] }>('GET', `/api/runs/${name(id)}/stages/${name(stage)}/metrics`).then((r) => r.metrics),
  tracking: (id: string) => request<TrackingLinks>('GET', `/api/runs/${name(id)}/tracking`),
  files: (id: string) => request<StageFile[]>('GET', `/api/runs/${name(id)}/files`),
  /** A report file's bytes (with the API key, which an <img src> could not send) as an object URL. */
  fileUrl: async (url: string) => {
    const response = await fetchWithKey(url);
    if (!response.ok) throw new ApiError(`${response.status}: ${response.statusText}`, response.status, []);
    return URL.createObjectURL(await response.blob());
  },
  schedules: () => request<ScheduleView[]>('GET', '/api/schedules'),
  addSchedule: (workflow: string, cron: string, parameters?: Record<string, unknown>) =>
    request<ScheduleView>('POST', '/api/schedules', json({ workflow, cron, parameters })),
  removeSchedule: (id: string) => request<void>('DELETE', `/api/schedules/${name(id)}`),
};
