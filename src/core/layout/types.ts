/** How an annex's columns are declared: once, for the reader, the rules, the templates and the reports. */
export interface ColumnDef<K extends string = string> {
  /** stable key (the JSON key of an Annex 1 figure in the aggregate output) */
  key: K;
  /** header text as in the official template (for a two-level header: the lower cell, or the only one) */
  header: string;
  /** for Annex 1's two-level header: the upper (group) cell; columns sharing a group are merged above */
  group?: string;
  /** unit printed after the header, e.g. 个, 次, 家次 */
  unit?: string;
  /** other header spellings accepted on reading (matched after headerKey normalisation) */
  aliases?: string[];
  required: boolean;
  /** an extension column not in the seed's official table */
  optional?: boolean;
  /** width in the template, in Excel character units */
  width: number;
  /** short English label for --lang en and reports */
  en: string;
}
