import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { analyzeGraph } from '../../shared/deps/analyze.ts';
import { parseCargoMetadata } from '../../shared/deps/cargo-metadata.ts';
import { mermaidDiagram, summaryMarkdown } from '../../shared/deps/summary.ts';
import { cargoMetadata, CRATES_IO } from '../fixtures/deps/graphs.ts';

const analysis = analyzeGraph(
  parseCargoMetadata(
    JSON.stringify(
      cargoMetadata([
        { name: 'app', deps: [{ to: 'a' }, { to: 'serde' }, { to: 't', kinds: ['dev'] }] },
        { name: 'a', deps: [{ to: 'b' }, { to: 'serde' }] },
        { name: 'b', deps: [{ to: 'a' }, { to: 'serde' }] },
        { name: 't', deps: [{ to: 'app' }] },
        { name: 'serde', version: '1.0.0', source: CRATES_IO },
      ]),
    ),
    'm.json',
  ),
);

test('the mermaid diagram draws cycle edges (dev edges dashed) and the most depended-on packages', () => {
  const diagram = mermaidDiagram(analysis);
  assert.match(diagram, /^flowchart LR\n/);
  assert.match(diagram, /n\d+\["serde@1\.0\.0 · dependents: 3"\]/);
  assert.match(diagram, /-->\|normal\|/);
  assert.match(diagram, /-\.->\|dev\|/);
  assert.match(diagram, /subgraph cycles/);
  // a mermaid node lives in one subgraph: a (in a cycle, 2 dependents) is not repeated under "most depended on"
  const aNode = /(n\d+)\["a@0\.1\.0 \(path\)/.exec(diagram)![1]!;
  const topBlock = diagram.slice(diagram.indexOf('subgraph most_depended_on'));
  assert.match(topBlock, /^\s+n\d+$/m);
  assert.doesNotMatch(topBlock, new RegExp(`^\\s+${aNode}$`, 'm'));
});

test('the summary has the score against the threshold, the counts and the findings with their points', () => {
  const md = summaryMarkdown(analysis, 10);
  assert.match(md, /^## Dependency analysis: risk 15\/100 ❌ \(threshold 10\)/);
  assert.match(md, /\| cycle \| a\+b \| \+15 \| dependency cycle of 2 package\(s\): a, b \|/);
  assert.match(md, /\| dev-cycle \| app\+t \| \+0 \|/);
  assert.match(md, /```mermaid\nflowchart LR/);
  assert.match(summaryMarkdown(analysis, 15), /risk 15\/100 ✅/);
});
