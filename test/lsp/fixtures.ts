import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { LspClient, SERVER_BUNDLE } from '../helpers/lsp-client.js';
import { workspaceOf, type TestWorkspace } from '../helpers/workspace.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A published case study, Dudau & McAllister (2018), as .warrant files and a .bib. */
export const CASE_STUDY_DIR = path.join(repository, 'examples/lscb-gender-hypothesis');

/** The case study's .warrant and .bib files by name. */
export function caseStudyFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(CASE_STUDY_DIR)) {
        if (name.endsWith('.warrant') || name.endsWith('.bib')) {
            files[name] = readFileSync(path.join(CASE_STUDY_DIR, name), 'utf8');
        }
    }
    return files;
}

export function hasCaseStudy(): boolean {
    return existsSync(path.join(CASE_STUDY_DIR, 'argument.warrant'));
}

/** A temporary copy of the case study (for the server, which reads the folder itself). */
export function copyCaseStudy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'warrant-case-'));
    cpSync(CASE_STUDY_DIR, dir, { recursive: true });
    return dir;
}

/** The bundled server over stdio on a copy of the case study, `files` open, its first build's diagnostics in. */
export interface CaseStudySession {
    readonly dir: string;
    readonly client: LspClient;
    read(file: string): string;
    close(): Promise<void>;
}

export async function caseStudySession(files: readonly string[]): Promise<CaseStudySession> {
    const dir = copyCaseStudy();
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    const client = await LspClient.start(dir);
    for (const file of files) {
        await client.open(file, read(file));
    }
    await client.diagnosticsOf('argument.warrant', d => d.some(x => x.code === 'unsupported-claim'));
    return {
        dir, client, read,
        async close() {
            await client.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    };
}

/**
 * A suite's case-study session over stdio, with the files open: started before the suite's
 * tests (which are skipped without the server bundle or the case study) and stopped after them.
 * `started` hands the session to the suite once it is up.
 */
export function useCaseStudySession(files: readonly string[], started: (session: CaseStudySession) => unknown): { read(file: string): string } {
    let session: CaseStudySession | undefined;
    before(async function () {
        if (!existsSync(SERVER_BUNDLE) || !hasCaseStudy()) {
            this.skip();
        }
        session = await caseStudySession(files);
        await started(session);
    });
    after(() => session?.close());
    return { read: file => session!.read(file) };
}

/** The case study built like the CLI does (real files: the .bib is read). */
export function caseStudyWorkspace(): Promise<TestWorkspace> {
    return workspaceOf(caseStudyFiles());
}

export function documentOf(workspace: TestWorkspace, file: string): LangiumDocument {
    const document = workspace.documents.find(d => d.uri.fsPath === path.join(workspace.dir, file));
    if (!document) {
        throw new Error(`no document ${file}`);
    }
    return document;
}

/** The position of `needle` (plus `delta` characters) in a text. */
export function positionIn(text: string, needle: string, delta = 1, occurrence = 0): Position {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`"${needle}" not found`);
        }
    }
    const before = text.slice(0, offset + delta);
    const lines = before.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function params(document: LangiumDocument, needle: string, delta = 1, occurrence = 0): { textDocument: { uri: string }; position: Position } {
    return { textDocument: { uri: document.uri.toString() }, position: positionIn(document.textDocument.getText(), needle, delta, occurrence) };
}

/** A small two-file workspace with a .bib, used by most provider tests. */
export const SMALL_FILES: Record<string, string> = {
    'references.bib': [
        '@article{Hall2005,',
        '  author  = {Hall, Pippa},',
        '  title   = {Interprofessional teamwork: professional cultures as barriers},',
        '  journal = {Journal of Interprofessional Care},',
        '  year    = {2005},',
        '  volume  = {19},',
        '  pages   = {188--196}',
        '}',
        '',
        '@book{Hakim1993,',
        '  author    = {Hakim, Catherine},',
        '  title     = {Segregated and integrated occupations: a new approach to analysing social change},',
        '  publisher = {European Sociological Review},',
        '  year      = {1993}',
        '}',
        ''
    ].join('\n'),
    'sources.warrant': [
        'bibliography "references.bib"',
        '',
        'source Merton1948 "Merton on serendipity" {',
        '  author "Merton, R.K."',
        '  year 1948',
        '  title "The Bearing of Empirical Research upon the Development of Sociological Theory"',
        '}',
        ''
    ].join('\n'),
    'evidence.warrant': [
        'respondent SW1 "Social worker" {',
        '  gender: male',
        '  agency: "social care"',
        '}',
        '',
        'annex GenderData "Gender data occurrence" {',
        '  datum teaRequest interview of SW1 emergent',
        '    "the police officer asked the social worker to make him a cup of tea"',
        '  datum memo document prompted "a memo"',
        '}',
        '',
        'stat policeWomen "Women among police officers" = 26% in 2013 cites @Hall2005',
        '',
        'scheme Hakim "Occupational gender segregation" cites @Hakim1993 {',
        '  band maleDominated "male-dominated" below 25%',
        '  band integrated "integrated" 25% to 55%',
        '  band femaleDominated "female-dominated" above 55%',
        '}',
        ''
    ].join('\n'),
    'argument.warrant': [
        'claim policeMaleDominated "Police work is male-dominated"',
        '  classifies policeWomen as maleDominated by Hakim',
        '',
        'pattern genderPattern "Gender as a hidden variable" {',
        '  unanticipated "Gender was not in the protocol"',
        '  anomalous "Collaboration tracked gender norms"',
        '  observed teaRequest',
        '  strategic genderHypothesis',
        '}',
        '',
        'claim genderHypothesis "Gender segregation is a barrier" {',
        '  supported by genderPattern, policeMaleDominated',
        '  cites @Hall2005 p. 189, @Merton1948',
        '}',
        '',
        'claim floating "No evidence at all"',
        ''
    ].join('\n')
};

export function smallWorkspace(extra: Record<string, string> = {}): Promise<TestWorkspace> {
    return workspaceOf({ ...SMALL_FILES, ...extra });
}

/**
 * The workspace of one `describe`: created before its tests (by default the small workspace),
 * disposed after them. Registers the hooks; the returned object stands for the workspace
 * created then.
 */
export function suiteWorkspace(create: () => Promise<TestWorkspace> = () => smallWorkspace()): TestWorkspace {
    let current: TestWorkspace | undefined;
    before(async () => {
        current = await create();
    });
    after(() => current?.dispose());
    return new Proxy({} as TestWorkspace, {
        get: (_, key) => {
            if (!current) {
                throw new Error('the suite workspace is used before its `before` hook ran');
            }
            return Reflect.get(current, key);
        }
    });
}
