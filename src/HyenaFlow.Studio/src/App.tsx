import { useRoute } from './route';
import { WorkflowList } from './pages/WorkflowList';
import { Designer } from './designer/Designer';
import { RunList } from './pages/RunList';
import { RunMonitor } from './run/RunMonitor';
import { Schedules } from './pages/Schedules';
import { ApiKeyPrompt } from './auth/ApiKeyPrompt';

export function App() {
  const [page, id] = useRoute();
  const link = (href: string, label: string, active: boolean) => (
    <a href={href} className={active ? 'active' : ''}>
      {label}
    </a>
  );
  return (
    <div className="app">
      <nav className="top">
        <strong>HyenaFlow Studio</strong>
        {link('#/', 'Workflows', !page || page === 'workflows' || page === 'new')}
        {link('#/runs', 'Runs', page === 'runs')}
        {link('#/schedules', 'Schedules', page === 'schedules')}
      </nav>
      <ApiKeyPrompt />
      <main>
        {page === 'workflows' && id ? (
          <Designer key={id} name={id} />
        ) : page === 'new' ? (
          <Designer key="new" />
        ) : page === 'runs' && id ? (
          <RunMonitor key={id} runId={id} />
        ) : page === 'runs' ? (
          <RunList />
        ) : page === 'schedules' ? (
          <Schedules />
        ) : (
          <WorkflowList />
        )}
      </main>
    </div>
  );
}
