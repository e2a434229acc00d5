/**
 * Deep support chains: the shape that made the picture exports quadratic. Claim i is supported
 * by claim i + 1 and by one of a few hub data, so every hub supports claims thousands of layers
 * apart. Used by the export robustness tests and by `npm run bench`.
 */
export interface SupportChainShape {
    claims: number;
    /** Data in the annex; claim i is also supported by datum i mod hubs (none when 0). */
    hubs: number;
    /** When > 1, claim i is also supported by claim i + skip: long claim-to-claim edges. */
    skip?: number;
    /** When set, every `every`-th claim is also supported by the claim `by` above it: support cycles. */
    back?: { every: number; by: number };
    /** The chain is cut into this many separate chains (default 1). */
    pieces?: number;
}

/** A single `.warrant` document with the chain. */
export function supportChainText(shape: SupportChainShape): string {
    const { claims, hubs, skip = 0, back, pieces = 1 } = shape;
    const pieceLength = Math.ceil(claims / Math.max(1, pieces));
    const lines: string[] = [];
    if (hubs > 0) {
        lines.push('annex Hubs "Data that support many claims" {');
        for (let k = 0; k < hubs; k++) lines.push(`  datum d${k} interview "Datum ${k} of the chain"`);
        lines.push('}');
    }
    for (let i = 0; i < claims; i++) {
        const supports: string[] = [];
        const samePiece = (j: number) => j < claims && Math.floor(j / pieceLength) === Math.floor(i / pieceLength);
        if (samePiece(i + 1)) supports.push(`c${i + 1}`);
        if (skip > 1 && samePiece(i + skip)) supports.push(`c${i + skip}`);
        if (back && i >= back.by && i % back.every === 0) supports.push(`c${i - back.by}`);
        if (hubs > 0) supports.push(`d${i % hubs}`);
        lines.push(`claim c${i} "Claim ${i} of the chain"${supports.length > 0 ? ` supported by ${supports.join(', ')}` : ''}`);
    }
    return lines.join('\n') + '\n';
}
