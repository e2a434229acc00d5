/**
 * Snippets offered by completion where the grammar expects their keyword. The same bodies are
 * in snippets/warrant.json for VS Code (test/lsp/decorations.test.ts, "snippets", keeps the two in step).
 */
export interface WarrantSnippet {
    /** The keyword that starts it, and where completion offers it. */
    keyword: 'claim' | 'datum' | 'pattern' | 'scheme';
    description: string;
    body: string[];
}

export const COMPLETION_SNIPPETS: readonly WarrantSnippet[] = [
    {
        keyword: 'claim',
        description: 'A claim with its support and a citation',
        body: [
            'claim ${1:name} "${2:proposition}" {',
            '  supported by ${3:evidence}',
            '  cites @${4:key}',
            '}'
        ]
    },
    {
        keyword: 'datum',
        description: 'A datum of an annex: method, respondent, occurrence and text',
        body: [
            'datum ${1:name} ${2|interview,observation,document,survey,focus-group,fieldnote,archive|} of ${3:respondent} ${4|emergent,prompted|}',
            '  "${5:text}"'
        ]
    },
    {
        keyword: 'pattern',
        description: 'A serendipity pattern (Merton): unanticipated, anomalous, observed data, strategic claim',
        body: [
            'pattern ${1:name} "${2:label}" {',
            '  unanticipated "${3:what was not expected}"',
            '  anomalous "${4:what did not fit}"',
            '  observed ${5:datum}',
            '  strategic ${6:claim}',
            '}'
        ]
    },
    {
        keyword: 'scheme',
        description: 'A threshold scheme with three bands covering 0–100%',
        body: [
            'scheme ${1:name} "${2:label}" cites @${3:key} {',
            '  band ${4:low} "${5:low}" below ${6:25}%',
            '  band ${7:middle} "${8:middle}" ${6:25}% to ${9:55}%',
            '  band ${10:high} "${11:high}" above ${9:55}%',
            '}'
        ]
    }
];
