import type { RunView, StageView } from '../api';

/**
 * What the run monitor shows of a run. Two sources race: the one-off read of the run (GET /api/runs/{id}) and
 * the event stream, which opens with a snapshot of its own and then follows every change. The one-off read only
 * fills the page until the stream speaks: a read answered after the stream's last event (a run that finished
 * while both requests were in flight) would otherwise put a finished run back to 'running' for good, since the
 * stream has closed by then.
 */
export interface LiveRun {
  run?: RunView;
  stages: StageView[];
  /** The current connection has delivered run or stage state; one-off reads are stale from then on. */
  streamed: boolean;
}

export type LiveRunChange =
  | { kind: 'connect' }
  | { kind: 'read'; run: RunView; stages: StageView[] }
  | { kind: 'run'; run: RunView }
  | { kind: 'stage'; stage: StageView }
  /** The read made once the stream has ended: nothing can change any more, so it is the final word. */
  | { kind: 'settled'; run: RunView; stages: StageView[] };

export const emptyLiveRun: LiveRun = { stages: [], streamed: false };

export function liveRun(state: LiveRun, change: LiveRunChange): LiveRun {
  switch (change.kind) {
    case 'connect':
      return { ...state, streamed: false };
    case 'read':
      return state.streamed ? state : { ...state, run: change.run, stages: change.stages };
    case 'run':
      return { ...state, run: change.run, streamed: true };
    case 'stage': {
      const { stage } = change;
      const known = state.stages.some((s) => s.id === stage.id);
      const stages = known ? state.stages.map((s) => (s.id === stage.id ? stage : s)) : [...state.stages, stage];
      return { ...state, stages, streamed: true };
    }
    case 'settled':
      return { ...state, run: change.run, stages: change.stages };
  }
}
