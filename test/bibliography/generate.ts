/**
 * Deterministic generator of realistic BibTeX libraries (Zotero / Better BibTeX style): several
 * authors with TeX accents, titles with case-protecting braces and math, long abstracts,
 * keywords, DOIs, URLs, file fields, month macros and an @string. Used by the tests and by
 * measure.ts.
 */

function prng(seed: number): () => number {
    let state = seed >>> 0 || 1;
    return () => {
        state ^= state << 13;
        state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5;
        state >>>= 0;
        return state / 0x100000000;
    };
}

const FAMILIES = ['Smith', 'Hakim', 'Hall', 'Merton', 'M{\\"u}ller', 'Garc{\\\'\\i}a', 'O\'Brien', 'van der Berg', 'Nguyen', 'Dudau',
    'McAllister', 'Kov{\\\'a}cs', 'Andersson', 'Rossi', 'de la Cruz', '{\\O}stergaard', 'Tanaka', 'Wei', 'Okafor', 'Schr{\\"o}dinger',
    'Fran{\\c c}ois', 'Lemaître', 'Bourdieu', 'Goffman', 'Strauss', 'Glaser', 'Charmaz', 'Yin', 'Flyvbjerg', 'Ostrom'];
const GIVENS = ['John', 'Catherine', 'Robert K.', 'Jos{\\\'e}', 'Anne-Marie', 'Li', 'Chidi', 'Bj{\\"o}rn', 'Mar{\\\'\\i}a', 'Pierre',
    'Elinor', 'Barney G.', 'Anselm', 'Kathy', 'Robert', 'Bent', 'Erving', 'Adina', 'Graeme', 'Yuki'];
const WORDS = ['collaboration', 'welfare', 'partnerships', 'gender', 'segregation', 'occupational', 'failure', 'evidence',
    'qualitative', 'research', 'theory', 'serendipity', 'empirical', 'inter-professional', 'safeguarding', 'children', 'police',
    'social', 'work', 'institutional', 'analysis', 'governance', 'networks', 'trust', 'accountability', 'policy', 'outcomes',
    'method', 'case', 'study', 'grounded', 'comparative', 'boundaries', 'identity', 'professional', 'norms', 'health'];
const PROTECTED = ['{DNA}', '{England}', '{Wales}', '{UK}', '{NHS}', '{Bayesian}', '{Merton}', '{COVID}-19', '$\\alpha$', '{\\TeX}'];
const JOURNALS = ['American Sociological Review', 'Public Management Review', 'Journal of Interprofessional Care',
    'Gender, Work \\& Organization', 'Policy \\& Politics', 'Social Policy and Administration', 'Child Abuse Review'];
const PUBLISHERS = ['Oxford University Press', 'Cambridge University Press', 'Routledge', 'Sage', 'Policy Press', 'Free Press'];
const TYPES = ['article', 'article', 'article', 'article', 'book', 'incollection', 'inproceedings', 'techreport', 'phdthesis', 'online'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface GeneratedLibrary {
    text: string;
    keys: string[];
}

export function generateBibliography(count: number, seed = 42): GeneratedLibrary {
    const random = prng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
    const sentence = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
    const title = (): string => {
        const words = Array.from({ length: int(4, 12) }, () => random() < 0.12 ? pick(PROTECTED) : pick(WORDS));
        words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
        return words.map(w => random() < 0.5 && /^[a-z]/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w).join(' ')
            + (random() < 0.3 ? `: ${pick(['A', 'The', 'Towards', 'Rethinking'])} ${sentence(int(2, 5))}` : '');
    };
    const used = new Map<string, number>();
    const keys: string[] = [];
    const parts: string[] = ['% Generated library\n@string{pmr = "Public Management Review"}\n\n'];
    for (let i = 0; i < count; i++) {
        const type = pick(TYPES);
        const authors = Array.from({ length: int(1, 6) }, () => `${pick(FAMILIES)}, ${pick(GIVENS)}`);
        const year = int(1948, 2024);
        const stem = authors[0]!.split(',')[0]!.replace(/[^A-Za-z]/g, '') + year;
        const n = used.get(stem) ?? 0;
        used.set(stem, n + 1);
        const key = n === 0 ? stem : `${stem}${n < 26 ? String.fromCharCode(96 + n) : `_${n}`}`;
        keys.push(key);
        const fields: string[] = [
            `  title = {${title()}}`,
            `  author = {${authors.join(' and ')}}`,
            `  year = {${year}}`,
        ];
        switch (type) {
            case 'article':
                fields.push(random() < 0.1 ? '  journal = pmr' : `  journaltitle = {${pick(JOURNALS)}}`,
                    `  volume = {${int(1, 80)}}`, `  number = {${int(1, 12)}}`, `  pages = {${int(1, 400)}--${int(401, 800)}}`,
                    `  month = ${pick(MONTHS)}`);
                break;
            case 'book':
                fields.push(`  publisher = {${pick(PUBLISHERS)}}`, `  location = {${pick(['Oxford', 'London', 'New York', 'Bristol'])}}`);
                break;
            case 'incollection':
                fields.push(`  booktitle = {${title()}}`, `  editor = {${pick(FAMILIES)}, ${pick(GIVENS)} and ${pick(FAMILIES)}, ${pick(GIVENS)}}`,
                    `  publisher = {${pick(PUBLISHERS)}}`, `  pages = {${int(1, 200)}--${int(201, 400)}}`);
                break;
            case 'inproceedings':
                fields.push(`  booktitle = {Proceedings of the ${int(1, 40)}th {Conference} on ${sentence(3)}}`, `  pages = {${int(1, 20)}--${int(21, 40)}}`);
                break;
            case 'techreport':
                fields.push(`  institution = {${pick(['Home Office', 'Office for National Statistics', 'Department for Education'])}}`, `  number = {${int(1, 999)}/${year}}`);
                break;
            case 'phdthesis':
                fields.push(`  school = {University of ${pick(['Glasgow', 'Bristol', 'Leeds', 'York'])}}`);
                break;
            default:
                fields.push(`  url = {https://www.gov.uk/government/statistics/${sentence(3).replace(/ /g, '-')}}`, `  urldate = {2024-0${int(1, 9)}-1${int(0, 9)}}`);
                break;
        }
        if (random() < 0.7) {
            fields.push(`  doi = {10.${int(1000, 9999)}/${sentence(1)}.${year}.${int(100000, 999999)}}`);
        }
        if (random() < 0.8) {
            fields.push(`  abstract = {${Array.from({ length: int(3, 8) }, () => sentence(int(12, 25)) + '.').join(' ')} {Results} show 25\\% of cases.}`);
        }
        if (random() < 0.6) {
            fields.push(`  keywords = {${sentence(int(2, 5)).replace(/ /g, ', ')}}`);
        }
        if (random() < 0.4) {
            fields.push(`  file = {Full Text PDF:files/${int(1, 99999)}/${key}.pdf:application/pdf}`);
        }
        parts.push(`@${type}{${key},\n${fields.join(',\n')}\n}\n\n`);
    }
    return { text: parts.join(''), keys };
}
