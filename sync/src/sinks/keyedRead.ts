// Reads records by their external keys: `WHERE key IN ('…', …)`, split into as many queries as keep
// each request URL within the platform's limits. A record is found by its key wherever a person
// moved its other fields.
import type { OrgApi } from '../org/api';
import { restQuery, soqlString, type OrgRow } from '../org/query';

/**
 * Budget for the URL-encoded SOQL of one REST query. "In each REST call, the maximum length for the
 * combined URI and headers is 16,384 bytes. A request exceeding this limit returns a 431 Request
 * Header Fields Too Large error. If the URI itself exceeds this limit, the request returns a 414 URI
 * Too Long error." (Salesforce Help, Maximum number of rows returned by SOQL queries over the REST
 * API, article 000386264). Half of that leaves room for the path and the headers, and stays far below
 * SOQL's own ceiling: "Maximum length of SOQL statements: By default, 100,000 characters." (Salesforce
 * Developer Limits and Allocations Quick Reference, SOQL and SOSL Limits for Search Queries).
 */
export const encodedQueryBudget = 8000;

/** The SOQL statements, each within `budget` once URL-encoded, that together select every key. */
export function keyQueries(select: string, keyField: string, keys: readonly string[], budget = encodedQueryBudget): string[] {
    const head = `${select} WHERE ${keyField} IN (`;
    const fixed = encodeURIComponent(head).length + encodeURIComponent(')').length;
    const queries: string[] = [];
    let literals: string[] = [];
    let length = fixed;
    const comma = encodeURIComponent(',').length;
    for (const key of new Set(keys)) {
        const literal = soqlString(key);
        const size = encodeURIComponent(literal).length;
        if (fixed + size > budget) throw new Error(`the key ${literal.slice(0, 40)}… is too long to query by`);
        if (literals.length > 0 && length + comma + size > budget) {
            queries.push(`${head}${literals.join(',')})`);
            literals = [];
            length = fixed;
        }
        length += (literals.length > 0 ? comma : 0) + size;
        literals.push(literal);
    }
    if (literals.length > 0) queries.push(`${head}${literals.join(',')})`);
    return queries;
}

/** Every row of `sobject` whose `keyField` is one of `keys` (the recycle bin too with includeDeleted). */
export async function readByKeys(
    api: OrgApi,
    sobject: string,
    fields: readonly string[],
    keyField: string,
    keys: readonly string[],
    options: { includeDeleted?: boolean } = {},
): Promise<OrgRow[]> {
    const rows: OrgRow[] = [];
    for (const soql of keyQueries(`SELECT ${fields.join(', ')} FROM ${sobject}`, keyField, keys)) {
        for await (const page of restQuery(api, soql, fields, options)) rows.push(...page);
    }
    return rows;
}
