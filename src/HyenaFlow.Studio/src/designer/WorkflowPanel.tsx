import type { Workflow } from '../workflow/definition';
import { Json } from '../workflow/json';
import { ValueField } from './ValueField';

/** The definition's own members, shown when no stage is selected. */
export function WorkflowPanel({ workflow, onChange }: { workflow: Workflow; onChange: (workflow: Workflow, key: string) => void }) {
  const set = (name: string, value: Json | undefined) => {
    const next: Workflow = { ...workflow };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next, `workflow:${name}`);
  };
  return (
    <div className="panel">
      <h2>Workflow</h2>
      <label>
        id (names the file)
        <ValueField schema={{ type: 'string' }} value={workflow.id} onChange={(v) => set('id', v ?? '')} testId="workflow-id" />
      </label>
      <label>
        version
        <ValueField schema={{ type: 'integer' }} value={workflow.version} onChange={(v) => set('version', v ?? 1)} />
      </label>
      <label>
        description
        <ValueField schema={{ type: 'string' }} value={workflow.description} onChange={(v) => set('description', v)} testId="workflow-description" />
      </label>
      <label>
        parameters
        <ValueField schema={{ type: 'object' }} value={workflow.parameters} onChange={(v) => set('parameters', v)} />
      </label>
      <p className="muted">Drag activities from the palette; connect an output (right) to an input (left); the bottom dot to the top dot adds a needs.</p>
    </div>
  );
}
