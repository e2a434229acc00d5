import path from 'node:path';
import { AstUtils, GrammarUtils } from 'langium';
import { Location, LocationLink, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceAnalysis } from '../analysis/analysis.js';
import type { ProjectSegment } from '../analysis/project-evidence.js';
import type { ProjectEvidence } from '../generated/ast.js';
import { wholeText, type QdaSource } from '../qda/index.js';
import { projectReferences } from '../analysis/rules/project-rules.js';
import { qdaSourceUri } from './qda-source-uri.js';

/** Locations a code's definition lists at most (a code may cover thousands of segments). */
const MAX_LOCATIONS = 50;

/**
 * Where the segments of a project reference are: in the read-only text of their source
 * (a `warrant-qda:` document the client asks the server for), at the excerpt.
 */
export function segmentLocations(reference: ProjectEvidence, analysis: WorkspaceAnalysis, origin: Range): LocationLink[] | undefined {
    const resolved = analysis.projects.resolve(reference);
    const project = reference.project?.ref;
    const document = project ? AstUtils.getDocument(project) : undefined;
    if (resolved.status !== 'ok' || !project?.path || document?.uri.scheme !== 'file') {
        return undefined;
    }
    // The same resolution as the workspace's reading (relative to the declaring file), so the server finds it again.
    const projectFile = path.resolve(path.dirname(document.uri.fsPath), project.path);
    const texts = new Map<QdaSource, TextDocument>();
    return resolved.segments.slice(0, MAX_LOCATIONS).flatMap(segment => {
        const link = segmentLink(segment, projectFile, texts, origin);
        return link ? [link] : [];
    });
}

function segmentLink(segment: ProjectSegment, projectFile: string, texts: Map<QdaSource, TextDocument>, origin: Range): LocationLink | undefined {
    const { source, selection } = segment;
    if (!source?.utf8 || !selection.range) {
        return undefined;
    }
    const uri = qdaSourceUri(projectFile, source.guid, source.name);
    let text = texts.get(source);
    if (!text) {
        text = TextDocument.create(uri, 'plaintext', 0, wholeText(source.utf8));
        texts.set(source, text);
    }
    const range = { start: text.positionAt(selection.range.start), end: text.positionAt(selection.range.end) };
    return LocationLink.create(uri, range, range, origin);
}

/**
 * Find references on a project reference: every reference in the workspace to the same code,
 * or to the same segment (by name, GUID or quote alike), located on its string.
 */
export function sameEvidence(reference: ProjectEvidence, analysis: WorkspaceAnalysis): Location[] {
    const identity = (r: ProjectEvidence): string | undefined => {
        const resolved = analysis.projects.resolve(r);
        if (resolved.status !== 'ok' || !r.project?.ref) {
            return undefined;
        }
        return resolved.code ? `code ${resolved.code.guid}` : `segment ${resolved.segments[0]?.selection.guid}`;
    };
    const wanted = identity(reference);
    const project = reference.project?.ref;
    if (wanted === undefined) {
        return [];
    }
    return projectReferences(analysis.elements).flatMap(other => {
        const key = GrammarUtils.findNodeForProperty(other.$cstNode, 'key');
        return other.project?.ref === project && key && identity(other) === wanted ? [Location.create(AstUtils.getDocument(other).uri.toString(), key.range)] : [];
    });
}
