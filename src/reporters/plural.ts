/** English counts: the one helper lives with the labels (src/core/i18n/plural.ts), which the core's English module uses too. */
export { count } from '../core/i18n/plural.js';
