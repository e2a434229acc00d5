export { scanBibliography, scanBibliographyAsync, scanEntryFields, type AsyncScanOptions, type FieldSpan, type BibIndex, type BibIndexEntry, type BibProblem, type BibProblemCode, type RawFields } from './scanner.js';
export { LineIndex, type Position } from './line-index.js';
export {
    parseEntryDetails, partialDetails, reduceForParser, loadBibtexParser, isBibtexParserLoaded, summarize, searchText, stripMarkup, initials, formatNameInverted, formatNameDirect, MAX_DETAILED_ENTRY_LENGTH,
    type BibEntryDetails, type BibEntrySummary, type BibEntryProblem, type BibName
} from './details.js';
export { formatReference, type FormatOptions } from './format.js';
export { KeyMatcher, nearestKeys, maxEditDistance, type KeySuggestion } from './nearest-keys.js';
export { BibliographyStore, type BibliographyStoreOptions, type BibKeyLocation, type BibDiagnostic, type Within } from './bibliography-store.js';
export { texToText, fold, splitNames, parseRawName, parseRawNames, rawFamilyNames, citedFamily } from './tex.js';
export { scanCslJson, scanCslJsonAsync, cslDetails } from './csl-json.js';
export { isCslJson, looksLikeCslJson } from './file-format.js';
