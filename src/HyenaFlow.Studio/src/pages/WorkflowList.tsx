import { useState } from 'react';
import { api } from '../api';
import { go } from '../route';
import { useLoad } from '../useLoad';

export function WorkflowList() {
  const { data, error, reload } = useLoad(api.workflows);
  const [message, setMessage] = useState('');
  const start = async (name: string) => {
    try {
      const { id } = await api.startRun(name);
      go('runs', id);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const remove = async (name: string) => {
    if (!window.confirm(`Delete workflow '${name}'? Its last content is kept as a version.`)) return;
    await api.deleteWorkflow(name).catch((e: Error) => setMessage(e.message));
    reload();
  };
  return (
    <section className="page">
      <h1>
        Workflows <button onClick={() => go('new')} data-testid="new-workflow">
          New workflow
        </button>
      </h1>
      {error && <p className="error">{error}</p>}
      {message && <pre className="error">{message}</pre>}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Version</th>
            <th>Stages</th>
            <th>Description</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.map((w) => (
            <tr key={w.name}>
              <td>
                <a href={`#/workflows/${encodeURIComponent(w.name)}`}>{w.name}</a>
              </td>
              <td>{w.version}</td>
              <td>{w.stages}</td>
              <td className="description">{w.problem ? <span className="error">{w.problem}</span> : w.description}</td>
              <td className="actions">
                <button onClick={() => start(w.name)} disabled={!!w.problem}>
                  Run
                </button>
                <button onClick={() => remove(w.name)}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.length === 0 && <p>No workflows in the folder yet.</p>}
    </section>
  );
}
