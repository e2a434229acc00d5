/**
 * The only links a reference shows: a DOI that is one (`10.NNNN/…`) as its https://doi.org
 * address, and http, https or `doi:` URLs as the URL parser reads them. Everything else in a
 * `doi` or `url` field is the file's text, not a link, and is never made one.
 */

/** A DOI as registered: `10.`, a registrant code of 4 to 9 digits, `/`, a suffix of printable ASCII. */
const DOI = /^10\.\d{4,9}\/[!-~]+$/;

export type ReferenceLink =
    | { readonly kind: 'link'; readonly text: string; readonly target: string }
    | { readonly kind: 'refused'; readonly field: 'DOI' | 'URL' };

function percent(c: string): string {
    return '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}

/** A DOI field without its resolver (`https://doi.org/`, `doi:`), as entries often give it. */
export function withoutResolver(doi: string): string {
    return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** The DOI itself (resolver removed) if it has the form of one. */
export function validDoi(text: string): string | undefined {
    const doi = withoutResolver(text);
    return DOI.test(doi) ? doi : undefined;
}

function doiLink(doi: string): ReferenceLink {
    // Only unreserved characters and `/ : ;` stay as they are: nothing can end a Markdown link target.
    return { kind: 'link', text: `https://doi.org/${doi}`, target: `https://doi.org/${doi.replace(/[^A-Za-z0-9\-._~/:;]/g, percent)}` };
}

/** The link of a `url` field, if it is an http, https or doi URL. */
function urlLink(text: string): ReferenceLink | undefined {
    let url: URL;
    try {
        url = new URL(text.trim());
    } catch {
        return undefined;
    }
    if (url.protocol === 'doi:') {
        const doi = validDoi(decodeURIComponent(url.pathname));
        return doi ? doiLink(doi) : undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return undefined;
    }
    // The parser percent-encodes spaces, quotes and angle brackets; parentheses and backslashes would end or escape a Markdown target.
    return { kind: 'link', text: url.href, target: url.href.replace(/[()\\]/g, percent) };
}

/** The link a reference shows for its `doi` (preferred) or `url` field, a refusal to show one, or nothing. */
export function referenceLink(doi: string | undefined, url: string | undefined): ReferenceLink | undefined {
    const validated = doi !== undefined ? validDoi(doi) : undefined;
    if (validated) {
        return doiLink(validated);
    }
    const link = url !== undefined ? urlLink(url) : undefined;
    if (link) {
        return link;
    }
    return doi !== undefined ? { kind: 'refused', field: 'DOI' } : url !== undefined ? { kind: 'refused', field: 'URL' } : undefined;
}
