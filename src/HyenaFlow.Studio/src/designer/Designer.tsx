import { DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Connection,
  Controls,
  Edge,
  MiniMap,
  NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import { api, ActivityView, ApiError, DefinitionProblem } from '../api';
import { go } from '../route';
import { useLoad } from '../useLoad';
import { parseWorkflow, Stage, Workflow, writeWorkflow } from '../workflow/definition';
import { addNeed, addStage, connect, disconnect, pasteStages, removeNeed, removeStages, renameStage, replaceStage, uniqueId } from '../workflow/edits';
import { depths, layeredLayout, linksOf, needsOf, stageIndexOfPath } from '../workflow/references';
import { useHistory } from './history';
import { activityMime, Palette } from './Palette';
import { StageFlowNode, StageNode, stageHeight } from './StageNode';
import { StagePanel } from './StagePanel';
import { WorkflowPanel } from './WorkflowPanel';

type XY = { x: number; y: number };

const nodeTypes = { stage: StageNode };

const blank = (): Workflow => ({ $schema: './schema.json', id: 'new-workflow', version: 1, stages: [] });

export function Designer({ name }: { name?: string }) {
  return (
    <ReactFlowProvider>
      <DesignerCanvas name={name} />
    </ReactFlowProvider>
  );
}

function DesignerCanvas({ name }: { name?: string }) {
  const activities = useLoad(api.activities).data ?? [];
  const byReference = useMemo(() => new Map(activities.map((a) => [a.reference, a])), [activities]);
  const history = useHistory<Workflow>(blank());
  const workflow = history.present;
  const [savedText, setSavedText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState('');
  const [message, setMessage] = useState('');
  const [positions, setPositions] = useState<Record<string, XY>>({});
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [problems, setProblems] = useState<{ stages: Map<string, string[]>; other: DefinitionProblem[] }>({ stages: new Map(), other: [] });
  const clipboard = useRef<{ stages: Stage[]; positions: Record<string, XY> }>({ stages: [], positions: {} });
  const flow = useReactFlow();

  const layout = useCallback(
    (w: Workflow) => {
      const depth = depths(w);
      const placed = layeredLayout(
        w.stages.map((s) => s.id),
        (id) => depth.get(id) ?? 0,
        (id) => {
          const stage = w.stages.find((s) => s.id === id)!;
          return measured[id]?.height ?? stageHeight(stage, byReference.get(stage.uses));
        },
      );
      setPositions(Object.fromEntries(placed));
      setTimeout(() => flow.fitView({ padding: 0.1 }), 50);
    },
    [byReference, flow, measured],
  );

  // Open: the stored text is kept to tell whether anything changed.
  useEffect(() => {
    if (!name) {
      history.reset(blank());
      setSavedText(null);
      return;
    }
    api.workflowText(name).then(
      (text) => {
        try {
          const w = parseWorkflow(text);
          history.reset(w);
          setSavedText(text);
          layout(w);
        } catch (e) {
          setLoadError((e as Error).message);
        }
      },
      (e: Error) => setLoadError(e.message),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);

  // Lay out again once the activities are known, since they decide the nodes' heights.
  useEffect(() => {
    if (activities.length && workflow.stages.length) layout(workflow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activities.length]);

  const text = useMemo(() => writeWorkflow(workflow), [workflow]);
  const dirty = text !== savedText;

  // Validate server-side (exactly as the CLI does) shortly after each change.
  useEffect(() => {
    const stageIds = workflow.stages.map((s) => s.id);
    const timer = setTimeout(() => {
      const show = (list: DefinitionProblem[]) => {
        const stages = new Map<string, string[]>();
        const other: DefinitionProblem[] = [];
        for (const p of list) {
          const index = stageIndexOfPath(p.path);
          const id = index === undefined ? undefined : stageIds[index];
          if (id === undefined) other.push(p);
          else stages.set(id, [...(stages.get(id) ?? []), `${p.path.replace(/^\$\.stages\[\d+\]\.?/, '') || 'stage'}: ${p.message}`]);
        }
        setProblems({ stages, other });
      };
      api.validate(text).then(
        () => show([]),
        (e: Error) => show(e instanceof ApiError && e.problems.length ? e.problems : [{ path: '$', message: e.message }]),
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [text, workflow.stages]);

  const nodes: StageFlowNode[] = useMemo(
    () =>
      workflow.stages.map((stage, i) => ({
        id: stage.id,
        type: 'stage',
        position: positions[stage.id] ?? { x: 0, y: i * 120 },
        measured: measured[stage.id],
        selected: selected.includes(stage.id),
        data: { stage, activity: byReference.get(stage.uses), errors: problems.stages.get(stage.id) ?? [] },
      })),
    [workflow.stages, positions, measured, selected, byReference, problems],
  );

  const edges: Edge[] = useMemo(() => {
    const ids = new Set(workflow.stages.map((s) => s.id));
    const list: Edge[] = [];
    for (const stage of workflow.stages) {
      for (const l of linksOf(stage))
        if (ids.has(l.from))
          list.push({ id: `${l.from}>${l.output}>${l.to}>${l.input}`, source: l.from, sourceHandle: `out:${l.output}`, target: l.to, targetHandle: `in:${l.input}` });
      for (const n of needsOf(stage))
        if (ids.has(n)) list.push({ id: `needs:${n}>${stage.id}`, source: n, sourceHandle: 'done', target: stage.id, targetHandle: 'needs', className: 'needs-edge' });
    }
    return list;
  }, [workflow.stages]);

  const onNodesChange = useCallback((changes: NodeChange<StageFlowNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position) setPositions((p) => ({ ...p, [change.id]: change.position! }));
      else if (change.type === 'dimensions' && change.dimensions) setMeasured((m) => ({ ...m, [change.id]: change.dimensions! }));
      else if (change.type === 'select') setSelected((s) => (change.selected ? [...new Set([...s, change.id])] : s.filter((x) => x !== change.id)));
    }
  }, []);

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: StageFlowNode[]; edges: Edge[] }) => {
      let next = removeStages(workflow, gone.map((n) => n.id));
      for (const e of cut) {
        if (e.sourceHandle === 'done') next = removeNeed(next, e.source, e.target);
        else if (e.sourceHandle && e.targetHandle) next = disconnect(next, e.source, e.sourceHandle.slice(4), e.target, e.targetHandle.slice(3));
      }
      history.commit(next);
      setSelected([]);
    },
    [workflow, history],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => c.source !== c.target && (c.sourceHandle === 'done') === (c.targetHandle === 'needs'),
    [],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle === 'done') return history.commit(addNeed(workflow, c.source, c.target));
      if (!c.sourceHandle?.startsWith('out:') || !c.targetHandle?.startsWith('in:')) return;
      const target = workflow.stages.find((s) => s.id === c.target);
      const input = c.targetHandle.slice(3);
      const repeatable = byReference.get(target?.uses ?? '')?.inputs.find((i) => i.name === input)?.type.endsWith('[]') ?? false;
      history.commit(connect(workflow, c.source, c.sourceHandle.slice(4), c.target, input, repeatable));
    },
    [workflow, history, byReference],
  );

  const add = useCallback(
    (activity: ActivityView, at?: XY) => {
      const id = uniqueId(workflow, activity.name);
      const x = Math.max(0, ...Object.values(positions).map((p) => p.x)) + 320;
      setPositions((p) => ({ ...p, [id]: at ?? { x, y: 0 } }));
      history.commit(addStage(workflow, { id, uses: activity.reference }));
      setSelected([id]);
    },
    [workflow, history, positions],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const activity = byReference.get(e.dataTransfer.getData(activityMime));
    if (activity) add(activity, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  const copy = useCallback(() => {
    const stages = workflow.stages.filter((s) => selected.includes(s.id));
    if (!stages.length) return;
    clipboard.current = { stages, positions: Object.fromEntries(stages.map((s) => [s.id, positions[s.id] ?? { x: 0, y: 0 }])) };
    navigator.clipboard?.writeText(JSON.stringify(stages, null, 2)).catch(() => undefined);
    setMessage(`Copied ${stages.length} stage(s)`);
  }, [workflow, selected, positions]);

  const paste = useCallback(() => {
    const { stages, positions: from } = clipboard.current;
    if (!stages.length) return;
    const { workflow: next, ids } = pasteStages(workflow, stages);
    setPositions((p) => {
      const placed = { ...p };
      for (const [old, id] of ids) placed[id] = { x: from[old].x + 40, y: from[old].y + 40 };
      return placed;
    });
    history.commit(next);
    setSelected([...ids.values()]);
  }, [workflow, history]);

  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (!(e.ctrlKey || e.metaKey) || target.closest('input, textarea, select')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) history.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') history.redo();
      else if (key === 'c') copy();
      else if (key === 'v') paste();
      else if (key === 's') save();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', keys);
    return () => window.removeEventListener('keydown', keys);
  });

  const save = async () => {
    setMessage('');
    try {
      if (name && workflow.id !== name) {
        setMessage(`The id '${workflow.id}' differs from the file's name '${name}'; saving creates workflow '${workflow.id}'.`);
        await api.createWorkflow(text);
        setSavedText(text);
        go('workflows', workflow.id);
        return;
      }
      if (name) await api.saveWorkflow(name, text);
      else await api.createWorkflow(text);
      setSavedText(text);
      setMessage('Saved');
      if (!name) go('workflows', workflow.id);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const run = async () => {
    try {
      const { id } = await api.startRun(name!);
      go('runs', id);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  const selectedStage = selected.length === 1 ? workflow.stages.find((s) => s.id === selected[0]) : undefined;

  return (
    <div className="designer">
      <div className="toolbar">
        <strong>{name ?? 'New workflow'}</strong>
        <button onClick={save} disabled={!dirty} title="Ctrl+S" data-testid="save">
          Save
        </button>
        <button onClick={history.undo} disabled={!history.canUndo} title="Ctrl+Z">
          Undo
        </button>
        <button onClick={history.redo} disabled={!history.canRedo} title="Ctrl+Shift+Z">
          Redo
        </button>
        <button onClick={copy} disabled={!selected.length} title="Ctrl+C">
          Copy
        </button>
        <button onClick={paste} title="Ctrl+V">
          Paste
        </button>
        <button onClick={() => layout(workflow)} data-testid="auto-layout">
          Auto-layout
        </button>
        <button onClick={() => flow.fitView({ padding: 0.1 })} data-testid="fit">
          Fit
        </button>
        <button onClick={run} disabled={!name || dirty} title={dirty ? 'Save first' : 'Start a run of the saved definition'} data-testid="run">
          Run
        </button>
        <span className={dirty ? 'dirty' : 'muted'} data-testid="save-state">
          {dirty ? 'unsaved changes' : 'saved'}
        </span>
        {message && (
          <span className="message" data-testid="designer-message">
            {message}
          </span>
        )}
      </div>
      {loadError && <p className="error">{loadError}</p>}
      {problems.other.length > 0 && (
        <ul className="error problems" data-testid="workflow-problems">
          {problems.other.map((p, i) => (
            <li key={i}>
              {p.path}: {p.message}
              {p.line ? ` (line ${p.line}, column ${p.column})` : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="designer-body">
        <Palette activities={activities} onAdd={(a) => add(a)} />
        <div className="canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onDelete={onDelete}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            deleteKeyCode={['Delete', 'Backspace']}
            minZoom={0.1}
            fitView
          >
            <Background />
            <Controls />
            <MiniMap pannable zoomable />
          </ReactFlow>
        </div>
        {selectedStage ? (
          <StagePanel
            key={selectedStage.id}
            stage={selectedStage}
            activity={byReference.get(selectedStage.uses)}
            errors={problems.stages.get(selectedStage.id) ?? []}
            onChange={(stage, key) => history.commit(replaceStage(workflow, selectedStage.id, () => stage), key)}
            onRename={(to) => {
              if (!to || workflow.stages.some((s) => s.id === to)) return setMessage(`'${to}' is empty or taken`);
              setPositions((p) => ({ ...p, [to]: p[selectedStage.id] }));
              setSelected([to]);
              history.commit(renameStage(workflow, selectedStage.id, to));
            }}
          />
        ) : (
          <WorkflowPanel workflow={workflow} onChange={(w, key) => history.commit(w, key)} />
        )}
      </div>
    </div>
  );
}
