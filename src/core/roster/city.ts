/**
 * The city bureau itself, as it writes 填报单位 on its own summaries (重庆市生态环境局, 执法总队 …):
 * not a reporting unit, and not an error either.
 */
const CITY = /^(重庆市)?(生态环境局|环境保护局|生态环境保护综合行政执法总队|执法总队)(执法总队|法制处)?$/;

export function isCityBureau(text: string): boolean {
  return CITY.test(text.replace(/\s+/g, ''));
}
