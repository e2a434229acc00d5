import { URI } from 'langium';
import { QDA_SOURCE_SCHEME } from '../protocol.js';

/**
 * `warrant-qda:/R01 social worker.txt?project=<file URI of the .qdpx>&source=<GUID>`: the path
 * names the tab, the query says which project and source.
 */
export function qdaSourceUri(projectFile: string, sourceGuid: string, sourceName: string): string {
    const query = `project=${encodeURIComponent(URI.file(projectFile).toString())}&source=${encodeURIComponent(sourceGuid)}`;
    const name = sourceName.replace(/[\\/?#]/g, '_') || sourceGuid;
    return URI.from({ scheme: QDA_SOURCE_SCHEME, path: `/${name}.txt`, query }).toString();
}

/** The project file (a file-system path) and the source GUID of a `warrant-qda:` URI. */
export function parseQdaSourceUri(uri: string): { projectFile: string; sourceGuid: string } | undefined {
    let parsed: URI;
    try {
        parsed = URI.parse(uri);
    } catch {
        return undefined;
    }
    if (parsed.scheme !== QDA_SOURCE_SCHEME) {
        return undefined;
    }
    const query = new URLSearchParams(parsed.query);
    const project = query.get('project');
    const sourceGuid = query.get('source');
    if (!project || !sourceGuid) {
        return undefined;
    }
    const file = URI.parse(project);
    return file.scheme === 'file' ? { projectFile: file.fsPath, sourceGuid } : undefined;
}
