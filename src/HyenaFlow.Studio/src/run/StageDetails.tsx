import type { StageView } from '../api';
import { MetricsCharts } from './MetricsCharts';
import { StageFiles } from './StageFiles';
import { useStageMetrics } from './useStageMetrics';

/** The selected stage of a run: status, timing, error, outputs, its MLflow link and its metrics over steps. */
export function StageDetails({ runId, stage, trackingUrl }: { runId: string; stage: StageView; trackingUrl?: string }) {
  const metrics = useStageMetrics(runId, stage);
  return (
    <div data-testid="stage-details">
      <h2>{stage.id}</h2>
      <p>
        <span className={`status ${stage.status}`} data-testid="stage-details-status">
          {stage.status}
        </span>{' '}
        {stage.activity} · attempts {stage.attempts}
        {stage.status === 'running' && ` · ${Math.round(stage.progress * 100)}%`}
      </p>
      <p className="muted">
        {stage.startedAt && `started ${new Date(stage.startedAt).toLocaleString()}`}
        {stage.finishedAt && ` · finished ${new Date(stage.finishedAt).toLocaleString()}`}
      </p>
      {trackingUrl && (
        <p>
          <a href={trackingUrl} target="_blank" rel="noreferrer" data-testid="stage-mlflow-link">
            MLflow run of this stage ↗
          </a>
        </p>
      )}
      {stage.error && (
        <pre className="error" data-testid="stage-error">
          {stage.error}
        </pre>
      )}
      {stage.outputs != null && <pre className="outputs">{JSON.stringify(stage.outputs, null, 2)}</pre>}
      <h3>Metrics</h3>
      {metrics.error ? <p className="muted">Metrics not available: {metrics.error}</p> : <MetricsCharts points={metrics.points} />}
      <StageFiles runId={runId} stageId={stage.id} settled={`${stage.status}/${stage.attempts}`} />
    </div>
  );
}
