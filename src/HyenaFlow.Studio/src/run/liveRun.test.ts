import { describe, expect, it } from 'vitest';
import type { RunView, StageView } from '../api';
import { emptyLiveRun, liveRun, LiveRun, LiveRunChange } from './liveRun';

const run = (status: string): RunView => ({ id: 'r1', workflowId: 'w', workflowVersion: 1, status, createdAt: '', finishedAt: null, error: null });
const stage = (id: string, status: string): StageView => ({
  id, activity: 'a@1', status, progress: 0, attempts: 1, dependsOn: [], startedAt: null, finishedAt: null, error: null, outputs: null,
});
const apply = (...changes: LiveRunChange[]): LiveRun => changes.reduce(liveRun, emptyLiveRun);

describe('live run state', () => {
  it('shows the one-off read until the stream speaks', () => {
    const state = apply({ kind: 'connect' }, { kind: 'read', run: run('running'), stages: [stage('a', 'running')] });
    expect(state.run?.status).toBe('running');
    expect(state.stages.map((s) => s.status)).toEqual(['running']);
  });

  it('keeps a finished run finished when the read made before it finished is answered after the stream ended', () => {
    const state = apply(
      { kind: 'connect' },
      { kind: 'run', run: run('succeeded') },
      { kind: 'stage', stage: stage('a', 'succeeded') },
      { kind: 'read', run: run('running'), stages: [stage('a', 'running')] },
    );
    expect(state.run?.status).toBe('succeeded');
    expect(state.stages.map((s) => s.status)).toEqual(['succeeded']);
  });

  it('takes the read again on a new connection (a rerun) until that stream speaks', () => {
    const state = apply(
      { kind: 'connect' },
      { kind: 'run', run: run('failed') },
      { kind: 'connect' },
      { kind: 'read', run: run('running'), stages: [stage('a', 'queued')] },
    );
    expect(state.run?.status).toBe('running');
  });

  it('updates a known stage in place and appends a new one', () => {
    const state = apply({ kind: 'stage', stage: stage('a', 'running') }, { kind: 'stage', stage: stage('b', 'pending') }, { kind: 'stage', stage: stage('a', 'succeeded') });
    expect(state.stages.map((s) => `${s.id}:${s.status}`)).toEqual(['a:succeeded', 'b:pending']);
  });

  it('takes the read made after the end as final', () => {
    const state = apply({ kind: 'run', run: run('cancelled') }, { kind: 'stage', stage: stage('a', 'running') }, { kind: 'settled', run: run('cancelled'), stages: [stage('a', 'cancelled')] });
    expect(state.stages.map((s) => s.status)).toEqual(['cancelled']);
  });
});
