// Streams one object's rows through its zod schema: rows that fail are skipped and counted with the
// file, line and fix; a missing required column stops the run.
import type { z } from 'zod';
import { InputError, Warnings } from '../core/problems';
import type { RawRow, RecordSource, RowLocation, SObjectName } from '../core/source';
import { columnChecks, invalid, type ColumnCheck } from './fields';
import { emptyObjectEffects, warningKinds, warningText } from './inputMessages';
import { requiredColumns, rowSchemas } from './schemas';

type RowOf<S extends SObjectName> = z.infer<(typeof rowSchemas)[S]>;

type RawBatch = { row: RawRow; at: RowLocation }[];
/** A source that hands over rows in batches (the CSV export), each row its own fresh object. */
interface BatchedRecordSource extends RecordSource {
    rowBatches(sobject: SObjectName, fields: readonly string[]): AsyncIterable<RawBatch>;
    /** The columns of a file already read: a file with a header and no rows. */
    columnsOf(sobject: SObjectName): readonly string[] | null;
}

function checkRequiredColumns(sobject: SObjectName, origin: string, has: (field: string) => boolean, columns: readonly string[] | null): void {
    const missing = requiredColumns[sobject].filter((field) => !has(field));
    // Columns named in another case (id for Id): the names are there, spelled differently.
    const misspelt = missing.flatMap((field) => columns?.filter((column) => column.toLowerCase() === field.toLowerCase()).map((column) => `${column} for ${field}`) ?? []);
    if (misspelt.length > 0) {
        throw new InputError(
            origin,
            1,
            `the header spells column names in another case (${misspelt.join(', ')}); API field names are matched exactly`,
            `Rename the columns to their API field names (${missing.join(', ')}) or export ${sobject} again with API names as headers`,
        );
    }
    if (missing.length > 0) {
        throw new InputError(
            origin,
            1,
            `the header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
            `Export ${sobject} again including ${missing.join(', ')} (API field names as headers)`,
        );
    }
}

function columnsOf(source: RecordSource, sobject: SObjectName): readonly string[] | null {
    return (source as Partial<BatchedRecordSource>).columnsOf?.call(source, sobject) ?? null;
}

/** An object without rows: its columns are still checked, and the warning says what the analysis loses. */
function noRows(source: RecordSource, sobject: SObjectName, warnings: Warnings): void {
    const columns = columnsOf(source, sobject);
    const origin = columns ? `${sobject}.csv` : sobject;
    if (columns) checkRequiredColumns(sobject, origin, (field) => columns.includes(field), columns);
    const effect = emptyObjectEffects[sobject];
    if (effect) warnings.add(warningKinds.noRows, origin, null, warningText.noRows(sobject, columns !== null, effect));
}

async function* batchesOf(source: RecordSource, sobject: SObjectName, fields: readonly string[]): AsyncIterable<RawBatch> {
    const batched = source as Partial<BatchedRecordSource>;
    if (typeof batched.rowBatches === 'function') {
        yield* batched.rowBatches.call(source, sobject, fields);
        return;
    }
    // A copy: the values are converted in place, and another source may keep its rows.
    for await (const { row, at } of source.rows(sobject, fields)) yield [{ row: { ...row }, at }];
}

/** Rows in batches; the caller loops over each batch. */
export async function* readRows<S extends SObjectName>(
    source: RecordSource,
    sobject: S,
    warnings: Warnings,
): AsyncGenerator<{ row: RowOf<S>; at: RowLocation }[]> {
    const schema = rowSchemas[sobject];
    const fields = Object.keys(schema.shape);
    // Per-column checks derived from the schema's field types; zod words the warning when one fails.
    const checks = fields.map((field) => columnChecks.get((schema.shape as Record<string, z.ZodType>)[field]!));
    const fast = checks.every((check) => check !== undefined) ? (checks as ColumnCheck[]) : null;
    const converted: unknown[] = new Array(fields.length);
    let checked = false;
    for await (const batch of batchesOf(source, sobject, fields)) {
    const valid: { row: RowOf<S>; at: RowLocation }[] = [];
    for (const { row, at } of batch) {
        if (!checked) {
            checked = true;
            checkRequiredColumns(sobject, at.origin, (field) => field in row, columnsOf(source, sobject));
        }
        if (fast) {
            // All columns checked first; only then are the values converted in place (the row is
            // the source's own, fresh per row), so a failing row still holds its text for zod.
            let ok = true;
            for (let i = 0; i < fields.length; i++) {
                const result = fast[i]!(row[fields[i]!]);
                if (result === invalid) {
                    ok = false;
                    break;
                }
                converted[i] = result;
            }
            if (ok) {
                const out = row as Record<string, unknown>;
                for (let i = 0; i < fields.length; i++) {
                    const field = fields[i]!;
                    if (out[field] !== undefined) out[field] = converted[i];
                }
                valid.push({ row: out as RowOf<S>, at });
                continue;
            }
        }
        const parsed = schema.safeParse(row);
        if (parsed.success) {
            valid.push({ row: parsed.data as RowOf<S>, at });
            continue;
        }
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        const value = row[field];
        const kind = (issue as { params?: { kind?: string } }).params?.kind ?? (value === null || value === undefined ? 'missing value' : 'wrong type');
        const shown = value === null || value === undefined ? '' : ` "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
        warnings.add(kind, at.origin, at.line, `${field}${shown} ${issue.message}; the row was skipped (fix the value or leave it empty if optional)`);
    }
    if (valid.length > 0) yield valid;
    }
    if (!checked) noRows(source, sobject, warnings);
}
