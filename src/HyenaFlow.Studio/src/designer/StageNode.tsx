import { Handle, NodeProps, Position, type Node } from '@xyflow/react';
import type { ActivityView } from '../api';
import type { Stage } from '../workflow/definition';
import { isObject } from '../workflow/json';

export type StageNodeData = {
  stage: Stage;
  activity?: ActivityView;
  errors: string[];
};

export type StageFlowNode = Node<StageNodeData, 'stage'>;

export const rowHeight = 18;

/** Input names shown as handles: the activity's, then any the stage gives that the activity does not know. */
export function inputNames(stage: Stage, activity?: ActivityView): string[] {
  const known = activity?.inputs.map((i) => i.name) ?? [];
  const given = isObject(stage.with) ? Object.keys(stage.with) : [];
  return [...known, ...given.filter((g) => !known.includes(g))];
}

export const stageHeight = (stage: Stage, activity?: ActivityView) =>
  64 + rowHeight * Math.max(inputNames(stage, activity).length, activity?.outputs.length ?? 0, 1);

/** A stage in the designer: inputs as target handles on the left, outputs as source handles on the right. */
export function StageNode({ data, selected }: NodeProps<StageFlowNode>) {
  const { stage, activity, errors } = data;
  const inputs = inputNames(stage, activity);
  const outputs = activity?.outputs ?? [];
  const given = isObject(stage.with) ? stage.with : {};
  const matrix = isObject(stage.matrix) ? Object.keys(stage.matrix).filter((k) => k !== 'include' && k !== 'exclude') : [];
  return (
    <div className={`stage-node${selected ? ' selected' : ''}${errors.length ? ' invalid' : ''}`} title={errors.join('\n')} data-testid={`stage-node-${stage.id}`}>
      <Handle type="target" position={Position.Top} id="needs" className="needs-handle" />
      <div className="stage-head">
        <span className="stage-id">{stage.id}</span>
        <span className="stage-uses">{stage.uses}</span>
        {matrix.length > 0 && <span className="badge">matrix: {matrix.join(' × ')}</span>}
        {!activity && <span className="badge bad">unknown activity</span>}
      </div>
      <div className="ports">
        <div className="port-column">
          {inputs.map((name) => {
            const input = activity?.inputs.find((i) => i.name === name);
            return (
              <div key={name} className={`port in${name in given ? ' given' : ''}${input?.required && input.default == null ? ' required' : ''}`}>
                <Handle type="target" position={Position.Left} id={`in:${name}`} data-testid={`in-${stage.id}-${name}`} />
                {name}
              </div>
            );
          })}
        </div>
        <div className="port-column right">
          {outputs.map((o) => (
            <div key={o.name} className="port out" title={`${o.type}: ${o.description}`}>
              {o.name}
              <Handle type="source" position={Position.Right} id={`out:${o.name}`} data-testid={`out-${stage.id}-${o.name}`} />
            </div>
          ))}
        </div>
      </div>
      <Handle type="source" position={Position.Bottom} id="done" className="needs-handle" />
      {errors.length > 0 && (
        <ul className="node-errors" data-testid={`stage-errors-${stage.id}`}>
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
