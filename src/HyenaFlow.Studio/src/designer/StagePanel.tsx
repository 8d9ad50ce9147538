import { useEffect, useState } from 'react';
import type { ActivityView } from '../api';
import type { Stage } from '../workflow/definition';
import { isObject, Json } from '../workflow/json';
import { ValueField } from './ValueField';
import { inputNames } from './StageNode';

interface Props {
  stage: Stage;
  activity?: ActivityView;
  errors: string[];
  onChange: (stage: Stage, coalesceKey: string) => void;
  onRename: (to: string) => void;
}

function member(stage: Stage, name: string, value: Json | undefined): Stage {
  const next: Stage = { ...stage };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** The selected stage's id, inputs (a form from each input's schema) and run settings. */
export function StagePanel({ stage, activity, errors, onChange, onRename }: Props) {
  const [id, setId] = useState(stage.id);
  useEffect(() => setId(stage.id), [stage.id]);
  const given = isObject(stage.with) ? stage.with : {};
  const setInput = (name: string, value: Json | undefined) => {
    const with_ = { ...given };
    if (value === undefined) delete with_[name];
    else with_[name] = value;
    onChange({ ...stage, with: with_ }, `input:${stage.id}:${name}`);
  };
  const retry = isObject(stage.retry) ? stage.retry : undefined;
  return (
    <div className="panel" data-testid="stage-panel">
      <h2>Stage</h2>
      <label>
        id
        <input data-testid="stage-id" value={id} onChange={(e) => setId(e.target.value)} onBlur={() => id !== stage.id && onRename(id)} onKeyDown={(e) => e.key === 'Enter' && id !== stage.id && onRename(id)} />
      </label>
      <p className="muted">
        {stage.uses}
        {activity ? ` — ${activity.description}` : ' (not in the catalog)'}
      </p>
      {errors.length > 0 && (
        <ul className="node-errors">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      <h3>Inputs</h3>
      {inputNames(stage, activity).map((name) => {
        const input = activity?.inputs.find((i) => i.name === name);
        return (
          <label key={name} title={input?.description}>
            <span>
              {name}
              {input?.required && input.default == null ? ' *' : ''} <span className="muted">{input?.type}</span>
            </span>
            <ValueField schema={input?.schema ?? {}} value={given[name]} onChange={(v) => setInput(name, v)} testId={`stage-input-${name}`} />
          </label>
        );
      })}
      <h3>Run settings</h3>
      <label>
        resources
        <select value={typeof stage.resources === 'string' ? stage.resources : ''} onChange={(e) => onChange(member(stage, 'resources', e.target.value || undefined), 'resources')}>
          <option value="">activity's choice ({activity?.resources ?? '?'})</option>
          <option>cpu</option>
          <option>gpu</option>
        </select>
      </label>
      <label>
        timeout
        <ValueField schema={{ type: 'string' }} value={stage.timeout} onChange={(v) => onChange(member(stage, 'timeout', v), 'timeout')} />
      </label>
      <label>
        retry attempts
        <ValueField
          schema={{ type: 'integer' }}
          value={retry?.attempts}
          onChange={(v) => onChange(member(stage, 'retry', v === undefined ? undefined : { ...(retry ?? {}), attempts: v }), 'retry')}
        />
      </label>
      <label>
        needs (stage ids)
        <ValueField schema={{ type: 'array' }} value={stage.needs} onChange={(v) => onChange(member(stage, 'needs', v), 'needs')} />
      </label>
      <label>
        matrix
        <ValueField schema={{ type: 'object' }} value={stage.matrix} onChange={(v) => onChange(member(stage, 'matrix', v), 'matrix')} />
      </label>
    </div>
  );
}
