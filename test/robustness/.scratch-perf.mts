import '../../language/polyfills.js';
import { workspaceOf } from '../helpers/workspace.js';
import { cycleOf } from './corpus.js';
const cases: Record<string, string> = {
  dup1200: Array.from({ length: 1200 }, (_, i) => `claim dup "Claim ${i}"`).join('\n') + '\n',
  unknown5000: Array.from({ length: 5000 }, (_, i) => `claim c${i} "C" supported by missing${i}`).join('\n'),
  cycle1000: cycleOf(1000),
};
for (const [name, text] of Object.entries(cases)) {
  const s = Date.now();
  const ws = await workspaceOf({ 'a.warrant': text });
  console.log(name, Date.now() - s, 'ms', ws.diagnostics('a.warrant').length, JSON.stringify(ws.diagnostics('a.warrant')[0]).slice(0, 300));
  ws.dispose();
}
