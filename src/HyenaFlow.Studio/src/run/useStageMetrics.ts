import { useEffect, useState } from 'react';
import { api, MetricPoint, StageView } from '../api';

/** The selected stage's metrics, read again every few seconds while it runs and once when it settles. */
export function useStageMetrics(runId: string, stage?: StageView): { points: MetricPoint[]; error?: string } {
  const [state, setState] = useState<{ points: MetricPoint[]; error?: string }>({ points: [] });
  const id = stage?.id;
  const running = stage?.status === 'running';
  useEffect(() => {
    setState({ points: [] });
    if (!id) return;
    let live = true;
    const load = () =>
      api.metrics(runId, id).then(
        (points) => live && setState({ points }),
        (e: Error) => live && setState({ points: [], error: e.message }),
      );
    void load();
    const timer = running ? setInterval(load, 3000) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [runId, id, running, stage?.status, stage?.attempts]);
  return state;
}
