import { layoutGraph } from './language/graph/layout.ts';
import { readFileSync } from 'node:fs';
const m = JSON.parse(readFileSync('/tmp/cs.json','utf8'));
const t0=performance.now();
const g = await layoutGraph(m);
console.log(Math.round(performance.now()-t0),'ms', g.engine, g.width, g.height, g.groups.map(x=>`${x.title} [${x.summary}] ${x.x},${x.y} ${x.width}x${x.height}`).join('\n'), g.bundles.length);
