import type { NodeStatus } from './vocabulary.js';
import type { ArgumentGraph, ArgumentNode } from './argument-graph.js';
import { datumFacts } from './datum-facts.js';
import { classificationMismatch } from './classification.js';
import { finishStages, type Stages } from './stages.js';

/** Distinct evidence a grounded element rests on, transitively (each list stops growing at its cap). */
export interface Triangulation {
    data: readonly string[];
    respondents: readonly string[];
    methods: readonly string[];
    sources: readonly string[];
    stats: readonly string[];
    /**
     * The independent pieces of evidence, for single-source: each datum; each stat, together
     * with the sources it cites; each source cited directly by a claim or pattern.
     */
    pieces: readonly string[];
}

/**
 * The rules only need to tell one from several (single-source), so the eager pass keeps at
 * most two items per list: O(nodes + edges) time and tiny memory on 40,000 claims. Hovers and
 * code lenses ask for fuller profiles of the few claims on screen (see `profileOf`).
 */
export const RULE_PROFILE_CAP = 2;

/** Counts above this are shown as "32+". */
export const DISPLAY_PROFILE_CAP = 32;

export interface Grounding {
    grounded: boolean[];
    /** The supporter through which each grounded node was first reached: its trace is the chain of `via`s. */
    via: number[];
    /** For each node, the index of its support cycle in `cycles`, or -1. */
    cycleOf: number[];
    /** Each support cycle (strongly connected component of more than one claim), as one closed path through it. */
    cycles: number[][];
    /** Members of each strongly connected component, for nodes with cycleOf ≥ 0. */
    components: number[][];
    contested: boolean[];
    /** Claims that classify a stat into a band its value is not in: contradicted by their own data. */
    contradicted: boolean[];
    /** Per node, its evidence capped at RULE_PROFILE_CAP; undefined when ungrounded. */
    profiles: (Triangulation | undefined)[];
    /** Topological order of all nodes, evidence first. */
    order: number[];
    /** Strongly connected component of each node (claims in a cycle share one). */
    componentOf: number[];
}

/**
 * Grounding as the least fixed point of "a datum or resolved source that identifies a work
 * is grounded; anything with a grounded supporter is grounded": a breadth-first search from
 * the evidence along support edges, so every node and edge is visited once. A cycle grounds
 * nothing by itself, but every member of a cycle that evidence reaches is grounded (and the
 * cycle is still reported, separately). The first supporter that reaches a node gives it a
 * shortest trace. In stages (see analysisStages): the search and the cycles, then the profiles.
 */
export function* groundingStages(graph: ArgumentGraph): Stages<Grounding> {
    // The loops live in plain functions: V8 compiles a generator's loop (on-stack, more than
    // once as it meets new feedback) into several times the code.
    const { grounded, via } = groundedNodes(graph);
    const { components, componentOf, order } = stronglyConnectedComponents(graph);
    yield;
    const { cycleOf, cycles } = supportCycles(graph, components, componentOf);
    const contested = contestedNodes(graph, grounded);
    const contradicted = contradictedNodes(graph);
    yield;
    const profiles = yield* profileStages(graph, grounded, order, componentOf, RULE_PROFILE_CAP);
    return { grounded, via, cycleOf, cycles, components, contested, contradicted, order, componentOf, profiles };
}

/** The breadth-first search from the evidence along support edges. */
function groundedNodes(graph: ArgumentGraph): { grounded: boolean[]; via: number[] } {
    const n = graph.nodes.length;
    const grounded = new Array<boolean>(n).fill(false);
    const via = new Array<number>(n).fill(-1);
    const queue: number[] = [];
    for (const node of graph.nodes) {
        if (isEvidence(node)) {
            grounded[node.index] = true;
            queue.push(node.index);
        }
    }
    for (let head = 0; head < queue.length; head++) {
        const current = queue[head]!;
        for (const dependent of graph.dependents[current]!) {
            if (!grounded[dependent]) {
                grounded[dependent] = true;
                via[dependent] = current;
                queue.push(dependent);
            }
        }
    }
    return { grounded, via };
}

/** For each component of more than one member, a closed path through it, and its members' cycle. */
function supportCycles(graph: ArgumentGraph, components: number[][], componentOf: number[]): { cycleOf: number[]; cycles: number[][] } {
    const cycleOf = new Array<number>(graph.nodes.length).fill(-1);
    const cycles: number[][] = [];
    for (const component of components) {
        const id = cycles.length;
        cycles.push(closedPath(graph, component, componentOf));
        for (const member of component) {
            cycleOf[member] = id;
        }
    }
    return { cycleOf, cycles };
}

function contestedNodes(graph: ArgumentGraph, grounded: boolean[]): boolean[] {
    const contested = new Array<boolean>(graph.nodes.length).fill(false);
    for (let index = 0; index < contested.length; index++) {
        for (const opposer of graph.opposers[index]!) {
            if (grounded[opposer]) {
                contested[index] = true;
                break;
            }
        }
    }
    return contested;
}

function contradictedNodes(graph: ArgumentGraph): boolean[] {
    const contradicted = new Array<boolean>(graph.nodes.length).fill(false);
    for (const node of graph.nodes) {
        const element = node.element;
        if (element?.$type === 'Claim') {
            contradicted[node.index] = element.clauses.some(clause => clause.$type === 'Classification' && classificationMismatch(clause) !== undefined);
        }
    }
    return contradicted;
}

/**
 * Grounded or not comes first (see NodeStatus): `circular` only for a cycle member that
 * nothing grounds; a grounded one shows what else is wrong with it, its own statistic
 * contradicting it before grounded opposition.
 */
export function statusOf(grounding: Grounding, node: ArgumentNode): NodeStatus {
    if (!grounding.grounded[node.index]) {
        return grounding.cycleOf[node.index] >= 0 ? 'circular' : 'ungrounded';
    }
    if (grounding.contradicted[node.index]) {
        return 'contradicted';
    }
    return grounding.contested[node.index] ? 'contested' : 'grounded';
}

/** The chain from a grounded node down to the evidence that grounds it (node first, evidence last). */
export function traceOf(grounding: Grounding, node: ArgumentNode): number[] {
    if (!grounding.grounded[node.index]) {
        return [];
    }
    const chain = [node.index];
    for (let current = grounding.via[node.index]; current >= 0; current = grounding.via[current]) {
        chain.push(current);
    }
    return chain;
}

/** A datum, or a source that resolves and identifies a work. */
function isEvidence(node: ArgumentNode): boolean {
    return node.kind === 'datum' || (node.kind === 'source' && node.source !== undefined && node.source.incomplete === undefined);
}

/**
 * Tarjan's algorithm, iterative (deep support chains must not overflow the stack), over
 * support edges among claims only: only claims can support each other, and self-support
 * is a rule of its own. Returns the components of more than one member (the support cycles),
 * each node's component, and a topological order of all nodes (evidence first) for the
 * profile pass. Almost every component is a single node: those get no list of their own, and
 * the search's frames are two columns of numbers, not an object each.
 */
function stronglyConnectedComponents(graph: ArgumentGraph): { components: number[][]; componentOf: number[]; order: number[] } {
    const n = graph.nodes.length;
    const index = new Array<number>(n).fill(-1);
    const low = new Array<number>(n).fill(0);
    const onStack = new Array<boolean>(n).fill(false);
    const componentOf = new Array<number>(n).fill(-1);
    const stack: number[] = [];
    // Every node as it leaves the stack, component after component (reverse topological order).
    const popped: number[] = [];
    const cycles: number[][] = [];
    let found = 0;
    let counter = 0;
    const frameNodes: number[] = [];
    const frameEdges: number[] = [];
    for (let root = 0; root < n; root++) {
        if (index[root] >= 0) {
            continue;
        }
        frameNodes.push(root);
        frameEdges.push(0);
        index[root] = low[root] = counter++;
        stack.push(root);
        onStack[root] = true;
        while (frameNodes.length > 0) {
            const top = frameNodes.length - 1;
            const node = frameNodes[top];
            const out = graph.dependents[node];
            if (frameEdges[top] < out.length) {
                const next = out[frameEdges[top]++];
                if (next === node) {
                    continue;
                }
                if (index[next] < 0) {
                    index[next] = low[next] = counter++;
                    stack.push(next);
                    onStack[next] = true;
                    frameNodes.push(next);
                    frameEdges.push(0);
                } else if (onStack[next]) {
                    low[node] = Math.min(low[node], index[next]);
                }
                continue;
            }
            frameNodes.pop();
            frameEdges.pop();
            if (top > 0) {
                const parent = frameNodes[top - 1];
                low[parent] = Math.min(low[parent], low[node]);
            }
            if (low[node] === index[node]) {
                const first = popped.length;
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = false;
                    componentOf[member] = found;
                    popped.push(member);
                } while (member !== node);
                if (popped.length - first > 1) {
                    cycles.push(popped.slice(first).reverse());
                }
                found++;
            }
        }
    }
    // Reversed, the components come evidence first, each in the order its members were reached.
    return { components: cycles, componentOf, order: popped.reverse() };
}

/** One closed walk through a component, found by breadth-first search from its first member back to it. */
function closedPath(graph: ArgumentGraph, component: number[], componentOf: number[]): number[] {
    const start = component[0];
    const id = componentOf[start];
    const parent = new Map<number, number>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        const current = queue[head];
        for (const next of graph.dependents[current]) {
            if (componentOf[next] !== id || next === current) {
                continue;
            }
            if (next === start) {
                const path = [current];
                for (let p = parent.get(current); p !== undefined; p = parent.get(p)) {
                    path.push(p);
                }
                // path runs backwards from current to start; a supporter precedes what it supports
                return [...path.reverse(), start];
            }
            if (!parent.has(next)) {
                parent.set(next, current);
                queue.push(next);
            }
        }
    }
    return [...component, start];
}

/**
 * A fuller profile of one node for display, computed on demand over the part of the graph
 * the node rests on and memoised for the rest of the build.
 */
export function profileOf(graph: ArgumentGraph, grounding: Grounding, node: ArgumentNode, memo: Map<number, Triangulation>): Triangulation | undefined {
    if (!grounding.grounded[node.index]) {
        return undefined;
    }
    const cached = memo.get(node.index);
    if (cached) {
        return cached;
    }
    // The supporters' closure, in the global topological order.
    const reached = new Set<number>([node.index]);
    const pending = [node.index];
    while (pending.length > 0) {
        for (const supporter of graph.supporters[pending.pop()!]) {
            if (!reached.has(supporter) && grounding.grounded[supporter]) {
                reached.add(supporter);
                pending.push(supporter);
            }
        }
    }
    const order = grounding.order.filter(index => reached.has(index));
    const profiles = finishStages(profileStages(graph, grounding.grounded, order, grounding.componentOf, DISPLAY_PROFILE_CAP));
    const profile = profiles[node.index]!;
    memo.set(node.index, profile);
    return profile;
}

type MutableProfile = { data: readonly string[]; respondents: readonly string[]; methods: readonly string[]; sources: readonly string[]; stats: readonly string[]; pieces: readonly string[] };
/** What every list of a new profile starts as: additions make new arrays, so one empty list serves all. */
const NONE: readonly string[] = Object.freeze([]);
const PROFILE_KEYS = ['data', 'respondents', 'methods', 'sources', 'stats', 'pieces'] as const;
type ProfileKey = typeof PROFILE_KEYS[number];

/** Nodes between two yields of the profile pass: a few milliseconds' work. */
const PROFILE_STAGE = 2_000;

/**
 * Evidence lists flow from supporters to what they support in topological order; a
 * component shares one list. Capped lists keep this O((nodes + edges) · cap²). In stages of
 * PROFILE_STAGE nodes (5,000 segments of a REFI-QDA project made it one 30 ms block).
 */
function* profileStages(graph: ArgumentGraph, grounded: boolean[], order: number[], componentOf: number[], cap: number): Stages<(Triangulation | undefined)[]> {
    const pass = new ProfilePass(graph, grounded, componentOf, cap);
    for (let start = 0; start < order.length; start += PROFILE_STAGE) {
        if (start > 0) {
            yield;
        }
        pass.run(order, start, Math.min(order.length, start + PROFILE_STAGE));
    }
    return pass.profiles;
}

function shareLists(profile: MutableProfile, from: MutableProfile): void {
    for (const key of PROFILE_KEYS) {
        profile[key] = from[key];
    }
}

/** The profile pass's state between stages (its loop out of the generator, see groundingStages). */
class ProfilePass {
    readonly profiles: (MutableProfile | undefined)[];
    /** By component (dense indices from 0): a component shares one profile. */
    private readonly componentProfiles: (MutableProfile | undefined)[] = [];

    constructor(private readonly graph: ArgumentGraph, private readonly grounded: boolean[], private readonly componentOf: number[], private readonly cap: number) {
        this.profiles = new Array(graph.nodes.length);
    }

    run(order: number[], start: number, end: number): void {
        const { graph, profiles } = this;
        for (let position = start; position < end; position++) {
            const index = order[position]!;
            if (!this.grounded[index]) {
                continue;
            }
            const node = graph.nodes[index]!;
            const component = this.componentOf[index]!;
            let profile = this.componentProfiles[component];
            // A new profile of a node with no evidence of its own (a claim, a pattern) starts as
            // its first supporter's lists, shared: lists are never changed in place (additions
            // make new arrays), so this is the copy item by item without the copying. Most
            // claims rest on one supporter, and this was the most of the pass's time.
            let empty = false;
            if (!profile) {
                profile = { data: NONE, respondents: NONE, methods: NONE, sources: NONE, stats: NONE, pieces: NONE };
                this.componentProfiles[component] = profile;
                empty = node.kind !== 'datum' && node.kind !== 'source' && node.kind !== 'stat';
            }
            this.addOwn(profile, node);
            for (const supporter of graph.supporters[index]!) {
                const from = profiles[supporter];
                if (from && from !== profile) {
                    if (empty) {
                        shareLists(profile, from);
                        empty = false;
                    } else {
                        this.addFrom(profile, from, node.kind === 'stat');
                    }
                }
            }
            profiles[index] = profile;
        }
    }

    private addOwn(profile: MutableProfile, node: ArgumentNode): void {
        const datum = node.kind === 'datum' ? datumFacts(node) : undefined;
        if (datum) {
            this.add(profile, 'data', node.id);
            this.add(profile, 'pieces', node.id);
            if (datum.method) {
                this.add(profile, 'methods', datum.method);
            }
            for (const respondent of datum.respondents) {
                this.add(profile, 'respondents', respondent);
            }
        } else if (node.kind === 'source') {
            this.add(profile, 'sources', node.id);
            this.add(profile, 'pieces', node.id);
        } else if (node.kind === 'stat') {
            this.add(profile, 'stats', node.id);
            this.add(profile, 'pieces', node.id);
        }
    }

    private addFrom(profile: MutableProfile, from: MutableProfile, isStat: boolean): void {
        for (const key of PROFILE_KEYS) {
            if (key === 'pieces' && isStat) {
                continue; // a stat and the sources it cites are one piece of evidence
            }
            const values = from[key];
            for (let i = 0; i < values.length && profile[key].length < this.cap; i++) {
                this.add(profile, key, values[i]!);
            }
        }
    }

    // Each addition makes a new array of the exact length (concat; a first push, or a spread,
    // reserves 17 slots), and most lists hold one or two items: with the AST lists, 4 MB of a
    // 40,000-claim check's heap, and 20 MB more when these were spreads.
    private add(profile: MutableProfile, key: ProfileKey, value: string): void {
        const target = profile[key];
        if (target.length < this.cap && !target.includes(value)) {
            profile[key] = target.concat(value);
        }
    }
}
