import { FormEvent, useState } from 'react';
import { api } from '../api';
import { useLoad } from '../useLoad';

export function Schedules() {
  const schedules = useLoad(api.schedules);
  const workflows = useLoad(api.workflows);
  const [workflow, setWorkflow] = useState('');
  const [cron, setCron] = useState('0 0 3 * * ?');
  const [parameters, setParameters] = useState('');
  const [message, setMessage] = useState('');
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    try {
      await api.addSchedule(workflow || workflows.data?.[0]?.name || '', cron, parameters.trim() ? JSON.parse(parameters) : undefined);
      schedules.reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const remove = async (id: string) => {
    await api.removeSchedule(id).catch((e: Error) => setMessage(e.message));
    schedules.reload();
  };
  return (
    <section className="page">
      <h1>Schedules</h1>
      {schedules.error && <p className="error">{schedules.error}</p>}
      <table>
        <thead>
          <tr>
            <th>Workflow</th>
            <th>Cron</th>
            <th>Parameters</th>
            <th>Next fire (local time)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {schedules.data?.map((s) => (
            <tr key={s.id}>
              <td>{s.workflow}</td>
              <td>
                <code>{s.cron}</code>
              </td>
              <td>
                <code>{JSON.stringify(s.parameters)}</code>
              </td>
              <td>{s.nextFire ? new Date(s.nextFire).toLocaleString() : 'never'}</td>
              <td>
                <button onClick={() => remove(s.id)}>Remove</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add}>
        <h2>Add a schedule</h2>
        <label>
          Workflow
          <select value={workflow} onChange={(e) => setWorkflow(e.target.value)}>
            {workflows.data?.map((w) => (
              <option key={w.name}>{w.name}</option>
            ))}
          </select>
        </label>
        <label>
          Quartz cron (seconds first)
          <input value={cron} onChange={(e) => setCron(e.target.value)} />
        </label>
        <label>
          Parameters (JSON object, optional)
          <input value={parameters} placeholder='{"seed": 2}' onChange={(e) => setParameters(e.target.value)} />
        </label>
        <button type="submit">Add</button>
        {message && <pre className="error">{message}</pre>}
      </form>
    </section>
  );
}
