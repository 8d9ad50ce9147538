import { useEffect, useMemo, useReducer, useState } from 'react';
import { Background, Controls, Edge, MiniMap, NodeChange, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { api, LogLine, RunView, StageView, TrackingLinks } from '../api';
import type { ServerEvent } from '../eventStream';
import { go } from '../route';
import { layeredLayout } from '../workflow/references';
import { RunFlowNode, RunNode } from './RunNode';
import { emptyLiveRun, liveRun } from './liveRun';
import { stageDepths } from './runLayout';
import { StageDetails } from './StageDetails';

const nodeTypes = { 'run-stage': RunNode };
const finished = (status: string) => !['pending', 'running', 'queued'].includes(status);

/** A run's DAG coloured live from its event stream, with the selected stage's details and logs. */
export function RunMonitor({ runId }: { runId: string }) {
  const [{ run, stages }, change] = useReducer(liveRun, emptyLiveRun);
  const [logs, setLogs] = useState<LogLine[]>([]);
  const [selected, setSelected] = useState<string>();
  const [message, setMessage] = useState('');
  const [stream, setStream] = useState(0);
  const [live, setLive] = useState(false);
  const [moved, setMoved] = useState<Record<string, { x: number; y: number }>>({});
  const [tracking, setTracking] = useState<TrackingLinks>();

  useEffect(() => {
    // Answers that arrive after this connection is replaced (a rerun) or the page left describe an older state.
    let current = true;
    let settle: ReturnType<typeof setTimeout> | undefined;
    change({ kind: 'connect' });
    api.run(runId).then(
      (detail) => current && change({ kind: 'read', run: detail.run, stages: detail.stages }),
      (e: Error) => setMessage(e.message),
    );
    // The MLflow links are optional: a server without a tracking server (or without the endpoint) shows none.
    const links = () => api.tracking(runId).then(setTracking, () => undefined);
    void links();
    const source = api.events(runId);
    const data = <T,>(e: ServerEvent) => JSON.parse(e.data) as T;
    source.onopen = () => setLive(true);
    source.addEventListener('run', (e) => change({ kind: 'run', run: data<RunView>(e) }));
    source.addEventListener('stage', (e) => change({ kind: 'stage', stage: data<StageView>(e) }));
    source.addEventListener('log', (e) => {
      const line = data<LogLine>(e);
      setLogs((list) => (list.length && list[list.length - 1].id >= line.id ? list : [...list.slice(-19999), line]));
    });
    source.addEventListener('end', (e) => {
      change({ kind: 'run', run: data<RunView>(e) });
      setLive(false);
      source.close();
      // A stage may settle just after the run does (a cancelled one still stopping); read the final state once.
      settle = setTimeout(() => api.run(runId).then((detail) => current && change({ kind: 'settled', run: detail.run, stages: detail.stages }), () => undefined), 1500);
      void links();
    });
    source.onerror = () => setLive(false);
    return () => {
      current = false;
      clearTimeout(settle);
      source.close();
    };
  }, [runId, stream]);

  const positions = useMemo(() => {
    const depth = stageDepths(stages);
    return layeredLayout(
      stages.map((s) => s.id),
      (id) => depth.get(id) ?? 0,
      () => 90,
      280,
      20,
    );
  }, [stages.map((s) => `${s.id}<${s.dependsOn.join(',')}`).join(';')]); // eslint-disable-line react-hooks/exhaustive-deps

  const nodes: RunFlowNode[] = stages.map((stage) => ({
    id: stage.id,
    type: 'run-stage',
    position: moved[stage.id] ?? positions.get(stage.id) ?? { x: 0, y: 0 },
    selected: stage.id === selected,
    data: { stage },
  }));
  const ids = new Set(stages.map((s) => s.id));
  const edges: Edge[] = stages.flatMap((s) =>
    s.dependsOn.filter((d) => ids.has(d)).map((d) => ({ id: `${d}>${s.id}`, source: d, target: s.id, animated: s.status === 'running' })),
  );
  const onNodesChange = (changes: NodeChange<RunFlowNode>[]) => {
    for (const c of changes) {
      if (c.type === 'select' && c.selected) setSelected(c.id);
      if (c.type === 'position' && c.position) setMoved((m) => ({ ...m, [c.id]: c.position! }));
    }
  };

  const act = async (action: () => Promise<unknown>) => {
    setMessage('');
    try {
      const result = (await action()) as { id?: string } | undefined;
      if (result?.id && result.id !== runId) go('runs', result.id);
      else {
        setLogs([]);
        setStream((s) => s + 1);
      }
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const stage = stages.find((s) => s.id === selected);
  const stageLogs = logs.filter((l) => !selected || l.stage === selected);
  const counts = stages.reduce<Record<string, number>>((c, s) => ({ ...c, [s.status]: (c[s.status] ?? 0) + 1 }), {});

  return (
    <div className="designer">
      <div className="toolbar">
        <strong>
          Run {runId} {run && `· ${run.workflowId} v${run.workflowVersion}`}
        </strong>
        {run && (
          <span className={`status ${run.status}`} data-testid="run-status">
            {run.status}
          </span>
        )}
        {tracking?.url && (
          <a href={tracking.url} target="_blank" rel="noreferrer" data-testid="run-mlflow-link">
            MLflow run ↗
          </a>
        )}
        {tracking?.error && <span className="muted">MLflow: {tracking.error}</span>}
        <span className="muted">{live ? 'live' : 'not streaming'}</span>
        <span className="muted">{Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}</span>
        <button data-testid="cancel" disabled={!run || finished(run.status)} onClick={() => act(() => api.cancel(runId))}>
          Cancel
        </button>
        <button data-testid="rerun-failed" disabled={!run || !finished(run.status)} onClick={() => act(() => api.rerun(runId))}>
          Rerun failed
        </button>
        <button data-testid="rerun-from-here" disabled={!run || !finished(run.status) || !stage} onClick={() => act(() => api.rerun(runId, stage!.id, true))}>
          Rerun from here
        </button>
        <button data-testid="rerun-stage" disabled={!run || !finished(run.status) || !stage} onClick={() => act(() => api.rerun(runId, stage!.id, false))}>
          Rerun this stage
        </button>
        {message && <span className="error">{message}</span>}
      </div>
      {run?.error && (
        <p className="error" data-testid="run-error">
          {run.error}
        </p>
      )}
      <div className="designer-body">
        <div className="canvas">
          <ReactFlowProvider>
            <ReactFlow key={stages.length ? 'stages' : 'empty'} nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} nodesConnectable={false} minZoom={0.1} fitView>
              <Background />
              <Controls />
              <MiniMap pannable zoomable nodeClassName={(n) => `status-${(n.data as { stage: StageView }).stage.status}`} />
            </ReactFlow>
          </ReactFlowProvider>
        </div>
        <div className="panel wide">
          {stage ? (
            <>
              <StageDetails runId={runId} stage={stage} trackingUrl={tracking?.stages?.[stage.id]} />
              <button onClick={() => setSelected(undefined)}>All logs</button>
            </>
          ) : (
            <h2>All stages</h2>
          )}
          <h3>Logs</h3>
          <pre className="logs" data-testid="logs">
            {stageLogs.map((l) => `${new Date(l.at).toLocaleTimeString()} ${selected ? '' : `[${l.stage}] `}${l.attempt > 1 ? `(#${l.attempt}) ` : ''}${l.text}`).join('\n')}
          </pre>
        </div>
      </div>
    </div>
  );
}
