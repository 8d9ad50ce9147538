import { api } from '../api';
import { useLoad } from '../useLoad';

export function RunList() {
  const { data, error, reload } = useLoad(api.runs);
  return (
    <section className="page">
      <h1>
        Runs <button onClick={reload}>Refresh</button>
      </h1>
      {error && <p className="error">{error}</p>}
      <table>
        <thead>
          <tr>
            <th>Run</th>
            <th>Workflow</th>
            <th>Status</th>
            <th>Started</th>
            <th>Finished</th>
          </tr>
        </thead>
        <tbody>
          {data?.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`#/runs/${encodeURIComponent(r.id)}`}>{r.id}</a>
              </td>
              <td>
                {r.workflowId} v{r.workflowVersion}
              </td>
              <td>
                <span className={`status ${r.status}`}>{r.status}</span>
              </td>
              <td>{new Date(r.createdAt).toLocaleString()}</td>
              <td>{r.finishedAt ? new Date(r.finishedAt).toLocaleString() : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
