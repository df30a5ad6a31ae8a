/**
 * templates: expert-made starting schemas per domain and task (healthcare, finance, legal, ...), kept as JSON data
 * files with a README per domain, and the text grammars that write notes, clauses and reviews consistent with the row.
 * @module
 */
export { loadTemplate, listTemplates, listDomains, resolveDomain, templateDocuments, lowerTemplateSchema } from './loader.js';
export type { Template, TemplateDocument, TemplateDomain, TemplateSummary } from './loader.js';
export { expandGrammar, grammarToExpression, grammarFields } from './grammar.js';
export type { Grammar, GrammarRule, GrammarSwitch, GrammarText } from './grammar.js';
export { lowerConditionals } from './conditionals.js';
