import { layoutGraph } from './language/graph/layout.ts';
import { renderSvg } from './language/graph/render-svg.ts';
import { readFileSync, writeFileSync } from 'node:fs';
const m = JSON.parse(readFileSync('/tmp/cs.json','utf8'));
const g = await layoutGraph(m);
writeFileSync('/tmp/cs.svg', renderSvg(g, { embedStyle: true }));
