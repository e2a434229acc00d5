/**
 * Warrant in VS Code's Markdown preview (`markdown.markdownItPlugins`): a ` ```warrant ` fence
 * shows its source as usual, marked `warrant-source`; a ` ```warrant-map ` fence becomes the map
 * itself, `<div class="warrant-map-block">` holding the SVG that {@link MapSource} drew in the
 * extension host. VS Code passes its own markdown-it instance, so nothing here imports it.
 */
import { escapeXmlChars, xmlText } from '../../language/graph/escape.js';
import { fenceLanguage, MAP_FENCE, parseMapOptions, SOURCE_FENCE } from './map-options.js';

/** The parts of markdown-it's Token and renderer the plugin uses. */
export interface FenceToken {
    info: string;
    content: string;
    /** Zero-based first and past-the-end lines of the fence in the document. */
    map: [number, number] | null;
    attrs: [string, string][] | null;
    attrJoin(name: string, value: string): void;
}
type RenderRule = (tokens: FenceToken[], index: number, options: unknown, env: unknown, self: unknown) => string;
export interface MarkdownItLike {
    renderer: { rules: { fence?: RenderRule } };
}

export interface MapRequest {
    focus?: string;
    /** The Markdown document, for `scope: document`; the whole workspace when absent. */
    documentUri?: string;
}

/** A map as far as it is known at render time: markdown-it renders synchronously. */
export type MapResult = { svg: string } | { pending: true } | { problem: string };

export interface MapSource {
    map(request: MapRequest): MapResult;
}

export function warrantMarkdownIt<T extends MarkdownItLike>(md: T, maps: MapSource): T {
    const original = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, index, options, env, self) => {
        const token = tokens[index];
        const language = fenceLanguage(token.info);
        if (language === MAP_FENCE) {
            return renderMapBlock(token, maps, documentOf(env));
        }
        if (language === SOURCE_FENCE) {
            token.attrJoin('class', 'warrant-source');
        }
        return original ? original(tokens, index, options, env, self) : '';
    };
    return md;
}

function renderMapBlock(token: FenceToken, maps: MapSource, documentUri: string | undefined): string {
    const options = parseMapOptions(token.content, token.map ? token.map[0] + 2 : 1);
    const problems = [...options.problems];
    let result: MapResult;
    if (options.scope === 'document' && documentUri === undefined) {
        result = { problem: 'scope: document needs a saved Markdown document.' };
    } else {
        result = maps.map({ focus: options.focus, documentUri: options.scope === 'document' ? documentUri : undefined });
    }
    if ('problem' in result) problems.push(result.problem);
    // The token's own attributes carry VS Code's data-line (scroll sync) and code-line class.
    const attrs: [string, string][] = [...(token.attrs ?? []).filter(([name]) => name !== 'class'),
        ['class', ['warrant-map-block', ...classesOf(token), 'pending' in result ? 'warrant-map-pending' : ''].filter(Boolean).join(' ')],
        ['data-scope', options.scope]];
    if (options.focus !== undefined) attrs.push(['data-focus', options.focus]);
    if (options.height !== undefined) attrs.push(['style', `max-height: ${options.height}px`]);
    const rendered = attrs.map(([name, value]) => ` ${name}="${escapeXmlChars(value)}"`).join('');
    const parts = problems.map(text => `<p class="warrant-map-problem">${xmlText(text)}</p>`);
    if ('svg' in result) parts.push(result.svg);
    if ('pending' in result) parts.push('<p class="warrant-map-message">Drawing the argument map…</p>');
    return `<div${rendered}>${parts.join('')}</div>\n`;
}

function classesOf(token: FenceToken): string[] {
    return (token.attrs ?? []).filter(([name]) => name === 'class').flatMap(([, value]) => value.split(/\s+/)).filter(Boolean);
}

/** VS Code's render environment names the document being previewed (a vscode.Uri). */
function documentOf(env: unknown): string | undefined {
    const current = (env as { currentDocument?: { toString(): string } } | undefined)?.currentDocument;
    return current ? current.toString() : undefined;
}
