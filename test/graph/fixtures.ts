/**
 * Graph models for the graph and webview tests and for the measurements: the canonical LSCB
 * case study (Dudau & McAllister 2018), hostile labels, and a generator of realistic
 * workspaces of any size.
 */
import type { NodeKind, NodeStatus } from '../../language/analysis/vocabulary.js';
import type { GraphEdge, GraphModel, GraphNode } from '../../language/graph/graph-model.js';
import { mulberry32 } from '../helpers/random.js';

const FILE = 'file:///workspace/lscb/argument.warrant';
const ANNEX = 'file:///workspace/lscb/annex.warrant';

function at(uri: string, line: number): Pick<GraphNode, 'uri' | 'range'> {
    return { uri, range: { start: { line, character: 0 }, end: { line, character: 40 } } };
}

/** The case study as the server would send it. */
export function lscbModel(): GraphModel {
    const nodes: GraphNode[] = [
        { id: '@Merton1948', kind: 'source', label: 'The Bearing of Empirical Research upon the Development of Sociological Theory', status: 'grounded', detail: 'Merton, R.K. (1948)', ...at(FILE, 2) },
        { id: '@Hakim1993', kind: 'source', label: 'Segregated and integrated occupations: a new approach to analysing social change', status: 'grounded', detail: 'Hakim, C. (1993)' },
        { id: '@HomeOffice2013', kind: 'source', label: 'Police workforce, England and Wales, 31 March 2013', status: 'grounded', detail: 'Home Office (2013)' },
        { id: '@SkillsForCare2013', kind: 'source', label: 'The state of the adult social care sector and workforce in England', status: 'grounded', detail: 'Skills for Care (2013)' },
        { id: '@Hall2005', kind: 'source', label: 'Interprofessional teamwork: professional cultures as barriers', status: 'grounded', detail: 'Hall, P. (2005)' },
        { id: 'teaRequest', kind: 'datum', label: '…the police officer asked the social worker to make him a cup of tea, as if that was her job', status: 'grounded', detail: 'interview · SW1 (social worker, female) · emergent', ...at(ANNEX, 4) },
        { id: 'chairGender', kind: 'datum', label: 'Board meetings were chaired by men from the police and health; women took the minutes', status: 'grounded', detail: 'observation · LSCB board · emergent', ...at(ANNEX, 8) },
        { id: 'protocolDisagreement', kind: 'datum', label: 'Police and social care disagreed on thresholds for a strategy meeting', status: 'grounded', detail: 'interview · P2 (police officer, male) · prompted', ...at(ANNEX, 12) },
        { id: 'informalTalk', kind: 'datum', label: 'Social workers described police colleagues as “not listening unless you shout”', status: 'grounded', detail: 'interview · SW3 (social worker, female) · emergent', ...at(ANNEX, 16) },
        { id: 'policeWomen', kind: 'stat', label: 'Women among police officers, England and Wales', status: 'grounded', detail: '26%', ...at(FILE, 10) },
        { id: 'socialCareWomen', kind: 'stat', label: 'Women among social workers, England', status: 'grounded', detail: '82%', ...at(FILE, 11) },
        { id: 'Hakim', kind: 'scheme', label: 'Occupational gender segregation', status: 'grounded', detail: 'male-dominated < 25% · integrated · female-dominated > 55%', ...at(FILE, 13) },
        { id: 'policeMaleDominated', kind: 'claim', label: 'Police work is unequivocally male-dominated', status: 'grounded', ...at(FILE, 20) },
        { id: 'socialCareFemaleDominated', kind: 'claim', label: 'Social care is female-dominated', status: 'grounded', ...at(FILE, 23) },
        { id: 'genderPattern', kind: 'pattern', label: 'Gender as a hidden variable in partnership working', status: 'grounded', ...at(FILE, 26) },
        { id: 'genderHypothesis', kind: 'claim', label: 'Occupational gender segregation is a barrier to inter-professional collaboration', status: 'contested', ...at(FILE, 33) },
        { id: 'protocolExplanation', kind: 'claim', label: 'Partnership failure is explained by differing procedures alone', status: 'grounded', ...at(FILE, 38) },
        { id: 'lscbFailure', kind: 'claim', label: 'LSCB partnership working fails at the operational level', status: 'grounded', ...at(FILE, 42) },
        { id: 'cultureClaim', kind: 'claim', label: 'Professional cultures reinforce gendered expectations', status: 'ungrounded', ...at(FILE, 46) },
        { id: 'loopA', kind: 'claim', label: 'Trust follows shared training', status: 'circular', ...at(FILE, 50) },
        { id: 'loopB', kind: 'claim', label: 'Shared training follows trust', status: 'circular', ...at(FILE, 52) }
    ];
    const e = (from: string, kind: GraphEdge['kind'], to: string): GraphEdge => ({ from, to, kind });
    const edges: GraphEdge[] = [
        e('policeWomen', 'cites', '@HomeOffice2013'),
        e('socialCareWomen', 'cites', '@SkillsForCare2013'),
        e('Hakim', 'cites', '@Hakim1993'),
        e('policeMaleDominated', 'classifies', 'policeWomen'),
        e('policeMaleDominated', 'classifies', 'Hakim'),
        e('socialCareFemaleDominated', 'classifies', 'socialCareWomen'),
        e('socialCareFemaleDominated', 'classifies', 'Hakim'),
        e('genderPattern', 'observes', 'teaRequest'),
        e('genderPattern', 'observes', 'chairGender'),
        e('genderPattern', 'cites', '@Merton1948'),
        e('genderPattern', 'interprets', 'genderHypothesis'),
        e('policeMaleDominated', 'supports', 'genderHypothesis'),
        e('socialCareFemaleDominated', 'supports', 'genderHypothesis'),
        e('informalTalk', 'supports', 'genderHypothesis'),
        e('genderHypothesis', 'cites', '@Hall2005'),
        e('protocolExplanation', 'opposes', 'genderHypothesis'),
        e('protocolDisagreement', 'supports', 'protocolExplanation'),
        e('genderHypothesis', 'supports', 'lscbFailure'),
        e('protocolDisagreement', 'supports', 'lscbFailure'),
        e('loopA', 'supports', 'loopB'),
        e('loopB', 'supports', 'loopA'),
        e('loopA', 'supports', 'cultureClaim')
    ];
    return { nodes, edges };
}

/** Strings that must come out inert in every output. */
export const HOSTILE = {
    script: '<script>window.__pwned = true</script>',
    img: '<img src=x onerror="window.__pwned=true">',
    quotes: `He said "stop" & she said 'go' </title></text></svg>`,
    bidi: 'admin\u202E\u2066 // check later \u2069\u2066',
    markdown: '| cell | [link](javascript:alert(1)) *bold* `code` <b>x</b> &amp;',
    dot: 'back\\slash "quoted" \\N \\G\nnew line; node [shape=box] -> x',
    control: 'bell\u0007 null\u0000 escape\u001b',
    long: 'Supercalifragilisticexpialidocious-'.repeat(12)
};

/** The LSCB model plus nodes whose ids, labels and details are hostile. */
export function hostileModel(): GraphModel {
    const base = lscbModel();
    const nodes: GraphNode[] = [...base.nodes];
    const edges: GraphEdge[] = [...base.edges];
    Object.entries(HOSTILE).forEach(([name, text], i) => {
        const id = `${name}"<x>'&${text.slice(0, 12)}`;
        nodes.push({ id, kind: (['claim', 'datum', 'source', 'stat', 'pattern', 'scheme'] as NodeKind[])[i % 6], label: text, status: 'ungrounded', detail: text, ...at('file:///workspace/lscb/evil"<x>.warrant', 100 + i) });
        edges.push({ from: id, to: 'genderHypothesis', kind: i % 2 ? 'supports' : 'opposes' });
    });
    return { nodes, edges };
}

const WORDS = ('partnership gender police social care collaboration barrier interview observation board meeting '
    + 'threshold trust procedure culture workforce segregation hypothesis evidence agency practitioner '
    + 'safeguarding children referral strategy professional role expectation norm status informal').split(' ');

/**
 * A realistic workspace of about `size` nodes spread over files of ~80 declarations: per file
 * an annex of data, some stats, a scheme now and then, a chapter thesis and claims at levels
 * 1–5 of generality, each resting on data, stats and more specific claims declared nearby (a
 * few opposing or circular), a pattern now and then; sources come from a shared bibliography.
 * Depth stays bounded (about 8 layers) like a real thesis, whatever the size.
 */
export function generateModel(size: number, seed = 42): GraphModel {
    const random = mulberry32(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const sentence = (min: number, max: number) => {
        const n = min + Math.floor(random() * (max - min + 1));
        const words = Array.from({ length: n }, () => pick(WORDS));
        return words.join(' ').replace(/^./, c => c.toUpperCase());
    };
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const sourceCount = Math.max(3, Math.round(size * 0.1));
    const sources: string[] = [];
    for (let i = 0; i < sourceCount; i++) {
        const id = `@Author${i}${1950 + (i % 70)}`;
        sources.push(id);
        nodes.push({ id, kind: 'source', label: sentence(4, 10), status: 'grounded', detail: `Author${i}, A. (${1950 + (i % 70)})` });
    }
    let file = 0, line = 0, serial = 0;
    const uri = () => `file:///workspace/chapter${String(file).padStart(3, '0')}.warrant`;
    const data: string[] = [], stats: string[] = [], schemes: string[] = [];
    const claims: { id: string; level: number }[] = [];
    const add = (kind: NodeKind, label: string, status: NodeStatus = 'grounded', detail?: string) => {
        const id = `${kind}${serial++}`;
        line += 3;
        nodes.push({ id, kind, label, status, detail, ...at(uri(), line) });
        return id;
    };
    const addClaim = (level: number) => {
        const roll = random();
        const status: NodeStatus = roll < 0.06 ? 'ungrounded' : roll < 0.1 ? 'contested' : roll < 0.12 ? 'circular' : 'grounded';
        const id = add('claim', sentence(6, 16), status);
        const supporters = status === 'ungrounded' ? 0 : 1 + Math.floor(random() * 3);
        const specific = claims.slice(-30).filter(c => c.level > level);
        for (let k = 0; k < supporters; k++) {
            if (specific.length > 0 && random() < 0.5) edges.push({ from: pick(specific).id, to: id, kind: 'supports' });
            else if (data.length > 0) edges.push({ from: pick(data.slice(-12)), to: id, kind: 'supports' });
        }
        if (stats.length > 0 && random() < 0.1) {
            edges.push({ from: id, to: pick(stats.slice(-6)), kind: 'classifies' });
            if (schemes.length > 0) edges.push({ from: id, to: pick(schemes.slice(-3)), kind: 'classifies' });
        }
        if (random() < 0.3) edges.push({ from: id, to: pick(sources), kind: 'cites' });
        const peers = claims.slice(-20).filter(c => c.level >= level);
        if (status === 'contested' && peers.length > 0) edges.push({ from: pick(peers).id, to: id, kind: 'opposes' });
        if (status === 'circular' && peers.length > 0) {
            const other = pick(peers).id;
            edges.push({ from: id, to: other, kind: 'supports' }, { from: other, to: id, kind: 'supports' });
        }
        claims.push({ id, level });
        return id;
    };
    while (nodes.length < size) {
        if (line > 240) {
            // close the chapter with its thesis, resting on the chapter's general claims
            const thesis = addClaim(0);
            const general = claims.filter(c => c.level === 1).slice(-4);
            for (const c of general) edges.push({ from: c.id, to: thesis, kind: 'supports' });
            file++;
            line = 0;
            continue;
        }
        const r = random();
        if (r < 0.36) {
            data.push(add('datum', sentence(8, 24), 'grounded', `${pick(['interview', 'observation', 'document', 'survey'])} · R${Math.floor(random() * 40)} · ${random() < 0.6 ? 'emergent' : 'prompted'}`));
        } else if (r < 0.44) {
            const id = add('stat', sentence(4, 9), 'grounded', `${Math.floor(random() * 100)}%`);
            stats.push(id);
            edges.push({ from: id, to: pick(sources), kind: 'cites' });
        } else if (r < 0.46) {
            const id = add('scheme', sentence(3, 5));
            schemes.push(id);
            edges.push({ from: id, to: pick(sources), kind: 'cites' });
        } else if (r < 0.93) {
            addClaim(5 - Math.min(4, Math.floor(-Math.log(1 - random()) * 1.6)));
        } else if (data.length > 2 && claims.length > 0) {
            const id = add('pattern', sentence(5, 10));
            for (let k = 0; k < 2 + Math.floor(random() * 2); k++) edges.push({ from: id, to: pick(data.slice(-20)), kind: 'observes' });
            edges.push({ from: id, to: pick(claims.slice(-15)).id, kind: 'interprets' });
        }
    }
    return { nodes, edges };
}

/**
 * The model with one more claim declared in the middle of a file, supported by two existing
 * data and supporting an existing claim — the edit whose effect on the layout we bound.
 */
export function withOneMoreClaim(model: GraphModel): GraphModel {
    const declared = model.nodes.filter(n => n.uri && n.range);
    const middle = Math.floor(declared.length / 2);
    const anchor = declared[middle];
    const data = declared.slice(0, middle).filter(n => n.kind === 'datum').slice(-2);
    const claim = declared.slice(middle).find(n => n.kind === 'claim') ?? declared.find(n => n.kind === 'claim')!;
    const id = 'addedClaim';
    const added: GraphNode = {
        id, kind: 'claim', label: 'A newly written claim about partnership working', status: 'grounded',
        uri: anchor.uri, range: { start: { line: anchor.range!.start.line, character: 1 }, end: { line: anchor.range!.start.line, character: 30 } }
    };
    const edges: GraphEdge[] = [...model.edges,
        ...data.map(d => ({ from: d.id, to: id, kind: 'supports' as const })),
        { from: id, to: claim.id, kind: 'supports' }];
    return { nodes: [...model.nodes, added], edges };
}
