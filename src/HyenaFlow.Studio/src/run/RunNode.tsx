import { Handle, NodeProps, Position, type Node } from '@xyflow/react';
import type { StageView } from '../api';
import { nodeErrorText } from './errorText';

export type RunFlowNode = Node<{ stage: StageView }, 'run-stage'>;

/** A stage (or matrix cell) of a run, coloured by its status. */
export function RunNode({ data, selected }: NodeProps<RunFlowNode>) {
  const { stage } = data;
  const percent = Math.round(Math.max(0, Math.min(1, stage.progress)) * 100);
  return (
    <div className={`run-node status-${stage.status}${selected ? ' selected' : ''}`} title={stage.error ?? ''} data-testid={`run-node-${stage.id}`} data-status={stage.status}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="stage-id">{stage.id}</div>
      <div className="stage-uses">{stage.activity}</div>
      <div className="run-line">
        <span className={`status ${stage.status}`}>{stage.status}</span>
        {stage.attempts > 1 && <span className="badge">attempt {stage.attempts}</span>}
      </div>
      {stage.status === 'running' && (
        <div className="progress">
          <div style={{ width: `${percent}%` }} />
          <span>{percent}%</span>
        </div>
      )}
      {stage.error && (
        <div className="run-node-error" data-testid={`run-node-error-${stage.id}`}>
          {nodeErrorText(stage.error)}
        </div>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
