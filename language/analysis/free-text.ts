/**
 * The syntax nodes whose `text` string only says something to a reader: no rule, graph edge or
 * profile reads its words (the map and hovers do, from the syntax tree, at request time). An
 * edit inside one changes nothing the analysis computed (see carryOver, applyFreeTextEdit).
 */
export const FREE_TEXT: ReadonlySet<string> = new Set(['Claim', 'Datum', 'Qualifier', 'WarrantText', 'Unanticipated', 'Anomalous']);
