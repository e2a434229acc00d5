/**
 * Warrant's custom LSP requests, declared once and used by both the server and the
 * VS Code client (and by any other client that wants the map).
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { CheckReport } from '../cli/check-report.js';
import type { GraphModel } from './graph/graph-model.js';

export interface GraphParams {
    /** The document whose elements (and their evidence) to return; the whole workspace when absent. */
    uri?: string;
}

/** `warrant/graph`: the argument graph model (see graph/graph-model.ts). */
export const GraphRequest = new RequestType<GraphParams, GraphModel, void>('warrant/graph');

/** The figures of `warrant check`'s summary line, for the whole workspace. */
export type WorkspaceSummary = CheckReport['summary'];

export interface WorkspaceSummaryResult {
    summary: WorkspaceSummary;
    /** Problems with `warrant.config.json`, as `warrant check` prints them. */
    configProblems: string[];
}

/** `warrant/summary`: the workspace's summary once every document is validated (*Warrant: Check Workspace*). */
export const WorkspaceSummaryRequest = new RequestType<Record<string, never>, WorkspaceSummaryResult, void>('warrant/summary');
