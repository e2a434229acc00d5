/** The tutorial's argument as a graph model, and a Markdown paper that embeds it. */
import path from 'node:path';
import { loadWorkspace } from '../../cli/load-workspace.js';
import { buildGraphModel } from '../../language/analysis/graph-model-builder.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { ROOT } from '../webview/harness.js';

export const TUTORIAL = path.join(ROOT, 'examples/tutorial');

export async function tutorialModel(): Promise<GraphModel> {
    const workspace = await loadWorkspace([TUTORIAL], TUTORIAL);
    return buildGraphModel(workspace.services.warrant.Analysis.get());
}

/** What `thirdPlace` rests on in the tutorial (read off examples/tutorial by hand), and an element outside it. */
export const THIRD_PLACE_SUPPORT = ['thirdPlace', 'needQuiet', 'libraryFullLate', 'quietHomePattern', 'quietSpace', 'sharedFlat',
    'meetFriends', 'stairs', 'seatsAt23', 'lateStudents', 'Occupancy', '@Oldenburg1989', '@Library2024'];
export const OUTSIDE_THIRD_PLACE = 'openUntilTwo';

export const PAPER = `# Late evenings in the library

Students stay late because home offers no quiet room.

\`\`\`warrant
claim lateNights "Students stay until closing" supported by stairs
\`\`\`

\`\`\`warrant-map
focus: thirdPlace
height: 300
\`\`\`

\`\`\`js
const x = 1 < 2;
\`\`\`
`;

/** The data-id of every node drawn in an SVG string, in drawing order. */
export function drawnIds(svg: string): string[] {
    return [...svg.matchAll(/<g [^>]*class="w-node[^"]*"[^>]*data-id="([^"]*)"|<g [^>]*data-id="([^"]*)"[^>]*class="w-node/g)].map(m => unescapeXml(m[1] ?? m[2]));
}

function unescapeXml(text: string): string {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
