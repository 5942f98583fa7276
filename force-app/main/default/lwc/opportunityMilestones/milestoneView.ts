// From evaluated milestones to what the panel shows: rows with their in-place action, the current
// stage first, earlier gaps and done items folded, later stages collapsed.
import type { EvaluatedMilestone, MilestoneEvaluation } from 'c/milestoneRules';
import type { MilestoneAction, MilestoneRow } from 'c/milestoneItem';

/** The subset of a UI API object info field the panel reads. */
export interface FieldDescription {
    label?: string;
    dataType?: string;
    updateable?: boolean;
    length?: number | null;
}
export interface ObjectDescription {
    fields?: Record<string, FieldDescription | undefined>;
}

export interface RowContext {
    evaluation: MilestoneEvaluation;
    /** Opportunity object info, for labels and whether a field can be edited; undefined if unreadable. */
    objectInfo: ObjectDescription | undefined;
    /** The deal's current values of the Field Filled fields, as the editor's starting text. */
    fieldValues: Record<string, unknown>;
    /** Whether the viewer may add contact roles (the contact-role list is readable). */
    contactRolesReadable: boolean;
    currentUserId: string;
    busy: boolean;
}

/** Opportunity field labels by API name. */
export function fieldLabels(objectInfo: ObjectDescription | undefined): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [name, field] of Object.entries(objectInfo?.fields ?? {})) {
        if (field?.label) {
            labels[name] = field.label;
        }
    }
    return labels;
}

function inputTypeOf(dataType: string | undefined): Extract<MilestoneAction, { kind: 'editField' }>['inputType'] {
    switch (dataType) {
        case 'TextArea':
            return 'textarea';
        case 'Date':
            return 'date';
        case 'Currency':
        case 'Double':
        case 'Int':
        case 'Percent':
            return 'number';
        default:
            return 'text';
    }
}

/** Types the inline editor can write as typed text; anything else (lookups, picklists) gets no editor. */
const EDITABLE_TYPES = new Set(['String', 'TextArea', 'Date', 'Currency', 'Double', 'Int', 'Percent', 'Url', 'Email', 'Phone']);

function activityLabel(activityType: string): string {
    const lower = activityType.toLowerCase();
    return `Log a${/^[aeiou]/.test(lower) ? 'n' : ''} ${lower}`;
}

export function actionFor(item: EvaluatedMilestone, context: RowContext): MilestoneAction | null {
    const { definition } = item;
    const value = definition.evidenceValue ?? '';
    if (item.status !== 'open' || item.stageRelation === 'later' || !value) {
        return null;
    }
    switch (definition.evidenceType) {
        case 'Contact Role':
            return context.contactRolesReadable ? { kind: 'addContactRole', label: `Add ${value}`, role: value } : null;
        case 'Activity':
            return { kind: 'logActivity', label: activityLabel(value), activityType: value };
        case 'Field Filled': {
            const field = context.objectInfo?.fields?.[value];
            if (!field?.updateable || !EDITABLE_TYPES.has(field.dataType ?? '')) {
                return null;
            }
            const current = context.fieldValues[value];
            return {
                kind: 'editField',
                label: `Edit ${field.label ?? value}`,
                fieldApiName: value,
                fieldLabel: field.label ?? value,
                inputType: inputTypeOf(field.dataType),
                maxLength: typeof field.length === 'number' && field.length > 0 ? field.length : null,
                value: current === null || current === undefined ? '' : String(current),
            };
        }
        default:
            return null;
    }
}

function sameUser(a: string | null, b: string): boolean {
    // Ids may come 15 or 18 characters long; the first 15 identify the record.
    return a !== null && a.slice(0, 15) === b.slice(0, 15);
}

export function toRow(item: EvaluatedMilestone, context: RowContext): MilestoneRow {
    const { evaluation } = context;
    const completion = item.evidence?.completion ?? null;
    const isNext = evaluation.next?.definition.id === item.definition.id;
    return {
        id: item.definition.id,
        name: item.definition.name,
        stage: item.definition.stage,
        showStage: item.stageRelation !== 'current',
        status: item.status,
        evidenceSummary: item.evidence?.summary ?? null,
        evidenceDate: item.evidence?.date ?? null,
        need: item.need,
        guidance: isNext ? item.definition.guidance : null,
        isNext,
        isMissing: evaluation.missingEarlier.some((missing) => missing.definition.id === item.definition.id),
        canConfirm: item.canConfirm,
        undoCompletionId: completion && sameUser(completion.confirmedById, context.currentUserId) ? completion.id : null,
        action: actionFor(item, context),
        busy: context.busy,
    };
}

export interface PanelSections {
    /** The current stage's milestones that are not done, in order: what the rep works on now. */
    current: MilestoneRow[];
    /** Earlier stages' milestones that are not done (missing or can't be checked). */
    earlier: MilestoneRow[];
    /** Done milestones of the current and earlier stages. */
    done: MilestoneRow[];
    later: MilestoneRow[];
}

export function panelSections(context: RowContext): PanelSections {
    const { evaluation } = context;
    const rows = (items: EvaluatedMilestone[]) => items.map((item) => toRow(item, context));
    return {
        current: rows(evaluation.current.filter((item) => item.status !== 'done')),
        earlier: rows(evaluation.milestones.filter((item) => item.stageRelation === 'earlier' && item.status !== 'done')),
        done: rows(evaluation.milestones.filter((item) => item.status === 'done')),
        later: rows(evaluation.later),
    };
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "3 earlier milestones missing", "1 earlier milestone missing, 1 can't be checked". */
export function earlierSummary(evaluation: MilestoneEvaluation, earlier: MilestoneRow[]): string | null {
    const missing = evaluation.missingEarlier.length;
    const unverifiable = earlier.filter((row) => row.status === 'unverifiable').length;
    if (missing === 0 && unverifiable === 0) {
        return null;
    }
    if (missing === 0) {
        return `${plural(unverifiable, 'earlier milestone')} can't be checked`;
    }
    const text = `${plural(missing, 'earlier milestone')} missing`;
    return unverifiable ? `${text}, ${unverifiable} can't be checked` : text;
}

/** "Later: Negotiation/Review (2)". */
export function laterSummary(later: MilestoneRow[]): string | null {
    if (!later.length) {
        return null;
    }
    const counts = new Map<string, number>();
    for (const row of later) {
        counts.set(row.stage, (counts.get(row.stage) ?? 0) + 1);
    }
    return `Later: ${[...counts.entries()].map(([stage, count]) => `${stage} (${count})`).join(', ')}`;
}

export function doneSummary(done: MilestoneRow[]): string | null {
    return done.length ? `${plural(done.length, 'milestone')} done` : null;
}
