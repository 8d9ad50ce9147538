import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflow, writeWorkflow } from './definition';
import { outputReference, linksOf, depths } from './references';

const folder = join(__dirname, '../../../../workflows');
const definitions = readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'schema.json');

describe('save without change', () => {
  it.each(definitions)('%s writes back byte for byte', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    expect(writeWorkflow(parseWorkflow(text))).toBe(text);
  });

  it('puts members in schema order and drops empty with/needs, like WorkflowDefinitionWriter', () => {
    const text = '{"stages":[{"needs":[],"with":{},"uses":"a@1","id":"x","timeout":"1m","retry":{"delay":"1s","attempts":2}}],"version":1,"id":"w"}';
    expect(writeWorkflow(parseWorkflow(text))).toBe(
      '{\n  "id": "w",\n  "version": 1,\n  "stages": [\n    {\n      "id": "x",\n      "uses": "a@1",\n      "retry": {\n        "attempts": 2,\n        "delay": "1s"\n      },\n      "timeout": "1m"\n    }\n  ]\n}\n',
    );
  });

  it('keeps number texts and writes new scalar arrays on one line', () => {
    const workflow = parseWorkflow('{"id":"w","version":1,"stages":[{"id":"a","uses":"a@1","with":{"rate":1.0,"xs":[1,2]}}]}');
    expect(writeWorkflow(workflow)).toContain('"rate": 1.0,\n        "xs": [1, 2]');
  });
});

describe('references', () => {
  it('finds links and depths in the demo', () => {
    const demo = parseWorkflow(readFileSync(join(folder, 'demo.json'), 'utf8'));
    const compare = demo.stages.find((s) => s.id === 'compare')!;
    expect(linksOf(compare).map((l) => l.from)).toContain('evaluate');
    expect(depths(demo).get('synth')).toBe(0);
    expect(outputReference('a', 'b')).toBe('${{ stages.a.outputs.b }}');
  });
});

describe('edits', async () => {
  const { connect, removeStages, renameStage, pasteStages } = await import('./edits');
  const base = parseWorkflow('{"id":"w","version":1,"stages":[{"id":"a","uses":"x@1"},{"id":"b","uses":"y@1","with":{"n":1}}]}');

  it('connects an output to an input and removes the link with the stage', () => {
    const linked = connect(base, 'a', 'out', 'b', 'in', false);
    expect(linked.stages[1].with).toEqual({ n: 1, in: '${{ stages.a.outputs.out }}' });
    expect(removeStages(linked, ['a']).stages).toEqual([{ id: 'b', uses: 'y@1', with: { n: 1 } }]);
  });

  it('renames references and pastes copies with their own links', () => {
    const linked = connect(base, 'a', 'out', 'b', 'in', true);
    expect(renameStage(linked, 'a', 'c').stages[1].with).toEqual({ n: 1, in: ['${{ stages.c.outputs.out }}'] });
    const pasted = pasteStages(linked, linked.stages).workflow;
    expect(pasted.stages.map((s) => s.id)).toEqual(['a', 'b', 'a-copy', 'b-copy']);
    expect(pasted.stages[3].with).toEqual({ n: 1, in: ['${{ stages.a-copy.outputs.out }}'] });
  });
});
