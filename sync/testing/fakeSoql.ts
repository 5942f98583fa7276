// The small SOQL subset the fake Salesforce API understands: exactly what the sync service sends.
//   SELECT f1, f2 FROM Obj [WHERE a op literal (AND|OR) ...] [ORDER BY f [ASC|DESC]]
//   (op: = != > < >= <= IN LIKE; LIKE with the % and _ wildcards, case-insensitive)
//   SELECT COUNT() FROM Obj [WHERE ...]
// Anything else is rejected with MALFORMED_QUERY so that a new query shape fails loudly in tests.

export type FieldValue = string | number | boolean | null;
export type StoredRecord = Record<string, FieldValue>;

export interface Comparison {
    field: string;
    op: '=' | '!=' | '>' | '<' | '>=' | '<=' | 'IN' | 'LIKE';
    value: FieldValue | FieldValue[];
}

export interface ParsedQuery {
    sobject: string;
    fields: string[];
    count: boolean;
    /** Disjunction of conjunctions: AND binds tighter than OR, no parentheses. */
    where: Comparison[][];
    orderBy?: { field: string; descending: boolean };
}

export class SoqlError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'MALFORMED_QUERY';
    }
}

const tokenPattern = /\s*('(?:[^'\\]|\\.)*'|!=|>=|<=|=|>|<|,|\(|\)|[A-Za-z0-9_.:+\-]+)/y;

function tokenize(soql: string): string[] {
    const tokens: string[] = [];
    const rest = soql.trim();
    let position = 0;
    while (position < rest.length) {
        tokenPattern.lastIndex = position;
        const match = tokenPattern.exec(rest);
        if (!match || match[1] === undefined) {
            throw new SoqlError(`unsupported SOQL near "${rest.slice(position, position + 20)}"`);
        }
        tokens.push(match[1]);
        position = tokenPattern.lastIndex;
    }
    return tokens;
}

function unescapeString(token: string): string {
    return token.slice(1, -1).replace(/\\(.)/g, (_all, ch: string) => {
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
        return map[ch] ?? ch;
    });
}

const dateTimeLiteral = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

function parseLiteral(token: string): FieldValue {
    if (token.startsWith("'")) return unescapeString(token);
    const lower = token.toLowerCase();
    if (lower === 'null') return null;
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    if (dateTimeLiteral.test(token)) return new Date(token.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
    if (/^\d{4}-\d{2}-\d{2}$/.test(token)) return token;
    throw new SoqlError(`unsupported literal ${token}`);
}

export function parseSoql(soql: string): ParsedQuery {
    const tokens = tokenize(soql);
    let index = 0;
    const peek = (): string | undefined => tokens[index];
    const next = (): string => {
        const token = tokens[index++];
        if (token === undefined) throw new SoqlError('unexpected end of query');
        return token;
    };
    const expectKeyword = (keyword: string): void => {
        const token = next();
        if (token.toUpperCase() !== keyword) throw new SoqlError(`expected ${keyword}, found ${token}`);
    };

    expectKeyword('SELECT');
    const fields: string[] = [];
    let count = false;
    if (peek()?.toUpperCase() === 'COUNT') {
        next();
        if (next() !== '(' || next() !== ')') throw new SoqlError('only COUNT() is supported');
        count = true;
    } else {
        for (;;) {
            const field = next();
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new SoqlError(`unsupported field ${field}`);
            fields.push(field);
            if (peek() !== ',') break;
            next();
        }
    }
    expectKeyword('FROM');
    const sobject = next();
    const where: Comparison[][] = [];
    let orderBy: ParsedQuery['orderBy'];
    if (peek()?.toUpperCase() === 'WHERE') {
        next();
        let conjunction: Comparison[] = [];
        for (;;) {
            const field = next();
            const op = next().toUpperCase();
            if (!['=', '!=', '>', '<', '>=', '<=', 'IN', 'LIKE'].includes(op)) throw new SoqlError(`unsupported operator ${op}`);
            let value: FieldValue | FieldValue[];
            if (op === 'IN') {
                if (next() !== '(') throw new SoqlError('IN needs a parenthesised list');
                const values: FieldValue[] = [];
                for (;;) {
                    values.push(parseLiteral(next()));
                    const separator = next();
                    if (separator === ')') break;
                    if (separator !== ',') throw new SoqlError('bad IN list');
                }
                value = values;
            } else {
                value = parseLiteral(next());
            }
            conjunction.push({ field, op: op as Comparison['op'], value });
            const joiner = peek()?.toUpperCase();
            if (joiner === 'AND') {
                next();
            } else if (joiner === 'OR') {
                next();
                where.push(conjunction);
                conjunction = [];
            } else {
                where.push(conjunction);
                break;
            }
        }
    }
    if (peek()?.toUpperCase() === 'ORDER') {
        next();
        expectKeyword('BY');
        const field = next();
        let descending = false;
        const direction = peek()?.toUpperCase();
        if (direction === 'ASC' || direction === 'DESC') {
            next();
            descending = direction === 'DESC';
        }
        orderBy = { field, descending };
    }
    if (index < tokens.length) throw new SoqlError(`unsupported SOQL after "${tokens.slice(0, index).join(' ')}"`);
    return { sobject, fields, count, where, ...(orderBy ? { orderBy } : {}) };
}

function compareValues(left: FieldValue, right: FieldValue): number {
    if (typeof left === 'string' && typeof right === 'string' && dateTimeLiteral.test(right)) {
        return Date.parse(left) - Date.parse(right);
    }
    if (typeof left === 'number' || typeof right === 'number') return Number(left) - Number(right);
    return String(left) < String(right) ? -1 : String(left) > String(right) ? 1 : 0;
}

function matches(record: StoredRecord, comparison: Comparison): boolean {
    const actual = record[comparison.field] ?? null;
    const { op, value } = comparison;
    if (op === 'IN') return (value as FieldValue[]).some((candidate) => actual !== null && compareValues(actual, candidate) === 0);
    if (op === 'LIKE') return typeof actual === 'string' && likePattern(String(value)).test(actual);
    const expected = value as FieldValue;
    if (expected === null || actual === null) {
        if (op === '=') return actual === expected;
        if (op === '!=') return actual !== expected;
        return false;
    }
    const order = compareValues(actual, expected);
    switch (op) {
        case '=':
            return order === 0;
        case '!=':
            return order !== 0;
        case '>':
            return order > 0;
        case '<':
            return order < 0;
        case '>=':
            return order >= 0;
        default:
            return order <= 0;
    }
}

/** A LIKE pattern as a regular expression: % any run of characters, _ one character (the sync sends no escaped wildcards). */
function likePattern(pattern: string): RegExp {
    const source = [...pattern].map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    return new RegExp(`^${source}$`, 'is');
}

export function runQuery(query: ParsedQuery, records: Iterable<StoredRecord>): StoredRecord[] {
    let result = [...records].filter(
        (record) => query.where.length === 0 || query.where.some((conjunction) => conjunction.every((c) => matches(record, c))),
    );
    if (query.orderBy) {
        const { field, descending } = query.orderBy;
        result = result.sort((a, b) => {
            const order = compareValues(a[field] ?? '', b[field] ?? '');
            return descending ? -order : order;
        });
    }
    return result;
}
