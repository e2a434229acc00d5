import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { EdgeKind, NodeKind, NodeStatus } from '../../language/analysis/vocabulary.js';
import { markdownText, neutralize } from '../../language/graph/escape.js';
import type { GraphModel } from '../../language/graph/graph-model.js';
import { GraphRequest } from '../../language/protocol.js';
import { nodeAt, revealDeclaration } from '../declarations.js';
import { EvidenceModel } from './evidence-model.js';

export const EVIDENCE_VIEW_ID = 'warrant.evidence';
export const REVEAL_EVIDENCE_COMMAND = 'warrant.evidence.reveal';

/** One row: a node reached from a top-level claim along `parent`s. */
export interface EvidenceElement {
    readonly id: string;
    readonly parent?: EvidenceElement;
    /** The link from the parent ("supports", "cites", …); none at the top level. */
    readonly via?: EdgeKind;
    /** The node is already an ancestor of this row: shown, not expanded again. */
    readonly repeated: boolean;
}

const KIND_ICONS: Record<NodeKind, string> = {
    claim: 'lightbulb', pattern: 'symbol-event', datum: 'quote', stat: 'graph', source: 'book', scheme: 'symbol-ruler'
};
const STATUS_COLOURS: Record<NodeStatus, string> = {
    grounded: 'testing.iconPassed', ungrounded: 'list.warningForeground', contested: 'list.errorForeground',
    contradicted: 'problemsWarningIcon.foreground', circular: 'list.errorForeground'
};
/** How a row names the link from its parent, read from the parent: "supported by", "cites", … */
const VIA_WORDS: Record<EdgeKind, string> = {
    supports: 'supported by', opposes: 'opposed by', interprets: 'interpreted by', cites: 'cites', observes: 'observes', classifies: 'classifies'
};
const CURSOR_DELAY_MS = 150;

/**
 * The evidence tree of the Explorer: every claim of the workspace (conclusions first), under each
 * what it rests on, down to data, stats and sources. Reads the server's graph model, refreshes on
 * `warrant/graphChanged`, opens a declaration on click and selects the element under the cursor.
 */
export class EvidenceTree implements vscode.TreeDataProvider<EvidenceElement>, vscode.Disposable {
    readonly view: vscode.TreeView<EvidenceElement>;
    private evidence = new EvidenceModel({ nodes: [], edges: [] });
    /** Rows by path, so the tree and `reveal` see one object per row. */
    private rows = new Map<string, EvidenceElement>();
    private version = 0;
    private cursorTimer: NodeJS.Timeout | undefined;
    private readonly changeEmitter = new vscode.EventEmitter<EvidenceElement | undefined>();
    readonly onDidChangeTreeData = this.changeEmitter.event;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly client: () => LanguageClient | undefined) {
        this.view = vscode.window.createTreeView(EVIDENCE_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
        this.disposables.push(
            this.view,
            this.changeEmitter,
            vscode.commands.registerCommand(REVEAL_EVIDENCE_COMMAND, (id: unknown) => typeof id === 'string' ? revealDeclaration(this.evidence.node(id)) : false),
            vscode.window.onDidChangeTextEditorSelection(event => this.cursorMoved(event.textEditor)),
            this.view.onDidChangeVisibility(event => event.visible && vscode.window.activeTextEditor && this.cursorMoved(vscode.window.activeTextEditor))
        );
        void this.refresh();
    }

    /** `settled`: the argument changed and the changes have paused (GraphChanges.onDidSettle). */
    listenTo(settled: vscode.Event<void>): vscode.Disposable {
        return settled(() => void this.refresh());
    }

    /** Asks the server for the workspace's model; a newer refresh wins over a slower older one. */
    async refresh(): Promise<void> {
        const version = ++this.version;
        let model: GraphModel;
        try {
            const client = this.client();
            if (!client) {
                return;
            }
            model = await client.sendRequest(GraphRequest.method, {});
        } catch {
            return; // the server is restarting; its next graphChanged refreshes
        }
        if (version !== this.version) {
            return;
        }
        // A newer or older server may answer something else: show nothing rather than fail.
        this.evidence = new EvidenceModel(Array.isArray(model?.nodes) && Array.isArray(model?.edges) ? model : { nodes: [], edges: [] });
        this.rows.clear();
        void vscode.commands.executeCommand('setContext', 'warrant.hasArgument', this.evidence.model.nodes.length > 0);
        this.changeEmitter.fire(undefined);
        // The rows are new: select the cursor's again (a reveal under way may have met the old ones).
        if (vscode.window.activeTextEditor) {
            this.cursorMoved(vscode.window.activeTextEditor);
        }
    }

    /** The model the tree shows (for tests and other views). */
    get model(): EvidenceModel {
        return this.evidence;
    }

    getChildren(element?: EvidenceElement): EvidenceElement[] {
        if (!element) {
            return this.evidence.claims().map(claim => this.row(claim.id));
        }
        if (element.repeated) {
            return [];
        }
        return this.evidence.reliances(element.id).map(r => this.row(r.id, element, r.via));
    }

    getParent(element: EvidenceElement): EvidenceElement | undefined {
        return element.parent;
    }

    getTreeItem(element: EvidenceElement): vscode.TreeItem {
        const node = this.evidence.node(element.id)!;
        const expandable = !element.repeated && this.evidence.reliances(element.id).length > 0;
        const name = neutralize(node.id);
        const item = new vscode.TreeItem(name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = keyOf(element);
        const via = element.via ? `${VIA_WORDS[element.via]} · ` : '';
        const summary = this.evidence.summary(node.id);
        const role = element.repeated ? ' · already above' : !element.parent && this.evidence.isConclusion(node.id) ? ' · conclusion' : '';
        item.description = `${via}${summary}${role}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind] ?? 'circle-outline', new vscode.ThemeColor(STATUS_COLOURS[node.status] ?? 'foreground'));
        item.tooltip = this.tooltip(element);
        item.accessibilityInformation = { label: `${via}${node.kind} ${name}, ${summary}${role}: ${neutralize(node.label)}`, role: 'treeitem' };
        item.contextValue = node.kind;
        item.command = { command: REVEAL_EVIDENCE_COMMAND, title: 'Go to Declaration', arguments: [node.id] };
        return item;
    }

    /** The node's text, detail and grounding path; every user string escaped as Markdown. */
    private tooltip(element: EvidenceElement): vscode.MarkdownString {
        const node = this.evidence.node(element.id)!;
        const lines = [`**${node.kind} ${markdownText(node.id)}** — ${markdownText(this.evidence.summary(node.id))}`, markdownText(node.label)];
        if (node.detail) {
            lines.push(`*${markdownText(node.detail)}*`);
        }
        const path = this.evidence.groundingPath(node.id);
        lines.push(path ? `Grounded through: ${path.map(markdownText).join(' → ')}` : 'Rests on no datum, stat or resolved source.');
        const markdown = new vscode.MarkdownString(lines.join('\n\n'));
        markdown.isTrusted = false;
        markdown.supportHtml = false;
        return markdown;
    }

    private row(id: string, parent?: EvidenceElement, via?: EdgeKind): EvidenceElement {
        const element: EvidenceElement = { id, parent, via, repeated: isAncestor(id, parent) };
        const key = keyOf(element);
        const existing = this.rows.get(key);
        if (existing) {
            return existing;
        }
        this.rows.set(key, element);
        return element;
    }

    /** The row of a node: a claim at the top level, anything else on its shortest path from a claim. */
    rowOf(id: string): EvidenceElement | undefined {
        const place = this.evidence.placeOf(id);
        return place?.steps.reduce((parent, step) => this.row(step.id, parent, step.via), this.row(place.claim));
    }

    private cursorMoved(editor: vscode.TextEditor): void {
        if (editor.document.languageId !== 'warrant' || !this.view.visible) {
            return;
        }
        clearTimeout(this.cursorTimer);
        this.cursorTimer = setTimeout(() => void this.follow(editor), CURSOR_DELAY_MS);
    }

    /** Selects the row of the element under the cursor, unless a row of it is already selected (a click in the tree). */
    private async follow(editor: vscode.TextEditor): Promise<void> {
        const under = nodeAt(this.evidence.model.nodes, editor.document.uri.toString(), editor.selection.active);
        if (!under || this.view.selection.some(selected => selected.id === under.id)) {
            return;
        }
        const row = this.rowOf(under.id);
        if (row) {
            await Promise.resolve(this.view.reveal(row, { select: true, focus: false, expand: false })).catch(() => undefined);
        }
    }

    dispose(): void {
        clearTimeout(this.cursorTimer);
        this.disposables.forEach(d => d.dispose());
    }
}

function isAncestor(id: string, parent: EvidenceElement | undefined): boolean {
    for (let at = parent; at; at = at.parent) {
        if (at.id === id) {
            return true;
        }
    }
    return false;
}

/** A row's path from its top-level claim, unique in the tree (ids are workspace-unique names or `@keys`). */
function keyOf(element: EvidenceElement): string {
    const ids: string[] = [];
    for (let at: EvidenceElement | undefined = element; at; at = at.parent) {
        ids.unshift(at.id);
    }
    return JSON.stringify(ids);
}
