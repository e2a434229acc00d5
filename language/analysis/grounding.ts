import type { NodeStatus } from '../graph/graph-model.js';
import type { ArgumentGraph, ArgumentNode } from './argument-graph.js';
import { isDatum } from '../generated/ast.js';

/** Distinct evidence a grounded element rests on, transitively. Sets stop growing at PROFILE_CAP. */
export interface Triangulation {
    data: ReadonlySet<string>;
    respondents: ReadonlySet<string>;
    methods: ReadonlySet<string>;
    sources: ReadonlySet<string>;
    stats: ReadonlySet<string>;
}

/** Counts above this are shown as "32+": keeps the profile pass linear in nodes + edges. */
export const PROFILE_CAP = 32;

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
    profiles: (Triangulation | undefined)[];
}

/**
 * Grounding as the least fixed point of "a datum or resolved source is grounded; anything
 * with a grounded supporter is grounded": a breadth-first search from the evidence along
 * support edges, so every node and edge is visited once and cycles ground nothing by
 * construction. The first supporter that reaches a node gives it a shortest trace.
 */
export function computeGrounding(graph: ArgumentGraph): Grounding {
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
        const current = queue[head];
        for (const dependent of graph.dependents[current]) {
            if (!grounded[dependent]) {
                grounded[dependent] = true;
                via[dependent] = current;
                queue.push(dependent);
            }
        }
    }
    const { components, componentOf, order } = stronglyConnectedComponents(graph);
    const cycleOf = new Array<number>(n).fill(-1);
    const cycles: number[][] = [];
    const cycleComponents: number[][] = [];
    for (const component of components) {
        if (component.length > 1) {
            const id = cycles.length;
            cycles.push(closedPath(graph, component, componentOf));
            cycleComponents.push(component);
            for (const member of component) {
                cycleOf[member] = id;
            }
        }
    }
    const contested = graph.nodes.map(node => graph.opposers[node.index].some(opposer => grounded[opposer]));
    return { grounded, via, cycleOf, cycles, components: cycleComponents, contested, profiles: computeProfiles(graph, grounded, order, componentOf) };
}

export function statusOf(grounding: Grounding, node: ArgumentNode): NodeStatus {
    if (grounding.cycleOf[node.index] >= 0) {
        return 'circular';
    }
    if (!grounding.grounded[node.index]) {
        return 'ungrounded';
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

function isEvidence(node: ArgumentNode): boolean {
    return node.kind === 'datum' || (node.kind === 'source' && node.source !== undefined);
}

/**
 * Tarjan's algorithm, iterative (deep support chains must not overflow the stack), over
 * support edges among claims only: only claims can support each other, and self-support
 * is a rule of its own. Returns the components in reverse topological order of the support
 * direction, plus a topological order of all nodes (evidence first) for the profile pass.
 */
function stronglyConnectedComponents(graph: ArgumentGraph): { components: number[][]; componentOf: number[]; order: number[] } {
    const n = graph.nodes.length;
    const index = new Array<number>(n).fill(-1);
    const low = new Array<number>(n).fill(0);
    const onStack = new Array<boolean>(n).fill(false);
    const componentOf = new Array<number>(n).fill(-1);
    const stack: number[] = [];
    const components: number[][] = [];
    let counter = 0;
    const callStack: Array<{ node: number; edge: number }> = [];
    for (let root = 0; root < n; root++) {
        if (index[root] >= 0) {
            continue;
        }
        callStack.push({ node: root, edge: 0 });
        index[root] = low[root] = counter++;
        stack.push(root);
        onStack[root] = true;
        while (callStack.length > 0) {
            const frame = callStack[callStack.length - 1];
            const out = graph.dependents[frame.node];
            if (frame.edge < out.length) {
                const next = out[frame.edge++];
                if (next === frame.node) {
                    continue;
                }
                if (index[next] < 0) {
                    index[next] = low[next] = counter++;
                    stack.push(next);
                    onStack[next] = true;
                    callStack.push({ node: next, edge: 0 });
                } else if (onStack[next]) {
                    low[frame.node] = Math.min(low[frame.node], index[next]);
                }
                continue;
            }
            callStack.pop();
            if (callStack.length > 0) {
                const parent = callStack[callStack.length - 1].node;
                low[parent] = Math.min(low[parent], low[frame.node]);
            }
            if (low[frame.node] === index[frame.node]) {
                const component: number[] = [];
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = false;
                    componentOf[member] = components.length;
                    component.push(member);
                } while (member !== frame.node);
                components.push(component.reverse());
            }
        }
    }
    const order: number[] = [];
    for (let c = components.length - 1; c >= 0; c--) {
        order.push(...components[c]);
    }
    return { components, componentOf, order };
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
 * Evidence sets flow from supporters to what they support in topological order; a
 * component shares one set. Capped sets keep this O((nodes + edges) · cap).
 */
function computeProfiles(graph: ArgumentGraph, grounded: boolean[], order: number[], componentOf: number[]): (Triangulation | undefined)[] {
    type Mutable = { data: Set<string>; respondents: Set<string>; methods: Set<string>; sources: Set<string>; stats: Set<string> };
    const profiles: (Mutable | undefined)[] = new Array(graph.nodes.length).fill(undefined);
    const add = (target: Set<string>, value: string) => {
        if (target.size < PROFILE_CAP) {
            target.add(value);
        }
    };
    const merge = (target: Mutable, from: Mutable) => {
        for (const key of ['data', 'respondents', 'methods', 'sources', 'stats'] as const) {
            if (target[key].size < PROFILE_CAP) {
                for (const value of from[key]) {
                    add(target[key], value);
                }
            }
        }
    };
    const empty = (): Mutable => ({ data: new Set(), respondents: new Set(), methods: new Set(), sources: new Set(), stats: new Set() });
    const componentProfile = new Map<number, Mutable>();
    for (const index of order) {
        if (!grounded[index]) {
            continue;
        }
        const node = graph.nodes[index];
        const component = componentOf[index];
        let profile = componentProfile.get(component);
        if (!profile) {
            profile = empty();
            componentProfile.set(component, profile);
        }
        if (node.kind === 'datum' && node.element && isDatum(node.element)) {
            add(profile.data, node.id);
            if (node.element.method) {
                add(profile.methods, node.element.method);
            }
            for (const respondent of node.element.respondents) {
                add(profile.respondents, respondent.ref?.name ?? respondent.$refText);
            }
        } else if (node.kind === 'source') {
            add(profile.sources, node.id);
        } else if (node.kind === 'stat') {
            add(profile.stats, node.id);
        }
        for (const supporter of graph.supporters[index]) {
            const from = profiles[supporter];
            if (from && from !== profile && grounded[supporter]) {
                merge(profile, from);
            }
        }
        profiles[index] = profile;
    }
    return profiles;
}
